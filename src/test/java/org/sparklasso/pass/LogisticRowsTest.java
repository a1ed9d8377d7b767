package org.sparklasso.pass;

import org.sparklasso.kernel.HeldOutSums;

import org.sparklasso.kernel.VectorKernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparklasso.block.Block;
import org.sparklasso.block.DenseBlock;
import org.sparklasso.datafit.Logistic;

/**
 * The vectorized binomial row kernel against the scalar loop, through a whole GLM pass over one
 * block: the full model, a fold model (its held-out fold in the middle of the sorted rows) and a
 * point without a Hessian, with weights and without, over a row count that leaves partial vectors
 * around the held-out range. Loss, gradient, residual sums, held-out sums and Hessians must agree
 * to rounding.
 */
class LogisticRowsTest {
    private static final int P = 5;
    private static final int N = 2 * GlmAggregator.HESSIAN_CHUNK_ROWS + 45;

    @Test
    void vectorKernelRunsWhereTheTestsRun() {
        // Surefire's JVM has Spark's module flags, as spark-submit's do: the kernel under test is live
        assertTrue(VectorKernels.enabled(), "the Vector API kernel is not in use on this JVM");
    }

    @Test
    void vectorAndScalarRowsAgreeWithWeights() {
        compare(true);
    }

    @Test
    void vectorAndScalarRowsAgreeWithUnitWeights() {
        compare(false);
    }

    private static void compare(boolean weighted) {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] x = new double[N * P];
        double[] labels = new double[N];
        double[] weights = weighted ? new double[N] : null;
        int[] folds = new int[N];
        for (int i = 0; i < N; i++) {
            folds[i] = 3 * i / N;
            for (int j = 0; j < P; j++) {
                x[i * P + j] = rnd.nextGaussian() * (j + 1);
            }
            labels[i] = rnd.nextDouble() < 0.45 ? 1 : 0;
            if (weighted) {
                weights[i] = rnd.nextDouble() * 3;
            }
        }
        Block block = new DenseBlock(P, labels, weights, folds, x);
        int points = 3;
        double[] v = new double[P * points];
        for (int e = 0; e < v.length; e++) {
            v[e] = rnd.nextGaussian();
        }
        // margins far out on both sides, so that exp(−|f|) underflows to the rounding of 1 + e
        v[0] = 12;
        double[] intercepts = {0.4, -0.3, 0};
        int[] excluded = {-1, 1, 2};
        int[] union = {0, 2, 3};
        int[][] positions = {{0, 1, 2}, {0, 2}, null};
        GlmAggregator.Payload payload = new GlmAggregator.Payload(new Logistic(), v, intercepts, excluded, points,
                positions, union, new double[union.length]);
        GlmAggregator vector = new GlmAggregator(P, 1, points).add(block, payload, true);
        GlmAggregator scalar = new GlmAggregator(P, 1, points).add(block, payload, false);
        for (int q = 0; q < points; q++) {
            String at = "point " + q + (weighted ? " weighted" : "");
            assertClose(scalar.loss(q), vector.loss(q), at + " loss");
            assertClose(scalar.sumResiduals(q, 0), vector.sumResiduals(q, 0), at + " Σ w r");
            double[] gs = scalar.rawGradient(q, 0);
            double[] gv = vector.rawGradient(q, 0);
            for (int j = 0; j < P; j++) {
                assertClose(gs[j], gv[j], at + " gradient " + j);
            }
            double[] hs = scalar.heldOut(q);
            double[] hv = vector.heldOut(q);
            for (int c = 0; c < hs.length; c++) {
                assertClose(hs[c], hv[c], at + " held-out sum " + c);
            }
            if (positions[q] != null) {
                int m1 = positions[q].length + 1;
                double[] a = scalar.hessian(q, 0, 0, m1);
                double[] b = vector.hessian(q, 0, 0, m1);
                for (int e = 0; e < a.length; e++) {
                    assertClose(a[e], b[e], at + " Hessian entry " + e);
                }
            }
        }
        assertTrue(scalar.heldOut(1)[HeldOutSums.W] > 0 && scalar.heldOut(0)[HeldOutSums.TRAIN_MISS] > 0,
                "the data exercise held-out rows and misclassified rows");
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-12 * Math.max(1, Math.abs(expected)), what);
    }
}
