package org.sparklasso.pass;

import org.sparklasso.path.TrainingResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.path.FittedModel;

/**
 * Every kind of pass of {@link LocalPassesTest#fits()} (Gaussian cd path + CV folds, working set,
 * FISTA, binomial Newton + CV with AUC, multinomial) run as Spark jobs through Spark's
 * treeAggregate at depth 2 over 24 partitions (an intermediate shuffle stage, as on a cluster with
 * many partitions) gives the results of the same 24 partitions folded on the driver's threads
 * ({@code localPasses true}, merged in partition order), to 1e-12 (multinomial: 1e-8, see
 * {@link #MULTINOMIAL_TOLERANCE}; its intercepts compared centered, see {@link #identified}).
 */
class TreeAggregatePassesTest {
    /** Relative per coefficient, or absolute × max|β| of the fit. */
    private static final double TOLERANCE = 1e-12;
    /**
     * The multinomial fits' tolerance. treeAggregate merges in the order tasks finish (its final fold
     * and the shuffle's fetches), not in partition order, so its sums differ from the local ones in
     * the last bit, from run to run. The multinomial likelihood is flat along a common shift of all
     * class intercepts, and the fitted intercepts are not centered, so that rounding moves their
     * common level by O(1) (see {@link #identified}); the shifted linear predictors then round
     * differently in the softmax, and the coefficients differ by more than elsewhere: seen 3.3e-12 at
     * max|β| 2.41 (1.4e-12 relative to max|β|, 2.8e-11 relative to the coefficient itself). Since
     * blocks are packed from Spark's internal rows (b4231e4) the rows reach the fit in another order
     * (the same local objective to 15 digits, not to the last bit), and this drift grew with it: seen
     * 1.0e-9 at max|β| 7.77 and 1.9e-9 at 13.9 (1.3e-10 and 1.4e-10 relative to max|β|), in 2 of 4
     * runs. A changed pass would differ by ≫ 1e-6.
     */
    private static final double MULTINOMIAL_TOLERANCE = 1e-8;
    private static final String PARTITIONS = "24";

    /**
     * {@link LocalPassesTest#fits()}, FISTA and sgd on 3 λ down to λ_max/10 (each of their steps or epochs is a pass
     * with a shuffle stage here: 8 λ down to λ_max/10⁴ took 150 s).
     */
    static Stream<Arguments> fits() {
        return LocalPassesTest.fits().map(a -> {
            Object[] v = a.get();
            String[] args = (String[]) v[1];
            String name = (String) v[0];
            return name.contains("fista") || name.contains("sgd")
                    ? Arguments.of(v[0], with(args, "--nlambda", "3", "--lambdaMinRatio", "0.1")) : a;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fits")
    void depthTwoTreeAggregateGivesTheLocalResults(String name, String[] args) throws Exception {
        AtomicInteger shuffleStages = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onStageCompleted(SparkListenerStageCompleted stage) {
                if (stage.stageInfo().shuffleDepId().isDefined()) {
                    shuffleStages.incrementAndGet();
                }
            }
        };
        SparkTestSession.get().sparkContext().addSparkListener(listener);
        TrainingResult tree;
        try {
            tree = TestFits.fit(with(args, "--localPasses", "false", "--numPartitions", PARTITIONS,
                    "--aggregationDepth", "2"));
        } finally {
            SparkTestSession.get().sparkContext().listenerBus().waitUntilEmpty();
            SparkTestSession.get().sparkContext().removeSparkListener(listener);
        }
        // one shuffle stage for the repartition, and one per aggregating pass (treeAggregate's
        // intermediate stage; per-block passes such as the AUC scores are plain collects); at depth 1: none
        assertTrue(shuffleStages.get() > tree.passes() / 2,
                "treeAggregate at depth 2 with an intermediate stage: " + shuffleStages.get() + " shuffle stages for "
                        + tree.passes() + " passes");
        TrainingResult local = TestFits.fit(with(args, "--localPasses", "true", "--numPartitions", PARTITIONS));

        assertEquals(local.passes(), tree.passes(), "passes");
        assertEquals(local.fits().size(), tree.fits().size(), "path length");
        double tol = name.contains("multinomial") ? MULTINOMIAL_TOLERANCE : TOLERANCE;
        for (int l = 0; l < local.fits().size(); l++) {
            FittedModel a = local.fits().get(l);
            FittedModel b = tree.fits().get(l);
            assertClose(a.coefficients(), b.coefficients(), tol, "coefficients at λ #" + l);
            assertClose(identified(a.intercepts()), identified(b.intercepts()), tol, "intercepts at λ #" + l);
        }
        if (local.cv() != null) {
            assertClose(local.cv().summary().cvm(), tree.cv().summary().cvm(), tol, "CV errors");
            assertEquals(local.cv().otherMeasures().keySet(), tree.cv().otherMeasures().keySet());
            local.cv().otherMeasures().forEach((k, v) ->
                    assertClose(v, tree.cv().otherMeasures().get(k), tol, "CV " + k));
        }
    }

    /**
     * The intercepts up to what the data determine: the multinomial likelihood does not change when
     * one constant is added to every class's intercept, and the fitted intercepts are not centered,
     * so their common level is whatever the Newton steps' rounding left in that flat direction (seen:
     * 3.595, 3.306, 3.040 for class 1 at λ_max in three runs through treeAggregate, whose merge order
     * follows task completion, against 3.595 in partition order; the class differences agree to
     * 1e-15). Compared centered (mean over classes removed); one intercept (binomial, Gaussian) as is.
     */
    private static double[] identified(double[] intercepts) {
        if (intercepts.length < 2) {
            return intercepts;
        }
        double mean = 0;
        for (double a : intercepts) {
            mean += a / intercepts.length;
        }
        double[] centered = new double[intercepts.length];
        for (int c = 0; c < centered.length; c++) {
            centered[c] = intercepts[c] - mean;
        }
        return centered;
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double x : expected) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int i = 0; i < expected.length; i++) {
            double x = expected[i];
            double y = actual[i];
            if (Double.isNaN(x) && Double.isNaN(y)) {
                continue;   // a measure not computed at this λ on either side (auc away from the chosen λ)
            }
            double d = Math.abs(x - y);
            boolean close = d <= tolerance * Math.max(Math.abs(x), Math.abs(y)) || d <= tolerance * scale;
            assertTrue(close, String.format(Locale.ROOT, "%s [%d]: local %.17g, treeAggregate %.17g (difference %.3g, "
                    + "max %.3g)", what, i, x, y, d, scale));
        }
    }

    private static String[] with(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }
}
