package org.sparklasso.cluster;

import org.sparklasso.SparkTestSession;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a cluster runs, on a real standalone cluster on loopback ({@link StandaloneCluster}:
 * a Master and two Workers of one core each, started once for the class): {@code submit.sh
 * --master spark://…} gives the coefficients of {@code --master local[2]} (to 1e-12) for the
 * Gaussian cd path with cross-validation and the sparse working-set path; the binomial Newton path
 * with 3-fold cross-validation is the run the two failure cases interrupt, each rerun compared with
 * its uninterrupted local[2] run (one run serving both checks keeps the class's time down); a worker killed (with its executor) mid-path costs its cached blocks,
 * which Spark recomputes from lineage, and the job still ends with the uninterrupted results; a
 * SIGKILLed driver leaves the previous output untouched and nothing that trips the rerun.
 *
 * <p>Both modes run 2 tasks at a time and repartition the input (one split: the files are small) into
 * the same 3 or 4 partitions, and every pass merges the partition results in partition order
 * (depth 1), so the arithmetic is the same. Spark waits for both executors before the first job
 * (spark.cores.max=2 with spark.scheduler.minRegisteredResourcesRatio), so each caches some of the 4
 * partitions of the worker-loss run and killing either worker loses cached blocks (which the test
 * checks in the driver's log).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    /** Agreement required between cluster and local mode (relative per coefficient, or absolute × max|β|). */
    private static final double TOLERANCE = 1e-12;
    /**
     * Executors of 512 MB; spark.cores.max=2 makes the driver wait for both executors before its
     * first job (standalone's minRegisteredResourcesRatio counts against it; unset, it waits for none).
     */
    private static final String[] CLUSTER_CONF = {"--conf", "spark.executor.memory=512m",
            "--conf", "spark.cores.max=2", "--conf", "spark.ui.enabled=false"};

    @TempDir
    static Path tmp;

    private static StandaloneCluster cluster;
    private static Path binomialData;

    private static Path root() {
        return Path.of(System.getProperty("sparklasso.basedir", ".")).toAbsolutePath();
    }

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(root(), tmp.resolve("cluster"), 2, 1, "1g");
        binomialData = writeBinomialCsv(tmp.resolve("binomial.csv"), 12_000, 20, 7);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void gaussianCdPathWithCrossValidationMatchesLocalMode() throws Exception {
        assertSameAsLocal("diabetes", "train", "--config", "conf/diabetes.properties", "--nfolds", "5",
                "--numPartitions", "3", "--plots", "false");
    }

    @Test
    @Order(2)
    void sparseWorkingSetPathMatchesLocalMode() throws Exception {
        Path data = writeSparseLibsvm(tmp.resolve("sparse.libsvm"), 3_000, 300, 12, 11);
        assertSameAsLocal("sparse", "train", "--input", data.toString(), "--solver", "workingset",
                "--nlambda", "30", "--numPartitions", "3", "--plots", "false");
    }

    /**
     * SIGKILL to the driver (submit.sh execs it) mid-fit and again while it writes the output: the
     * previous output stays byte-identical; the second kill leaves a staging directory (the case
     * the next run must tidy up); the rerun on the same cluster writes the uninterrupted output and
     * leaves no hidden sibling.
     */
    @Test
    @Order(3)
    void aKilledDriverLeavesThePreviousOutputAndTheRerunCompletes() throws Exception {
        Path out = tmp.resolve("driver-loss");
        run(out, "local[2]", "train", "--config", "conf/diabetes.properties", "--lambda", "1", "--plots", "false")
                .assertExit(0);
        Map<String, String> before = snapshot(out);

        SubmitProcess midFit = start(out, cluster.masterUrl(), binomialTrain());
        midFit.awaitStderrLine(l -> l.contains(": lambda 1/"), RUN_TIMEOUT);
        midFit.kill();
        assertEquals(before, snapshot(out), "the previous output after a driver killed mid-fit");
        assertNoHiddenSiblings(out);   // nothing is staged before the fit ends

        SubmitProcess midWrite = start(out, cluster.masterUrl(), binomialTrain());
        midWrite.awaitWhileRunning(() -> staging(out), "a staging directory", RUN_TIMEOUT);
        midWrite.kill();
        assertEquals(before, snapshot(out), "the previous output after a driver killed while writing");
        assertTrue(staging(out), "a driver killed while writing leaves its staging directory: " + hiddenSiblings(out));

        run(out, cluster.masterUrl(), binomialTrain()).assertExit(0);
        assertSameOutput(binomialReference(), out);
        assertNoHiddenSiblings(out);
    }

    /**
     * A worker and its executor SIGKILLed once the blocks are cached and the path has begun: Spark
     * recomputes the lost partition from lineage on the other worker, and the job ends (exit 0)
     * with the results of an uninterrupted run.
     */
    @Test
    @Order(4)
    void aWorkerLostMidPathIsRecomputedFromLineage() throws Exception {
        Path reference = binomialReference();
        Path out = tmp.resolve("worker-loss");
        SubmitProcess job = start(out, cluster.masterUrl(), binomialTrain());
        job.awaitStderrLine(l -> l.contains(": lambda 1/"), RUN_TIMEOUT);
        Process victim = cluster.workers().stream().filter(w -> !StandaloneCluster.executorsOf(w).isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no worker runs an executor"));
        List<ProcessHandle> executors = StandaloneCluster.executorsOf(victim);
        cluster.kill(victim);
        assertTrue(job.process().isAlive(), "the path ended before the worker was killed: use more data\n"
                + job.stderr());
        assertTrue(executors.stream().noneMatch(ProcessHandle::isAlive));
        SubmitProcess.Result result = job.await(RUN_TIMEOUT);
        result.assertExit(0);
        // Spark's BlockManagerMasterEndpoint warns for each cached block whose only copy was lost
        assertTrue(result.stderr().contains("No more replicas available for rdd_"),
                "the killed executor held cached blocks\n" + result.stderr());
        assertSameOutput(reference, out);
    }

    // ---------------------------------------------------------------------------------------------

    private static String[] binomialTrain() {
        return new String[] {"train", "--input", binomialData.toString(), "--labelCol", "label",
                "--family", "binomial", "--nlambda", "40", "--nfolds", "3", "--numPartitions", "4", "--plots", "false"};
    }

    private static Path binomialReference;

    /** The uninterrupted local[2] run of {@link #binomialTrain()}, made once. */
    private static synchronized Path binomialReference() throws IOException, InterruptedException {
        if (binomialReference == null) {
            Path ref = tmp.resolve("binomial-reference");
            run(ref, "local[2]", binomialTrain()).assertExit(0);
            binomialReference = ref;
        }
        return binomialReference;
    }

    private static boolean staging(Path output) {
        try {
            return hiddenSiblings(output).stream().anyMatch(n -> n.contains(".staging-"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Relative path → size and content hash of every file under dir (modification times too). */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis()
                        + ":" + java.util.Arrays.hashCode(Files.readAllBytes(p)));
            }
        }
        return files;
    }

    // ---------------------------------------------------------------------------------------------

    /** Runs the same train command in local[2] and on the cluster and compares every table. */
    private static void assertSameAsLocal(String name, String... train) throws Exception {
        Path local = tmp.resolve(name + "-local");
        Path onCluster = tmp.resolve(name + "-cluster");
        run(local, "local[2]", train).assertExit(0);
        run(onCluster, cluster.masterUrl(), train).assertExit(0);
        assertSameOutput(local, onCluster);
    }

    /** submit.sh MASTER-OPTIONS train… --output OUT, waited for. */
    static SubmitProcess.Result run(Path output, String master, String... train)
            throws IOException, InterruptedException {
        return start(output, master, train).await(RUN_TIMEOUT);
    }

    static SubmitProcess start(Path output, String master, String... train) throws IOException {
        List<String> args = new ArrayList<>(List.of("--master", master));
        if (master.startsWith("spark://")) {
            args.addAll(List.of(CLUSTER_CONF));
        }
        args.addAll(List.of(train));
        args.addAll(List.of("--output", output.toString()));
        return SubmitProcess.start(root(), tmp.resolve("logs"), args.toArray(String[]::new));
    }

    /** Every coefficient of the path (or the single fit), the CV curve and the objectives agree to 1e-12. */
    static void assertSameOutput(Path expected, Path actual) {
        String table = Files.isDirectory(expected.resolve("path")) ? "path" : "coefficients";
        assertSameCoefficients(read(expected, table), read(actual, table), table);
        assertSameCoefficients(read(expected, "coefficients"), read(actual, "coefficients"), "coefficients");
        if (Files.isDirectory(expected.resolve("path_summary"))) {
            assertSameColumns(read(expected, "path_summary"), read(actual, "path_summary"), "path_summary",
                    "lambda", "objective", "devRatio");
        }
        assertEquals(Files.isDirectory(expected.resolve("cv")), Files.isDirectory(actual.resolve("cv")), "cv/");
        if (Files.isDirectory(expected.resolve("cv"))) {
            assertSameColumns(read(expected, "cv"), read(actual, "cv"), "cv", "lambda", "cvMean", "cvStd");
        }
    }

    private static List<Row> read(Path output, String table) {
        return SparkTestSession.get().read().parquet(output.resolve(table).toString()).collectAsList();
    }

    /** Rows (lambda, feature, index, coefficient, class) keyed by λ, class and index. */
    private static void assertSameCoefficients(List<Row> expected, List<Row> actual, String table) {
        Map<String, Double> e = coefficientsByKey(expected);
        Map<String, Double> a = coefficientsByKey(actual);
        assertEquals(modelKeys(e), modelKeys(a), table + ": the same λ and classes");
        // The tables hold the nonzeros only: a coefficient on one side only is 0 on the other, and
        // passes when it is within the tolerance of the model's largest (the binomial kernels' SVML
        // exp/log1p round differently before and after JIT compilation, so two runs may differ in the
        // last bits, and at small λ a coefficient of 1e-12·max|β| may be exactly 0 in one of them).
        java.util.Set<String> keys = new java.util.TreeSet<>(e.keySet());
        keys.addAll(a.keySet());
        Map<String, Double> scale = new TreeMap<>();   // max |β| per λ (and class)
        e.forEach((k, v) -> scale.merge(model(k), Math.abs(v), Math::max));
        double largest = 0;
        int oneSided = 0;
        for (String k : keys) {
            largest = Math.max(largest, Math.abs(e.getOrDefault(k, 0.0) - a.getOrDefault(k, 0.0)));
            oneSided += e.containsKey(k) == a.containsKey(k) ? 0 : 1;
        }
        System.out.printf(Locale.ROOT, "%s: %d coefficients, largest difference %.3g, %d on one side only%n",
                table, e.size(), largest, oneSided);
        for (String k : keys) {
            double x = e.getOrDefault(k, 0.0);
            double y = a.getOrDefault(k, 0.0);
            double maxBeta = scale.getOrDefault(model(k), 0.0);
            assertTrue(close(x, y, maxBeta), String.format(Locale.ROOT,
                    "%s %s: local %.17g, cluster %.17g (difference %.3g, max|β| %.3g)", table, k, x, y,
                    Math.abs(x - y), maxBeta));
        }
    }

    /** The model part (λ and class) of a coefficient key. */
    private static String model(String key) {
        return key.substring(0, key.lastIndexOf('|'));
    }

    private static java.util.Set<String> modelKeys(Map<String, Double> byKey) {
        java.util.Set<String> models = new java.util.TreeSet<>();
        byKey.keySet().forEach(k -> models.add(model(k)));
        return models;
    }

    private static Map<String, Double> coefficientsByKey(List<Row> rows) {
        Map<String, Double> m = new TreeMap<>();
        for (Row r : rows) {
            String key = String.format(Locale.ROOT, "λ=%.17g|%s|%d", r.getAs("lambda"), r.getAs("class"),
                    (Integer) r.getAs("index"));
            assertEquals(null, m.put(key, r.getAs("coefficient")), "duplicate " + key);
        }
        return m;
    }

    /** Rows sorted by descending λ, the named double columns compared to the tolerance. */
    private static void assertSameColumns(List<Row> expected, List<Row> actual, String table, String... columns) {
        assertEquals(expected.size(), actual.size(), table + " rows");
        Comparator<Row> byLambda = Comparator.comparingDouble(r -> -(Double) r.getAs("lambda"));
        List<Row> e = expected.stream().sorted(byLambda).toList();
        List<Row> a = actual.stream().sorted(byLambda).toList();
        for (int i = 0; i < e.size(); i++) {
            for (String c : columns) {
                double x = e.get(i).getAs(c);
                double y = a.get(i).getAs(c);
                assertTrue(close(x, y, 0), String.format(Locale.ROOT, "%s row %d %s: local %.17g, cluster %.17g",
                        table, i, c, x, y));
            }
        }
    }

    /** |x − y| ≤ 1e-12 relative to the larger of the two, or to {@code scale}. */
    static boolean close(double x, double y, double scale) {
        double d = Math.abs(x - y);
        return d <= TOLERANCE * Math.max(Math.abs(x), Math.abs(y)) || d <= TOLERANCE * scale;
    }

    // ---------------------------------------------------------------------------------------------

    /** Dense CSV: label 0/1 drawn from a logistic model in 8 of {@code p} standard normal features. */
    static Path writeBinomialCsv(Path file, int n, int p, long seed) throws IOException {
        Random rnd = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            StringBuilder header = new StringBuilder("label");
            for (int j = 0; j < p; j++) {
                header.append(",x").append(j);
            }
            w.write(header.append('\n').toString());
            double[] x = new double[p];
            for (int i = 0; i < n; i++) {
                double eta = 0.3;
                for (int j = 0; j < p; j++) {
                    x[j] = Math.round(rnd.nextGaussian() * 1e6) / 1e6;
                    eta += j < 8 ? x[j] / (j + 1) : 0;
                }
                StringBuilder line = new StringBuilder(rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? "1" : "0");
                for (double v : x) {
                    line.append(',').append(v);
                }
                w.write(line.append('\n').toString());
            }
        }
        return file;
    }

    /**
     * Sparse LIBSVM: each row has {@code perRow} distinct features of {@code p} (1-based, ascending)
     * with values in [−2, 2); y = Σ of the first 15 features' values × (1, ½, ⅓, …) + noise.
     */
    static Path writeSparseLibsvm(Path file, int n, int p, int perRow, long seed) throws IOException {
        Random rnd = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (int i = 0; i < n; i++) {
                TreeMap<Integer, Double> row = new TreeMap<>();
                while (row.size() < perRow) {
                    int j = rnd.nextInt(p);
                    row.put(j, Math.round((rnd.nextDouble() * 4 - 2) * 1e4) / 1e4);
                }
                double y = 0.1 * rnd.nextGaussian();
                for (Map.Entry<Integer, Double> en : row.entrySet()) {
                    y += en.getKey() < 15 ? en.getValue() / (en.getKey() + 1) : 0;
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.6f", y));
                row.forEach((j, v) -> line.append(' ').append(j + 1).append(':').append(v));
                w.write(line.append('\n').toString());
            }
        }
        return file;
    }

    static List<String> hiddenSiblings(Path output) throws IOException {
        String prefix = "." + output.getFileName() + ".";
        try (Stream<Path> s = Files.list(output.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).sorted().toList();
        }
    }

    static void assertNoHiddenSiblings(Path output) throws IOException {
        assertEquals(List.of(), hiddenSiblings(output), "staging or moved-aside directories beside " + output);
    }
}
