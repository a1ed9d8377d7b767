package org.sparklasso.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparklasso.block.Block;
import org.sparklasso.block.DenseBlock;
import org.sparklasso.block.SparseBlock;
import org.sparklasso.datafit.Logistic;

/**
 * The Newton Hessians of a GLM pass against a direct per-row sum: two models with their own
 * centers, scales and working sets share one gathered union of columns shifted by the first
 * model's centers, over more rows than one chunk (and not a multiple of it), for dense and sparse
 * blocks; {@link GlmAggregator#recenter} must move each Hessian to its own model. The rows are
 * sorted by fold (as packed) and the second model holds out fold 1, whose rows it must skip. Three
 * columns per model take the dgemm path; 27 and 36 (from {@link GlmAggregator#SYRK_MIN_COLUMNS})
 * the dsyrk one, the second with the whole union (no per-model copy).
 */
class GlmHessianTest {
    private static final int N = 3 * GlmAggregator.HESSIAN_CHUNK_ROWS + 37;
    private static final int[][] NARROW = {{1, 3, 4}, {0, 3, 6}};
    private static final int[][] WIDE = {
        java.util.stream.IntStream.range(0, 36).filter(j -> j % 4 != 3).toArray(),
        java.util.stream.IntStream.range(0, 36).toArray()};

    @Test
    void denseHessiansMatchTheDirectSum() {
        check(false, 7, NARROW);
        check(false, 40, WIDE);
    }

    @Test
    void sparseHessiansMatchTheDirectSum() {
        check(true, 7, NARROW);
        check(true, 40, WIDE);
    }

    private static void check(boolean sparse, int p, int[][] sets) {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] x = new double[N * p];
        double[] labels = new double[N];
        double[] weights = new double[N];
        int[] folds = new int[N];
        for (int i = 0; i < N; i++) {
            folds[i] = 3 * i / N;
            for (int j = 0; j < p; j++) {
                boolean stored = !sparse || rnd.nextDouble() < 0.4;
                x[i * p + j] = stored ? 1000 * j + rnd.nextGaussian() * (j + 1) : 0;
            }
            labels[i] = rnd.nextDouble() < 0.4 ? 1 : 0;
            weights[i] = rnd.nextDouble() * 2;
        }
        Block block = sparse ? sparseBlock(x, p, labels, weights, folds) : new DenseBlock(p, labels, weights, folds, x);
        assertEquals(4, block.foldRanges().length);

        // two models with their own working sets, centers and scales
        double[][] center = new double[2][p];
        double[][] scale = new double[2][p];
        double[][] beta = new double[2][p];
        double[] intercept = {0.3, -0.2};
        for (int q = 0; q < 2; q++) {
            for (int j = 0; j < p; j++) {
                center[q][j] = 1000 * j + rnd.nextGaussian();
                scale[q][j] = 0.5 + rnd.nextDouble() * (j + 1);
                beta[q][j] = rnd.nextGaussian() * 1e-3;
            }
        }
        int[] union = java.util.stream.IntStream.concat(java.util.Arrays.stream(sets[0]), java.util.Arrays.stream(sets[1]))
                .distinct().sorted().toArray();
        int[][] positions = new int[2][];
        for (int q = 0; q < 2; q++) {
            positions[q] = java.util.Arrays.stream(sets[q]).map(j -> java.util.Arrays.binarySearch(union, j)).toArray();
        }
        double[] unionCenter = new double[union.length];
        for (int c = 0; c < union.length; c++) {
            unionCenter[c] = center[0][union[c]];
        }
        double[] v = new double[p * 2];
        System.arraycopy(beta[0], 0, v, 0, p);
        System.arraycopy(beta[1], 0, v, p, p);
        GlmAggregator.Payload payload = new GlmAggregator.Payload(new Logistic(), v, intercept, new int[] {-1, 1}, 2,
                positions, union, unionCenter);
        GlmAggregator agg = new GlmAggregator(p, 1, 2).add(block, payload);

        for (int q = 0; q < 2; q++) {
            int[] set = sets[q];
            int m1 = set.length + 1;
            double[] delta = new double[set.length];
            double[] s = new double[set.length];
            for (int c = 0; c < set.length; c++) {
                delta[c] = center[q][set[c]] - unionCenter[positions[q][c]];
                s[c] = scale[q][set[c]];
            }
            double[] h = agg.hessian(q, 0, 0, m1);
            GlmAggregator.recenter(h, m1, delta, s);
            double[] expected = new double[m1 * m1];
            for (int i = 0; i < N; i++) {
                if (q == 1 && folds[i] == 1) {
                    continue;
                }
                double f = intercept[q];
                for (int j = 0; j < p; j++) {
                    f += beta[q][j] * x[i * p + j];
                }
                double prob = 1 / (1 + Math.exp(-f));
                double wh = weights[i] * prob * (1 - prob);
                double[] a = new double[m1];
                for (int c = 0; c < set.length; c++) {
                    a[c] = (x[i * p + set[c]] - center[q][set[c]]) / s[c];
                }
                a[set.length] = 1;
                for (int r = 0; r < m1; r++) {
                    for (int c = 0; c < m1; c++) {
                        expected[r + c * m1] += wh * a[r] * a[c];
                    }
                }
            }
            for (int e = 0; e < expected.length; e++) {
                assertEquals(expected[e], h[e], 1e-9 * Math.max(1, Math.abs(expected[e])),
                        (sparse ? "sparse" : "dense") + " p=" + p + " model " + q + " entry " + e);
            }
        }
    }

    private static Block sparseBlock(double[] x, int p, double[] labels, double[] weights, int[] folds) {
        int[] rowPtr = new int[N + 1];
        java.util.List<Integer> cols = new java.util.ArrayList<>();
        java.util.List<Double> vals = new java.util.ArrayList<>();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < p; j++) {
                if (x[i * p + j] != 0) {
                    cols.add(j);
                    vals.add(x[i * p + j]);
                }
            }
            rowPtr[i + 1] = cols.size();
        }
        return new SparseBlock(p, labels, weights, folds, rowPtr, cols.stream().mapToInt(Integer::intValue).toArray(),
                vals.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
