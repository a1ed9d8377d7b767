package org.sparklasso.cli;

import org.sparklasso.spec.ExitCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparklasso.SparkTestSession;

/**
 * The exit-code and stderr contract of {@link Main#run}: 0 success; 2 bad arguments or
 * configuration; 3 bad input data; 1 anything else. Every failure prints exactly one
 * {@code spark-lasso: error:} line naming the culprit, and a stack trace only with --verbose.
 * Also the output contract: atomic replacement, failed runs leave the previous output alone.
 */
class ErrorHandlingTest {
    private static final String PREFIX = "spark-lasso: error:";
    /** The job's progress lines (conf/log4j2.properties keeps everything else at WARN). */
    private static final java.util.regex.Pattern PROGRESS =
            java.util.regex.Pattern.compile("\\d\\d:\\d\\d:\\d\\d INFO \\w+: .*");
    private static final String HEADER = "y,x1,x2,x3";

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static String good;

    @BeforeAll
    static void setUp() throws IOException {
        spark = SparkTestSession.get();
        good = csv("good.csv", goodRows(20));
    }

    // ---------------------------------------------------------------------------------------------
    // exit 2: bad arguments or configuration (no Spark job runs)
    // ---------------------------------------------------------------------------------------------

    @Test
    void unknownKeyIsNamed() {
        Result r = run("train", "--input", good, "--labelCol", "y", "--lamda", "1", "--output", out("u"));
        r.assertError(ExitCode.BAD_CONFIG, "'lamda'");
    }

    @Test
    void badValueIsNamed() {
        Result r = run("train", "--input", good, "--labelCol", "y", "--lambda", "1", "--alpha", "2",
                "--output", out("a"));
        r.assertError(ExitCode.BAD_CONFIG, "alpha", "'2'");
    }

    @Test
    void crossValidationSettingsAreChecked() {
        run("train", "--input", good, "--labelCol", "y", "--nfolds", "2", "--output", out("cv"))
                .assertError(ExitCode.BAD_CONFIG, "nfolds", "'2'");
        run("train", "--input", good, "--labelCol", "y", "--typeMeasure", "auc", "--output", out("cv"))
                .assertError(ExitCode.BAD_CONFIG, "typeMeasure", "auc");
        run("train", "--input", good, "--labelCol", "y", "--foldCol", "nope", "--output", out("cv"))
                .assertError(ExitCode.BAD_INPUT, "foldCol", "nope");
    }

    @Test
    void missingRequiredKeysAreNamed() {
        run("train", "--labelCol", "y", "--lambda", "1", "--output", out("m"))
                .assertError(ExitCode.BAD_CONFIG, "input", "required");
        run("train", "--input", good, "--labelCol", "y", "--lambda", "1")
                .assertError(ExitCode.BAD_CONFIG, "output", "required");
    }

    @Test
    void badSolverIsNamed() {
        run("train", "--input", good, "--labelCol", "y", "--lambda", "1", "--solver", "newton",
                "--output", out("s"))
                .assertError(ExitCode.BAD_CONFIG, "solver", "'newton'");
    }

    @Test
    void unknownCommandIsNamed() {
        run("trian", "--input", good).assertError(ExitCode.BAD_CONFIG, "'trian'");
    }

    @Test
    void configFileNotFound() {
        String missing = tmp.resolve("no-such.properties").toString();
        run("train", "--config", missing, "--lambda", "1")
                .assertError(ExitCode.BAD_CONFIG, "config file", missing);
    }

    @Test
    void unknownKeyInPropertiesFile() throws IOException {
        Path props = tmp.resolve("bad.properties");
        Files.writeString(props, "input=" + good + "\nlabelCol=y\nlamda=1\noutput=" + out("p") + "\n");
        run("train", "--config", props.toString())
                .assertError(ExitCode.BAD_CONFIG, "'lamda'", props.toString());
    }

    @Test
    void verbosePrintsTheStackTrace() {
        Result r = run("train", "--input", good, "--labelCol", "y", "--lambda", "1", "--alpha", "2",
                "--output", out("v"), "--verbose");
        assertEquals(ExitCode.BAD_CONFIG, r.code(), r.err());
        assertEquals(1, r.errorLines().size(), r.err());
        assertTrue(r.errorLines().get(0).contains("alpha"), r.err());
        assertTrue(r.err().contains("JobException") && r.err().contains("\tat "),
                "--verbose should print the stack trace:\n" + r.err());
    }

