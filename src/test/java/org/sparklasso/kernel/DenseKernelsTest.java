package org.sparklasso.kernel;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The dense moments and Gram kernels against exact (BigDecimal) or direct per-row references:
 * large means relative to spreads, trends within a block, weights (including zeros), and row counts
 * that are not multiples of the kernels' chunks or of their four-row steps.
 */
class DenseKernelsTest {

    /** Exact weighted mean of column j (BigDecimal sums), or null without weight. */
    private static BigDecimal exactMeanOrNull(double[] x, int p, int j, double[] w) {
        int n = x.length / p;
        BigDecimal sw = BigDecimal.ZERO;
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal wi = new BigDecimal(w == null ? 1.0 : w[i]);
            sw = sw.add(wi);
            s = s.add(wi.multiply(new BigDecimal(x[i * p + j])));
        }
        return sw.signum() == 0 ? null : s.divide(sw, MathContext.DECIMAL128);
    }

    /** Exact weighted mean of column j, rounded to double; 0 without weight. */
    private static double exactMean(double[] x, int p, int j, double[] w) {
        BigDecimal mean = exactMeanOrNull(x, p, j, w);
        return mean == null ? 0.0 : mean.doubleValue();
    }

    private static double largest(double[] x, int p, int j) {
        double m = 0;
        for (int i = j; i < x.length; i += p) {
            m = Math.max(m, Math.abs(x[i]));
        }
        return m;
    }

    /** Exact weighted population variance of column j (BigDecimal sums), rounded to double. */
    private static double exactVariance(double[] x, int p, int j, double[] w) {
        BigDecimal mean = exactMeanOrNull(x, p, j, w);
        if (mean == null) {
            return 0.0;
        }
        BigDecimal sw = BigDecimal.ZERO;
        BigDecimal m2 = BigDecimal.ZERO;
        for (int i = 0; i < x.length / p; i++) {
            BigDecimal wi = new BigDecimal(w == null ? 1.0 : w[i]);
            BigDecimal d = new BigDecimal(x[i * p + j]).subtract(mean);
            sw = sw.add(wi);
            m2 = m2.add(wi.multiply(d.multiply(d)));
        }
        return m2.divide(sw, MathContext.DECIMAL128).doubleValue();
    }

    /**
     * p columns cycling through four kinds: mean 1e8 with std 1; a trend 1e8 + i·1e-3; a huge first
     * row; and mean 0.
     */
    private static double[] columns(int n, int p, SplittableRandom rnd) {
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = switch (j % 4) {
                    case 0 -> 1e8 + rnd.nextGaussian();
                    case 1 -> 1e8 + i * 1e-3;
                    case 2 -> i == 0 ? 1e6 : rnd.nextGaussian();
                    default -> rnd.nextGaussian();
                };
            }
        }
        return x;
    }

    /**
     * Four columns (all in the scalar loop's tail) and nineteen (two or more full vectors of the
     * Vector API kernel, then a tail), each through the vectorized and the scalar column sums.
     */
    @Test
    void momentsAreAccurateForLargeMeans() {
        assertTrue(VectorKernels.enabled(), "the Vector API kernels are not in use on this JVM");
        for (int p : new int[] {4, 19}) {
            for (boolean vector : new boolean[] {true, false}) {
                momentsAreAccurate(p, vector);
            }
        }
    }

    private static void momentsAreAccurate(int p, boolean vector) {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int n : new int[] {1, 3, 257, 10_001}) {
            double[] x = columns(n, p, rnd);
            double[] y = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = 1e8 + rnd.nextGaussian();
                w[i] = i % 5 == 0 ? 0.0 : rnd.nextDouble() * 3;
            }
            w[0] = 0.0;
            for (double[] weights : new double[][] {null, w}) {
                FeatureMoments m = new FeatureMoments(p);
                DenseMoments.add(x, p, y, weights, m, vector);
                double[] var = m.variance();
                for (int j = 0; j < p; j++) {
                    double exact = exactVariance(x, p, j, weights);
                    String what = "p=" + p + (vector ? " vector" : " scalar") + " n=" + n + " column " + j
                            + (weights == null ? "" : " weighted");
                    assertEquals(exact, var[j], 1e-10 * exact + 1e-30, what);
                    double exactMean = exactMean(x, p, j, weights);
                    assertEquals(exactMean, m.mean()[j], 1e-14 * largest(x, p, j), what + " mean");
                }
                double[] yCol = y.clone();
                assertEquals(exactVariance(yCol, 1, 0, weights), m.labelVariance(),
                        1e-10 * exactVariance(yCol, 1, 0, weights) + 1e-30, "label n=" + n);
            }
        }
    }

    /**
     * Seven columns (the scalar loop's tail only), nineteen and a hundred (vectors and a tail; with the
     * label column, GramTiles' one-, two- and three-vector panels), both paths.
     */
    @Test
    void gramMatchesDirectSums() {
        for (int p : new int[] {7, 19, 100}) {
            for (boolean vector : new boolean[] {true, false}) {
                gramMatchesDirectSums(p, vector);
            }
        }
    }

    private static void gramMatchesDirectSums(int p, boolean vector) {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int n : new int[] {1, 5, 1000, 9999}) {
            double[] x = new double[n * p];
            double[] y = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    x[i * p + j] = 100 * j + rnd.nextGaussian() * (j + 1);
                }
                y[i] = rnd.nextGaussian();
                w[i] = i % 7 == 0 ? 0.0 : rnd.nextDouble();
            }
            double[] center = new double[p];
            double[] scale = new double[p];
            for (int j = 0; j < p; j++) {
                center[j] = 100 * j;
                scale[j] = j + 1;
            }
            for (double[] weights : new double[][] {null, w}) {
                for (int chunk : new int[] {3, 8, 64, 100_000}) {
                    GramStatistics g = new GramStatistics(p);
                    DenseGram.add(x, p, y, weights, center, scale, 0.5, g, chunk, vector);
                    check(x, y, weights, center, scale, 0.5, g, "p=" + p + (vector ? " vector" : " scalar") + " n=" + n
                            + " chunk=" + chunk + (weights == null ? "" : " weighted"));
                }
            }
        }
    }

    private static void check(double[] x, double[] y, double[] w, double[] c, double[] s, double yc,
                              GramStatistics g, String what) {
        int p = c.length;
        int n = y.length;
        double[] gram = new double[p * p];
        double[] xy = new double[p];
        double[] xSum = new double[p];
        double yy = 0;
        double ySum = 0;
        double wSum = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1.0 : w[i];
            double t = y[i] - yc;
            for (int a = 0; a < p; a++) {
                double za = (x[i * p + a] - c[a]) / s[a];
                xSum[a] += wi * za;
                xy[a] += wi * za * t;
                for (int b = a; b < p; b++) {
                    gram[a + b * p] += wi * za * (x[i * p + b] - c[b]) / s[b];
                }
            }
            yy += wi * t * t;
            ySum += wi * t;
            wSum += wi;
        }
        double tol = 1e-11 * Math.max(1, n);
        for (int a = 0; a < p; a++) {
            assertEquals(xSum[a], g.xSum()[a], tol, what + " xSum");
            assertEquals(xy[a], g.xy()[a], tol, what + " xy");
            for (int b = a; b < p; b++) {
                assertEquals(gram[a + b * p], g.gram()[a + b * p], tol, what + " gram");
            }
            for (int b = 0; b < a; b++) {
                assertEquals(0.0, g.gram()[a + b * p], what + " lower triangle untouched");
            }
        }
        assertEquals(yy, g.yy(), tol, what + " yy");
        assertEquals(ySum, g.ySum(), tol, what + " ySum");
        assertEquals(wSum, g.weightSum(), tol, what + " weightSum");
    }
}
