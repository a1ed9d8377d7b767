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
import org.sparklasso.spec.Family;
import org.sparklasso.spec.JobException;

/**
 * A plain CSV packed from its text lines ({@link CsvLines}) against the same files packed from Spark's
 * CSV reader (with the direct packing off): the same rows, labels, weights, folds and features, bit for
 * bit, with headers skipped per file and per split as Spark skips them; a line the split cannot take
 * sends the input to the CSV reader, which loads it or names it exactly as without the text lines.
 */
class CsvLinesPackingTest {
    @TempDir
    Path dir;

    @AfterEach
    void directBackOn() {
        Blocks.directPacking = true;
    }

    /** Row r: an id, a class label, a weight, a fold id 1..3, and 12 features (some 17-digit, some integers). */
    private static List<String> lines(int n, String sep) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            StringBuilder line = new StringBuilder();
            line.append(r).append(sep).append((r * 7) % 3 * 10).append(sep).append(0.5 + r % 4).append(sep)
                    .append(1 + r % 3);
            for (int j = 0; j < 12; j++) {
                line.append(sep).append(j % 4 == 0 ? Integer.toString(r % 9 - j) : Double.toString(Math.sin(r * 0.37 + j) * (j + 1)));
            }
            out.add(line.toString());
        }
        return out;
    }

    private static String header(String sep) {
        StringBuilder h = new StringBuilder("id" + sep + "label" + sep + "w" + sep + "fold");
        for (int j = 0; j < 12; j++) {
            h.append(sep).append("x").append(j);
        }
        return h.toString();
    }

    /** The rows in {@code files} part files, each with the header when {@code header}. */
    private String write(String name, List<String> rows, int files, boolean header, String sep) throws IOException {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        int per = (rows.size() + files - 1) / files;
        for (int f = 0; f < files; f++) {
            List<String> part = new ArrayList<>();
            if (header) {
                part.add(header(sep));
            }
            part.addAll(rows.subList(Math.min(rows.size(), f * per), Math.min(rows.size(), (f + 1) * per)));
            Files.write(d.resolve("part-" + f + ".csv"), part, StandardCharsets.UTF_8);
        }
        return d.toString();
    }

    private static LoadedData load(String path, boolean header, String sep, boolean direct, Family family) {
        Blocks.directPacking = direct;
        SparkSession spark = SparkTestSession.get();
        BlockSpec spec = new BlockSpec(header ? "label" : "2", List.of(), null, header ? "w" : "3",
                header ? "fold" : "4", 0, 1L, family, 0, 500, false);
        Map<String, String> options = sep.equals(",") ? Map.of() : Map.of("sep", sep);
        return new DataLoader(spark, new ReadSpec(path, InputFormat.CSV, header, options), spec).load();
    }

    /** Loads with the text lines and without; both must give the same rows. Returns whether the lines packed it. */
    private static boolean sameAsTheCsvReader(String path, boolean header, String sep, Family family, int rows) {
        int before = Blocks.directPacked.get();
        LoadedData lines = load(path, header, sep, true, family);
        boolean packedFromLines = Blocks.directPacked.get() == before + 1;
        LoadedData reader = load(path, header, sep, false, family);
        try {
            StoredRows.assertSameLoad(reader, lines, rows);
            assertEquals(family.isClassification(), lines.classes() != null);
        } finally {
            lines.release(false);
            reader.release(false);
        }
        return packedFromLines;
    }

    @Test
    void packsTheSameBlocksAsTheCsvReaderWithAHeaderInEveryFile() throws IOException {
        String path = write("three-files", lines(3000, ","), 3, true, ",");
        assertEquals(true, sameAsTheCsvReader(path, true, ",", Family.MULTINOMIAL, 3000), "packed from the lines");
        assertEquals(true, sameAsTheCsvReader(path, true, ",", Family.GAUSSIAN, 3000), "packed from the lines");
    }

    @Test
    void aFileReadInManySplitsHasItsHeaderSkippedOnce() throws IOException {
        String path = write("one-file", lines(4000, ","), 1, true, ",");
        SparkTestSession.withConf("spark.sql.files.maxPartitionBytes", "20000", () -> {
            assertEquals(true, sameAsTheCsvReader(path, true, ",", Family.GAUSSIAN, 4000), "packed from the lines");
            assertEquals(true, load(path, true, ",", true, Family.GAUSSIAN).blocks().getNumPartitions() > 10,
                    "read in many splits");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", "\\t"})
    void tabSeparatedWithoutAHeader(String sep) throws IOException {
        // the tab itself (a .tsv input) and as a config writes it (sep=\t: backslash, t)
        String path = write("tabs-" + sep.length(), lines(1500, "\t"), 2, false, "\t");
        assertEquals(true, sameAsTheCsvReader(path, false, sep, Family.GAUSSIAN, 1500), "packed from the lines");
    }

    /** 1,000 rows in one file with a header, line 702 (row 700) rewritten by {@code edit}. */
    private String withRow700(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        List<String> rows = lines(1000, ",");
        rows.set(700, edit.apply(rows.get(700)));
        return write(name, rows, 1, true, ",");
    }

    /** Field c of a line replaced by {@code value}. */
    private static String field(String line, int c, String value) {
        String[] f = line.split(",", -1);
        f[c] = value;
        return String.join(",", f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quoted", "spaced", "blank-line", "non-ascii-label"})
    void aLineTheSplitRefusesButSparkReadsIsLoadedByTheCsvReader(String kind) throws IOException {
        String path = withRow700(kind, line -> switch (kind) {
            case "quoted" -> field(line, 0, "\"" + line.substring(0, line.indexOf(',')) + "\"");
            case "spaced" -> field(line, 6, " 1.5");   // Java's number syntax takes it, spaces and all
            case "blank-line" -> line + "\n";
            default -> field(line, 1, "zéro");
        });
        Family family = kind.equals("non-ascii-label") ? Family.MULTINOMIAL : Family.GAUSSIAN;
        assertEquals(false, sameAsTheCsvReader(path, true, ",", family, 1000), "the CSV reader packed it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "abc", "", "1,2"})
    void aBadLineIsReportedAsTheCsvReaderReportsIt(String value) throws IOException {
        List<String> rows = lines(1000, ",");
        String[] f = rows.get(700).split(",", -1);
        f[6] = value;
        rows.set(700, String.join(",", f));
        String path = write("bad-" + value.hashCode(), rows, 1, true, ",");
        int before = Blocks.directPacked.get();
        JobException viaLines = assertThrows(JobException.class, () -> load(path, true, ",", true, Family.GAUSSIAN));
        JobException viaReader = assertThrows(JobException.class, () -> load(path, true, ",", false, Family.GAUSSIAN));
        assertEquals(before, Blocks.directPacked.get());
        assertEquals(viaReader.getMessage(), viaLines.getMessage());
        assertEquals(true, viaLines.getMessage().contains("line 702"), viaLines.getMessage());
    }
}