    // ---------------------------------------------------------------------------------------------
    // exit 3: bad input data
    // ---------------------------------------------------------------------------------------------

    @Test
    void missingInputFileIsNamed() {
        String missing = tmp.resolve("nowhere/data.csv").toString();
        run("train", "--input", missing, "--labelCol", "y", "--lambda", "1", "--output", out("mi"))
                .assertError(ExitCode.BAD_INPUT, missing);
    }

    @Test
    void unreadableFormat() {
        run("train", "--input", good, "--format", "parquet", "--labelCol", "y", "--lambda", "1",
                "--output", out("uf"))
                .assertError(ExitCode.BAD_INPUT, good);
    }

    /** A truncated gzip file fails inside the load pass (a failed Spark job), not while planning. */
    @Test
    void truncatedCompressedInput() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write((HEADER + "\n" + String.join("\n", goodRows(5000)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path file = tmp.resolve("truncated.csv.gz");
        Files.write(file, Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2));
        run("train", "--input", file.toString(), "--labelCol", "y", "--lambda", "1", "--output", out("gz"))
                .assertError(ExitCode.BAD_INPUT, file.toString());
    }

    @Test
    void missingLabelColumnIsNamed() {
        run("train", "--input", good, "--labelCol", "target", "--lambda", "1", "--output", out("ml"))
                .assertError(ExitCode.BAD_INPUT, "'target'");
    }

    @Test
    void emptyData() throws IOException {
        String empty = csv("empty.csv", List.of());
        run("train", "--input", empty, "--labelCol", "y", "--lambda", "1", "--output", out("e"))
                .assertError(ExitCode.BAD_INPUT, empty, "no data rows");
    }

    /**
     * Each kind of bad row, first at data row 3 (line 4, after the header), again (or another kind)
     * at data row 7: the message gives the count, the first row and what is wrong with it. Spark's
     * CSV reader reads "Inf", "Infinity" (and their negatives) and "NaN" as non-finite doubles;
     * other spellings such as "inf" are non-numeric values.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "too few fields, too many     | 1.5,2,3      | 1.5,2,3,4,5       | malformed line",
        "too many fields, too few     | 1.5,2,3,4,5  | 1.5,2             | malformed line",
        "non-numeric value, inf       | 1.5,2,abc,4  | 1.5,2,inf,4       | malformed line",
        "NaN label, missing label     | NaN,2,3,4    | ',2,3,4'          | label is NaN or infinite",
        "Inf feature, -Inf            | 1.5,2,Inf,4  | 1.5,-Inf,3,4      | NaN or infinite value in column x2",
        "Infinity feature, -Infinity  | 1.5,2,3,Infinity | 1.5,-Infinity,3,4 | NaN or infinite value in column x3",
        "missing value, trailing      | '1.5,,3,4'   | '1.5,2,3,'        | missing value in column x1",
    })
    void badRowsAreCountedAndTheFirstIsLocated(String kind, String first, String second, String problem)
            throws IOException {
        List<String> rows = new ArrayList<>(goodRows(10));
        rows.set(2, first);
        rows.set(6, second);
        String file = csv("bad-" + kind.replaceAll("\\W+", "_") + ".csv", rows);
        run("train", "--input", file, "--labelCol", "y", "--lambda", "1", "--output", out("b"))
                .assertError(ExitCode.BAD_INPUT, "2 bad rows of 10", "data row 3 (line 4)", file, problem);
    }

    /** Several kinds in one file; the first bad row lies in the second of several input splits. */
    @Test
    void badRowNumberAcrossInputSplits() throws IOException {
        List<String> rows = new ArrayList<>(goodRows(3000));
        rows.set(1999, "1.5,2,abc,4");
        rows.set(2099, "NaN,2,3,4");
        rows.set(2199, "1.5,2,3");
        rows.set(2999, "1.5,2,3,Inf");
        String file = csv("split.csv", rows);
        spark.conf().set("spark.sql.files.maxPartitionBytes", "16k");
        try {
            Result r = run("train", "--input", file, "--labelCol", "y", "--lambda", "1", "--output", out("sp"));
            r.assertError(ExitCode.BAD_INPUT, "4 bad rows of 3000", "data row 2000 (line 2001)", file);
        } finally {
            spark.conf().unset("spark.sql.files.maxPartitionBytes");
        }
        assertTrue(Files.size(Path.of(file)) > 3 * 16 * 1024, "the file should span several splits");
    }

    /**
     * A directory of three small files, which Spark packs largest first, two to a partition on
     * local[2] (part-a then part-b, and part-c): the first bad row lies in part-b, the second file its
     * partition reads, and the message names that file and the row's number within it (the file name
     * is read from the scan as it moves from file to file, not from a column of the query).
     */
    @Test
    void badRowInTheSecondFileOfAPartitionNamesThatFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("three-files"));
        List<String> bad = new ArrayList<>(goodRows(7));
        bad.set(3, "1.5,2,abc,4");
        Map<String, List<String>> files = Map.of("part-a.csv", goodRows(8), "part-b.csv", bad,
                "part-c.csv", goodRows(5));
        for (Map.Entry<String, List<String>> f : files.entrySet()) {
            List<String> lines = new ArrayList<>();
            lines.add(HEADER);
            lines.addAll(f.getValue());
            Files.write(dir.resolve(f.getKey()), lines);
        }
        Result r = run("train", "--input", dir.toString(), "--format", "csv", "--labelCol", "y", "--lambda", "1",
                "--output", out("dir"));
        r.assertError(ExitCode.BAD_INPUT, "1 bad row of 20", "data row 4 (line 5)", "part-b.csv", "malformed line");
        String line = r.errorLines().get(0);
        assertFalse(line.contains("part-a.csv") || line.contains("part-c.csv"), line);
    }

    // ---------------------------------------------------------------------------------------------
    // exit 1: anything else
    // ---------------------------------------------------------------------------------------------

    /** A file where the output's parent directory must go is caught before any work (exit 2). */
    @Test
    void outputUnderARegularFile() throws IOException {
        Path file = tmp.resolve("plain-file");
        Files.writeString(file, "not a directory\n");
        String output = file.resolve("out").toString();
        Result r = run("train", "--input", good, "--labelCol", "y", "--lambda", "1", "--output", output);
        r.assertError(ExitCode.BAD_CONFIG, file.toString());
        assertEquals("not a directory\n", Files.readString(file));
    }

    /**
     * Not a configuration or data problem: the output's file system cannot be reached (an HDFS
     * name node on a closed loopback port, no connection retries). Exit 1.
     */
    @Test
    void unreachableOutputFileSystem() {
        org.apache.hadoop.conf.Configuration conf = SparkTestSession.get().sparkContext().hadoopConfiguration();
        conf.set("ipc.client.connect.max.retries", "0");
        conf.set("ipc.client.connect.max.retries.on.timeouts", "0");
        try {
            Result r = run("train", "--input", good, "--labelCol", "y", "--lambda", "1",
                    "--output", "hdfs://127.0.0.1:1/models/out");
            r.assertError(ExitCode.FAILURE, "hdfs://127.0.0.1:1/models/out");
        } finally {
            conf.unset("ipc.client.connect.max.retries");
            conf.unset("ipc.client.connect.max.retries.on.timeouts");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // success and the output contract
    // ---------------------------------------------------------------------------------------------

    @Test
    void constantFeaturesGetZeroCoefficients() throws IOException {
        List<String> rows = new ArrayList<>();
        for (String r : goodRows(30)) {
            rows.add(r + ",5,0");
        }
        String file = csv("constant.csv", HEADER + ",c5,zero", rows);
        for (String standardize : List.of("true", "false")) {
            String output = out("const-" + standardize);
            Result r = run("train", "--input", file, "--labelCol", "y", "--lambda", "0.5,0.001",
                    "--standardize", standardize, "--output", output);
            r.assertOk();
            List<Row> coefs = spark.read().parquet(output + "/coefficients").collectAsList();
            assertEquals(2 * 6, coefs.size());
            for (Row row : coefs) {
                double c = row.getDouble(row.fieldIndex("coefficient"));
                String feature = row.getString(row.fieldIndex("feature"));
                assertTrue(Double.isFinite(c), feature + " = " + c);
                if (feature.equals("c5") || feature.equals("zero")) {
                    assertEquals(0.0, c, 0.0, "constant feature " + feature + " (standardize=" + standardize + ")");
                }
            }
        }
    }

    @Test
    void rerunReplacesAndFailedRunLeavesThePreviousOutput() throws IOException {
        String output = out("rerun");
        Path dir = Path.of(output);
        run("train", "--input", good, "--labelCol", "y", "--lambda", "1", "--output", output).assertOk();
        assertEquals(List.of(1.0), lambdas(output));

        run("train", "--input", good, "--labelCol", "y", "--lambda", "2", "--output", output).assertOk();
        assertEquals(List.of(2.0), lambdas(output));
        assertTrue(Files.exists(dir.resolve("_SUCCESS")));
        assertTrue(Files.exists(dir.resolve("metrics.json")));
        assertNoHiddenLeftovers(dir);

        Map<String, String> before = snapshot(dir);
        List<String> rows = new ArrayList<>(goodRows(10));
        rows.set(4, "1,2,3");
        String bad = csv("bad-rerun.csv", rows);
        run("train", "--input", bad, "--labelCol", "y", "--lambda", "3", "--output", output)
                .assertError(ExitCode.BAD_INPUT, "1 bad row of 10", "data row 5");
        assertEquals(before, snapshot(dir), "a failed run must leave the previous output untouched");
        assertTrue(Files.exists(dir.resolve("_SUCCESS")));
        assertEquals(List.of(2.0), lambdas(output));
        assertNoHiddenLeftovers(dir);
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotAnOutput() throws IOException {
        Path dir = tmp.resolve("precious");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "keep me\n");
        Map<String, String> before = snapshot(dir);
        run("train", "--input", good, "--labelCol", "y", "--lambda", "1", "--output", dir.toString())
                .assertError(ExitCode.BAD_CONFIG, dir.toString(), "not a spark-lasso output");
        assertEquals(before, snapshot(dir));
        assertNoHiddenLeftovers(dir);
    }

    // ---------------------------------------------------------------------------------------------

    /** Exit code and captured stderr of one in-process run. */
    record Result(int code, String err) {
        List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith(PREFIX)).toList();
        }

        void assertError(int expectedCode, String... mentions) {
            assertEquals(expectedCode, code, "exit code; stderr:\n" + err);
            List<String> lines = errorLines();
            assertEquals(1, lines.size(), "exactly one error line expected; stderr:\n" + err);
            assertEquals(List.of(lines.get(0)), err.lines().filter(l -> !l.isBlank() && !PROGRESS.matcher(l).matches())
                    .toList(), "nothing but the error line (and the job's INFO progress) on stderr");
            for (String m : mentions) {
                assertTrue(lines.get(0).contains(m), "error line should mention '" + m + "': " + lines.get(0));
            }
            assertFalse(err.contains("\tat ") || err.contains("Exception"), "stack trace without --verbose:\n" + err);
        }

        void assertOk() {
            assertEquals(ExitCode.OK, code, "stderr:\n" + err);
            assertTrue(errorLines().isEmpty(), err);
        }
    }

    static Result run(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int code;
        System.setErr(capture);
        try {
            code = Main.run(args);
        } finally {
            System.setErr(saved);
            capture.flush();
        }
        return new Result(code, buffer.toString(StandardCharsets.UTF_8));
    }

    /** y = 3 + 2·x1 − x2 + 0.5·x3 + small deterministic noise. */
    static List<String> goodRows(int n) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x1 = i % 13;
            double x2 = (i * 7) % 5;
            double x3 = (i * 3) % 11 - 5;
            double y = 3 + 2 * x1 - x2 + 0.5 * x3 + ((i % 3) - 1) * 0.1;
            rows.add(y + "," + x1 + "," + x2 + "," + x3);
        }
        return rows;
    }

    static String csv(String name, List<String> rows) throws IOException {
        return csv(name, HEADER, rows);
    }

    static String csv(String name, String header, List<String> rows) throws IOException {
        Path file = tmp.resolve(name);
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        Files.write(file, lines);
        return file.toString();
    }

    static String out(String name) {
        return tmp.resolve("out").resolve(name).toString();
    }

    static List<Double> lambdas(String output) {
        return spark.read().parquet(output + "/coefficients").select("lambda").distinct().collectAsList()
                .stream().map(r -> r.getDouble(0)).sorted().toList();
    }

    /** Relative path → size, modification time and content hash of every file under dir. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis()
                        + ":" + Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    /** No staging (or moved-aside) directories left beside the output. */
    static void assertNoHiddenLeftovers(Path output) throws IOException {
        String prefix = "." + output.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(output.getParent())) {
            List<String> left = siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix + "staging-") || n.startsWith(prefix + "old-")).toList();
            assertEquals(List.of(), left);
        }
    }
}
