package org.sparklasso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through {@code submit.sh}, after {@code mvn package} (run by maven-failsafe-plugin):
 * the embedded Spark runtime, arguments with spaces, the exit code of a configuration error and an
 * installed Spark ({@code $SPARK_HOME/bin/spark-submit}, faked with the embedded jars).
 */
class SubmitScriptIT {
    private static final long TIMEOUT_MINUTES = 5;
    private static final String PREFIX = "spark-lasso: error:";
    private static final List<String> DIABETES_FEATURES =
            List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");

    @TempDir
    Path tmp;

    private static Path root() {
        return Path.of(System.getProperty("sparklasso.basedir", ".")).toAbsolutePath();
    }

    @Test
    void trainsTheDiabetesSampleWithTheEmbeddedRuntime() throws Exception {
        Path out = tmp.resolve("out");
        Run run = submit(Map.of(), "--master", "local[2]", "train", "--input", "sample-data/diabetes.csv",
                "--labelCol", "progression", "--lambda", "1,0.1", "--output", out.toString());
        run.assertExit(0);
        assertTrue(Files.exists(out.resolve("_SUCCESS")), "_SUCCESS missing");
        assertFalse(run.stderr().contains(PREFIX), run.stderr());

        Dataset<Row> coefs = SparkTestSession.get().read().parquet(out.resolve("coefficients").toString());
        StructField[] fields = coefs.schema().fields();
        assertEquals(List.of("feature", "index", "coefficient", "lambda", "class"),
                Arrays.stream(fields).map(StructField::name).toList());
        assertEquals(List.of(DataTypes.StringType, DataTypes.IntegerType, DataTypes.DoubleType, DataTypes.DoubleType,
                        DataTypes.StringType),
                Arrays.stream(fields).map(StructField::dataType).toList());
        List<Row> rows = coefs.collectAsList();
        assertEquals(22, rows.size());
        for (double lambda : new double[] {1.0, 0.1}) {
            List<Row> fit = rows.stream().filter(r -> r.getDouble(3) == lambda)
                    .sorted((a, b) -> Integer.compare(a.getInt(1), b.getInt(1))).toList();
            assertEquals(11, fit.size(), "rows for lambda " + lambda);
            assertEquals("(Intercept)", fit.get(0).getString(0));
            assertEquals(-1, fit.get(0).getInt(1));
            for (int j = 0; j < 10; j++) {
                assertEquals(j, fit.get(j + 1).getInt(1));
                assertEquals(DIABETES_FEATURES.get(j), fit.get(j + 1).getString(0));
            }
            for (Row r : fit) {
                assertTrue(Double.isFinite(r.getDouble(2)), r.toString());
            }
        }

        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals("gaussian", metrics.get("family").asText());
        assertEquals(442, metrics.get("n").asInt());
        assertEquals(10, metrics.get("p").asInt());
        JsonNode converged = metrics.get("converged");   // one per λ (a scalar for a single λ)
        assertEquals(2, converged.size(), converged.toString());
        converged.forEach(c -> assertTrue(c.isBoolean() && c.asBoolean(), "converged: " + converged));
        assertEquals(2, metrics.get("fits").size());
        metrics.get("fits").forEach(f -> assertTrue(f.get("converged").asBoolean(), f.toString()));
    }

    /**
     * The driver's class-data sharing archive: the first successful {@code train} without one records
     * it in $SPARK_LASSO_CDS_DIR (quietly: nothing on stdout), and the next job's driver maps it —
     * checked with {@code -Xshare:on}, under which a JVM that cannot use the archive it is given (a
     * class path or JDK mismatch, a damaged file) refuses to start.
     */
    @Test
    void recordsAClassDataSharingArchiveThatTheNextJobMaps() throws Exception {
        Path cds = tmp.resolve("cds");
        Map<String, String> env = Map.of("SPARK_LASSO_CDS_DIR", cds.toString());
        Run train = submit(env, "--master", "local[2]", "train", "--input", "sample-data/diabetes.csv",
                "--labelCol", "progression", "--lambda", "1", "--output", tmp.resolve("out").toString());
        train.assertExit(0);
        assertEquals("", train.stdout(), "train prints nothing on stdout, the archive's dump included");
        List<Path> archives;
        try (var files = Files.list(cds)) {
            archives = files.toList();
        }
        assertEquals(1, archives.size(), archives.toString());
        assertTrue(archives.get(0).getFileName().toString().matches("driver-\\d+\\.jsa"), archives.toString());
        assertTrue(Files.size(archives.get(0)) > 10_000_000, archives.get(0) + ": " + Files.size(archives.get(0)));

        Path csv = tmp.resolve("ten.csv");
        Run next = submit(Map.of("SPARK_LASSO_CDS_DIR", cds.toString(), "SPARK_SUBMIT_OPTS", "-Xshare:on"),
                "--master", "local[1]", "generate",
                "--output", csv.toString(), "--rows", "10", "--features", "2", "--nonzeros", "1");
        next.assertExit(0);
        assertTrue(Files.exists(csv), next.stderr());
    }

