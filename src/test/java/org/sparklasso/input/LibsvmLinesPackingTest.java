package org.sparklasso.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparklasso.SparkTestSession;
import org.sparklasso.block.Block;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.JobException;

/**
 * A LIBSVM input packed from its text lines ({@link LibsvmLinePacking}) against the same files read
 * by Spark's LIBSVM reader (the direct packing off): the same width, feature names, rows, labels,
 * classes and folds bit for bit, and the same blocks (dense or sparse, the same values stored), for
 * dense and sparse rows, comments, blank lines, runs of spaces, explicit zeros and partitions that
 * never meet the highest index; a line the reading refuses but Spark reads goes to Spark's reader;
 * a bad line is named as Spark's reader path names it.
 */
class LibsvmLinesPackingTest {
    @TempDir
    Path dir;

    @AfterEach
    void directBackOn() {
        Blocks.directPacking = true;
    }

    /**
     * Row r: label by {@code labels}, feature 1 the row id (r + 1, the rows' key in {@link StoredRows}),
     * then {@code perRow} more features among 2..width by a fixed stride, some explicit zeros, some
     * 17-digit values, some integers; the first half of the rows stays below width / 2, so the
     * partitions that read only them never meet the highest index.
     */
    private static List<String> lines(int n, int width, int perRow, java.util.function.IntFunction<String> labels) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            StringBuilder line = new StringBuilder(labels.apply(r)).append(" 1:").append(r + 1);
            int top = r < n / 2 ? width / 2 : width;
            java.util.TreeSet<Integer> idx = new java.util.TreeSet<>();
            for (int k = 0; k < perRow; k++) {
                idx.add(2 + (int) (((long) r * 7919 + (long) k * 104729) % (top - 1)));
            }
            if (r == n - 1) {
                idx.add(width);
            }
            for (int j : idx) {
                String v = j % 5 == 0 ? "0" : j % 3 == 0 ? Integer.toString(r % 7 - 3)
                        : Double.toString(Math.sin(r * 0.37 + j) * (j % 11 + 1));
                line.append(r % 10 == 3 ? "  " : " ").append(j).append(':').append(v);
            }
            out.add(line.toString());
            if (r % 97 == 5) {
                out.add("# a comment line");
            }
            if (r % 101 == 7) {
                out.add("   ");
            }
        }
        return out;
    }

    private String write(String name, List<String> rows, int files) throws IOException {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        int per = (rows.size() + files - 1) / files;
        for (int f = 0; f < files; f++) {
            Files.write(d.resolve("part-" + f + ".libsvm"),
                    rows.subList(Math.min(rows.size(), f * per), Math.min(rows.size(), (f + 1) * per)),
                    StandardCharsets.UTF_8);
        }
        return d.toString();
    }

    private static LoadedData load(String path, boolean direct, Family family, int nfolds) {
        Blocks.directPacking = direct;
        SparkSession spark = SparkTestSession.get();
        BlockSpec spec = new BlockSpec(null, List.of(), null, null, null, nfolds, 7L, family, 0, 0, false);
        return new DataLoader(spark, new ReadSpec(path, InputFormat.LIBSVM, false, Map.of()), spec).load();
    }

    /** Loads with the text lines and without; both must give the same data. Returns whether the lines packed it. */
    private static boolean sameAsSparksReader(String path, Family family, int nfolds, int rows) {
        int before = Blocks.directPacked.get();
        LoadedData lines = load(path, true, family, nfolds);
        boolean packedFromLines = Blocks.directPacked.get() == before + 1;
        LoadedData reader = load(path, false, family, nfolds);
        try {
            StoredRows.assertSameLoad(reader, lines, rows);
            assertEquals(family.isClassification(), lines.classes() != null);
            assertEquals(reader.storedValues(), lines.storedValues());
            assertEquals(kinds(reader), kinds(lines));
        } finally {
            lines.release(false);
            reader.release(false);
        }
        return packedFromLines;
    }

    /** Each block's class, rows and width, in order. */
    private static List<String> kinds(LoadedData data) {
        return data.blocks().collect().stream()
                .map((Block b) -> b.getClass().getSimpleName() + " " + b.rows() + "×" + b.numFeatures()).toList();
    }

    @Test
    void denseRowsPackTheSameDenseBlocksAsSparksReader() throws IOException {
        String path = write("dense", lines(3000, 40, 38, r -> Double.toString(Math.cos(r))), 3);
        assertEquals(true, sameAsSparksReader(path, Family.GAUSSIAN, 0, 3000), "packed from the lines");
    }

    @Test
    void sparseRowsInManySplitsPackTheSameSparseBlocks() throws IOException {
        String path = write("sparse", lines(4000, 5000, 6, r -> r % 3 == 0 ? "+1" : "-1"), 2);
        SparkTestSession.withConf("spark.sql.files.maxPartitionBytes", "20000", () -> {
            assertEquals(true, sameAsSparksReader(path, Family.BINOMIAL, 5, 4000), "packed from the lines");
            assertEquals(true, load(path, true, Family.GAUSSIAN, 0).blocks().getNumPartitions() > 10,
                    "read in many splits");
        });
    }

    @Test
    void classLabelsAreNamedAsSparksReaderNamesThem() throws IOException {
        // labels written 0, 1.0, 2e0 and 10: Spark names a class by its double label as text
        String path = write("classes", lines(1200, 30, 8, r -> new String[] {"0", "1.0", "2e0", "10"}[r % 4]), 1);
        assertEquals(true, sameAsSparksReader(path, Family.MULTINOMIAL, 0, 1200), "packed from the lines");
    }

    @ParameterizedTest
    @ValueSource(strings = {"signed-index", "second-colon", "d-suffixed-label"})
    void aLineTheReadingRefusesButSparkReadsIsLoadedBySparksReader(String kind) throws IOException {
        List<String> rows = lines(1000, 30, 8, r -> Double.toString(r % 5));
        String line = rows.get(700);
        rows.set(700, switch (kind) {
            case "signed-index" -> line.replaceFirst(" 1:", " +1:");   // Spark's toInt takes the sign
            case "second-colon" -> line.replaceFirst(" 1:(\\S+)", " 1:$1:9");  // Spark takes the field after the first colon
            default -> "4.0d" + line.substring(line.indexOf(' '));      // Java's syntax: a 'd' suffix
        });
        String path = write(kind, rows, 1);
        boolean fromLines = sameAsSparksReader(path, Family.GAUSSIAN, 0, 1000);
        assertEquals(!kind.equals("d-suffixed-label"), !fromLines, "Spark's reader packed it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7:abc", "9:1 8:2", "0:1", "x", "3:NaN"})
    void aBadLineIsReportedAsSparksReaderPathReportsIt(String entries) throws IOException {
        List<String> rows = lines(1000, 30, 8, r -> Double.toString(r % 5));
        rows.set(700, entries.equals("x") ? "x 1:701" : "1.5 1:701 " + entries);  // line 701 of the file
        String path = write("bad-" + Integer.toHexString(entries.hashCode()), rows, 1);
        int before = Blocks.directPacked.get();
        JobException viaLines = assertThrows(JobException.class, () -> load(path, true, Family.GAUSSIAN, 0));
        JobException viaReader = assertThrows(JobException.class, () -> load(path, false, Family.GAUSSIAN, 0));
        assertEquals(before, Blocks.directPacked.get());
        assertEquals(viaReader.getMessage(), viaLines.getMessage());
        // a line Spark's parser refuses is named by its line in the file, comments and blank lines counted;
        // a NaN, which it reads, by its data row (8 comment and 7 blank lines come before it)
        String where = entries.endsWith("NaN") ? "data row 686 " : "line 701 ";
        assertEquals(true, viaLines.getMessage().contains(where), viaLines.getMessage());
    }
}
