package org.sparklasso.pass;

import org.sparklasso.path.TrainingResult;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.block.Block;
import org.sparklasso.block.DenseBlock;
import org.sparklasso.input.LoadedData;
import org.sparklasso.block.LocalBlocks;
import org.sparklasso.cli.ConfigParser;
import org.sparklasso.path.FittedModel;

/**
 * Passes folded on the driver's threads ({@code localPasses true}, {@link LocalFold}) give the
 * Spark jobs' results: every kind of pass (moments, Gram, least-squares and GLM evaluations, the
 * working-set gather, the AUC scores) on three partitions, so that partitions are merged as well as
 * folded. Equal to rounding: the binomial row kernel's vector sums add their lanes in an order that
 * depends on how far the JIT has compiled it, so two runs of the same Spark jobs differ in the last
 * bits too (seen: 0.005137961197792169 and …134).
 */
class LocalPassesTest {

    /** Relative agreement required: rounding-level differences only (a changed pass would show ≫ 1e-6). */
    private static final double ROUNDING = 1e-11;

    static Stream<Arguments> fits() {
        String diabetes = TestFits.resource("sample-data/diabetes.csv");
        String cancer = TestFits.resource("src/test/resources/data/breast_cancer_folds.csv");
        String wine = TestFits.resource("src/test/resources/data/wine.csv");
        return Stream.of(
                Arguments.of("gaussian cd, path + CV", new String[] {"--input", diabetes, "--labelCol", "progression",
                        "--nfolds", "5", "--solver", "cd"}),
                Arguments.of("gaussian workingset, path + CV", new String[] {"--input", diabetes, "--labelCol",
                        "progression", "--nfolds", "4", "--solver", "workingset", "--nlambda", "20"}),
                Arguments.of("gaussian fista", new String[] {"--input", diabetes, "--labelCol", "progression",
                        "--solver", "fista", "--nlambda", "8"}),
                Arguments.of("binomial newton, path + CV with AUC", new String[] {"--input", cancer, "--labelCol",
                        "label", "--family", "binomial", "--foldCol", "fold", "--typeMeasure", "auc",
                        "--nlambda", "30"}),
                Arguments.of("multinomial newton", new String[] {"--input", wine, "--labelCol", "label",
                        "--family", "multinomial", "--nlambda", "15"}),
                Arguments.of("gaussian sgd, path + CV (the seeded partition samplers)", new String[] {"--input",
                        diabetes, "--labelCol", "progression", "--nfolds", "3", "--solver", "sgd", "--nlambda", "6",
                        "--blockRows", "60"}),
                Arguments.of("binomial sgd", new String[] {"--input", cancer, "--labelCol", "label", "--family",
                        "binomial", "--solver", "sgd", "--nlambda", "5", "--epochs", "4", "--blockRows", "100"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fits")
    void sameFitsAsSparkJobs(String name, String[] args) {
        java.util.concurrent.atomic.AtomicInteger localPasses = new java.util.concurrent.atomic.AtomicInteger();
        LocalPassLog.listen(pass -> localPasses.incrementAndGet());
        TrainingResult jobs;
        TrainingResult local;
        try {
            jobs = TestFits.fit(with(args, "--localPasses", "false", "--numPartitions", "3"));
            assertEquals(0, localPasses.get(), "localPasses false: every pass a Spark job");
            local = TestFits.fit(with(args, "--localPasses", "true", "--numPartitions", "3"));
        } finally {
            LocalPassLog.listen(null);
        }
        assertEquals(local.passes(), localPasses.get(), "localPasses true: every pass on the driver's threads");
        assertEquals(jobs.passes(), local.passes(), "passes");
        assertEquals(jobs.fits().size(), local.fits().size(), "path length");
        for (int l = 0; l < jobs.fits().size(); l++) {
            FittedModel a = jobs.fits().get(l);
            FittedModel b = local.fits().get(l);
            assertArrayEquals(a.coefficients(), b.coefficients(), ROUNDING * (1 + maxAbs(a.coefficients())),
                    "coefficients at λ #" + l);
            assertArrayEquals(a.intercepts(), b.intercepts(), ROUNDING * (1 + maxAbs(a.intercepts())),
                    "intercepts at λ #" + l);
        }
        if (jobs.cv() != null) {
            double[] cvm = jobs.cv().summary().cvm();
            assertArrayEquals(cvm, local.cv().summary().cvm(), ROUNDING * (1 + maxAbs(cvm)), "CV errors");
            assertEquals(jobs.cv().otherMeasures().keySet(), local.cv().otherMeasures().keySet());
            jobs.cv().otherMeasures().forEach((k, v) ->
                    assertArrayEquals(v, local.cv().otherMeasures().get(k), ROUNDING * (1 + maxAbs(v)), "CV " + k));
        }
    }

    @Test
    void capturesEveryPartitionInOrderAndReleases() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
        JavaRDD<Block> blocks = jsc.parallelize(List.of(1, 2, 3, 4, 5), 3)
                .map(i -> (Block) new DenseBlock(1, new double[] {i}, null, null, new double[] {i * 10.0}))
                .cache();
        try {
            assertNull(LocalBlocks.capture(blocks), "not cached yet: passes stay Spark jobs");
            blocks.count();
            LocalBlocks local = LocalBlocks.capture(blocks);
            assertNotNull(local);
            assertEquals(3, local.partitions().size());
            double[] labels = local.partitions().stream().flatMap(List::stream).mapToDouble(b -> b.label(0))
                    .toArray();
            assertArrayEquals(new double[] {1, 2, 3, 4, 5}, labels, 0.0, "partition and block order");
            local.release();
            assertThrows(IllegalStateException.class, local::partitions);
        } finally {
            blocks.unpersist(false);
        }
    }

    @Test
    void localCoresFromTheMaster() {
        assertEquals(1, LocalBlocks.localCores("local"));
        assertEquals(3, LocalBlocks.localCores("local[3]"));
        assertEquals(4, LocalBlocks.localCores("local[4,2]"));
        assertEquals(Runtime.getRuntime().availableProcessors(), LocalBlocks.localCores("local[*]"));
    }

    @Test
    void offByConfigurationKeepsSparkJobs() {
        LoadedData data = TestFits.load(ConfigParser.parse(new String[] {
                "--input", TestFits.resource("sample-data/diabetes.csv"), "--labelCol", "progression",
                "--output", "/nonexistent/unused", "--localPasses", "false"}));
        try {
            assertNull(data.local());
        } finally {
            data.release(false);
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static String[] with(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }
}