    /**
     * The JVM writes the archive at every exit, the failing ones too: submit.sh keeps it only when the
     * recording job exited with 0, so a first `train` that fails leaves neither an archive nor its
     * partial file behind (and the next successful one records it).
     */
    @Test
    void aFailingFirstTrainRecordsNoArchive() throws Exception {
        Path cds = tmp.resolve("cds-failing");
        Run train = submit(Map.of("SPARK_LASSO_CDS_DIR", cds.toString()), "--master", "local[1]", "train",
                "--input", tmp.resolve("no-such.csv").toString(), "--output", tmp.resolve("out-f").toString());
        train.assertExit(3);
        try (var files = Files.list(cds)) {
            assertEquals(List.of(), files.toList(), "nothing recorded by a failed job");
        }
    }

    /**
     * The driver's JIT scaling takes a positive number and its young generation a size in MB (or
     * off); anything else is refused in one line (exit 2).
     */
    @Test
    void aBadJitScalingOrYoungGenerationIsRefusedInOneLine() throws Exception {
        for (String[] bad : new String[][] {{"SPARK_LASSO_JIT_SCALING", "fast"}, {"SPARK_LASSO_YOUNG_GEN", "256mb"}}) {
            Run run = submit(Map.of(bad[0], bad[1]), "--master", "local[1]", "generate",
                    "--output", tmp.resolve("never.csv").toString(), "--rows", "10");
            run.assertExit(2);
            List<String> lines = run.stderr().lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), run.stderr());
            assertTrue(lines.get(0).contains(bad[0]) && lines.get(0).contains("'" + bad[1] + "'"), lines.get(0));
            assertFalse(Files.exists(tmp.resolve("never.csv")));
        }
    }

    /**
     * The driver's young generation: 256 MB, or a quarter of a smaller heap's size (an -Xmn as large
     * as the heap would make the JVM print a warning); a heap larger than the default 1g is committed
     * from the start; as the JVM itself reports its flags.
     */
    @Test
    void theDriversYoungGenerationIsAQuarterOfASmallHeapAndALargeHeapIsCommitted() throws Exception {
        for (String[] memoryAndYoung : new String[][] {{"512m", "134217728"}, {"2g", "268435456"}}) {
            Run run = submit(Map.of("SPARK_SUBMIT_OPTS", "-XX:+PrintCommandLineFlags"), "--master", "local[1]",
                    "--driver-memory", memoryAndYoung[0], "generate",
                    "--output", tmp.resolve("young-" + memoryAndYoung[0] + ".csv").toString(), "--rows", "10");
            run.assertExit(0);
            Set<String> flags = Set.of(run.stdout().trim().split("\\s+"));
            if (memoryAndYoung[0].equals("2g")) {
                assertTrue(flags.contains("-XX:InitialHeapSize=2147483648"), run.stdout());
            }
            for (String flag : List.of("-XX:MaxNewSize=" + memoryAndYoung[1], "-XX:NewSize=" + memoryAndYoung[1],
                    "-XX:CompileThresholdScaling=2.000000",
                    "-XX:CompileCommand=CompileThresholdScaling,org/sparklasso/kernel/GramTiles.*,0.05")) {
                assertTrue(flags.contains(flag), flag + " not among the driver's flags: " + run.stdout());
            }
        }
    }

    /**
     * Arguments with spaces (a --config path, an --output path) reach the application intact: it
     * opens the properties file at that path (the error names the unknown key found inside it).
     * A configuration error exits with 2 and one error line, without a stack trace. (A successful
     * run with spaced paths is in {@link #runsWithAnInstalledSparkSubmit}.)
     */
    @Test
    void argumentsWithSpacesReachTheApplicationAndBadConfigExitsWith2() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("dir with space"));
        Path bad = dir.resolve("bad config.properties");
        Files.writeString(bad, "input=" + root().resolve("sample-data/diabetes.csv") + "\n"
                + "labelCol=progression\nlamda=0.5\n");
        Path out = dir.resolve("out put");
        Run run = submit(Map.of(), "--master", "local[2]", "train", "--config", bad.toString(),
                "--output", out.toString());
        run.assertExit(2);
        List<String> errors = run.stderr().lines().filter(l -> l.startsWith(PREFIX)).toList();
        assertEquals(1, errors.size(), run.stderr());
        assertTrue(errors.get(0).contains("'lamda'") && errors.get(0).contains(bad.toString()), errors.get(0));
        assertFalse(run.stderr().contains("\tat "), "stack trace without --verbose:\n" + run.stderr());
        assertFalse(Files.exists(out));
    }

    /**
     * The jar with "the cluster's own spark-submit": $SPARK_HOME/bin/spark-submit is a script that
     * runs SparkSubmit from the embedded jars directly (so it gets Java 17's module flags itself)
     * and records the arguments it received.
     */
    @Test
    void runsWithAnInstalledSparkSubmit() throws Exception {
        Path home = tmp.resolve("fake spark home");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path argsFile = tmp.resolve("spark-submit-args");
        Path script = bin.resolve("spark-submit");
        Files.writeString(script, String.join("\n",
                "#!/usr/bin/env bash",
                "printf '%s\\0' \"$@\" > \"$FAKE_ARGS_FILE\"",
                "# shellcheck disable=SC2086",
                "exec java $FAKE_JAVA_FLAGS -cp \"$FAKE_SPARK_JARS/*\" org.apache.spark.deploy.SparkSubmit \"$@\"",
                ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path config = Files.createDirectories(tmp.resolve("conf dir")).resolve("my train.properties");
        Files.writeString(config, "input=" + root().resolve("sample-data/diabetes.csv") + "\n"
                + "labelCol=progression\nlambda=1\n");
        Path out = tmp.resolve("installed out");
        Run run = submit(Map.of(
                        "SPARK_HOME", home.toString(),
                        "FAKE_ARGS_FILE", argsFile.toString(),
                        "FAKE_SPARK_JARS", root().resolve("target/spark/jars").toString(),
                        "FAKE_JAVA_FLAGS", System.getProperty("spark.module.flags", "") + " -Djava.awt.headless=true"),
                "--master", "local[2]", "train", "--config", config.toString(), "--output", out.toString());
        run.assertExit(0);
        assertTrue(Files.exists(out.resolve("_SUCCESS")), "_SUCCESS missing");
        assertEquals(11, SparkTestSession.get().read().parquet(out.resolve("coefficients").toString()).count());

        List<String> received = Arrays.asList(Files.readString(argsFile, StandardCharsets.UTF_8).split("\0"));
        assertTrue(received.contains("org.sparklasso.cli.Main"), received.toString());
        assertTrue(received.contains(root().resolve("target/spark-lasso.jar").toString()), received.toString());
        int train = received.indexOf("train");
        assertEquals(List.of("train", "--config", config.toString(), "--output", out.toString()),
                received.subList(train, received.size()));
    }

    // ---------------------------------------------------------------------------------------------

    record Run(int exit, String stdout, String stderr) {
        void assertExit(int expected) {
            assertEquals(expected, exit, "exit code\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr);
        }
    }

    /** Runs ./submit.sh from the repository root with extra environment variables. */
    private Run submit(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("./submit.sh");
        command.addAll(Arrays.asList(args));
        Path log = Files.createTempDirectory(tmp, "run");
        Path stdout = log.resolve("stdout");
        Path stderr = log.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(command).directory(root().toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Set<String> inherited = new TreeSet<>(List.of("SPARK_HOME", "SPARK_CONF_DIR", "MASTER", "SPARK_SUBMIT_OPTS"));
        pb.environment().keySet().removeAll(inherited);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("submit.sh did not finish within " + TIMEOUT_MINUTES + " minutes: " + command
                    + "\n--- stderr:\n" + Files.readString(stderr));
        }
        return new Run(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
