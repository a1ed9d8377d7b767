package org.sparklasso.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The outer-product Xᵀ R against the sum written out, entry by entry. */
class RowMajorProductsTest {
    @Test
    void addsTheTransposeProductOfARowMajorBlock() {
        assumeTrue(VectorKernels.enabled(), "the Vector API kernels are off in this JVM");
        SplittableRandom rnd = new SplittableRandom(11);
        for (int p : new int[] {1, 3, 8, 9, 17, 100}) {
            for (int n : new int[] {1, 3, 4, 7, 64, 130}) {
                for (int k : new int[] {1, 2, 12}) {
                    double[] x = new double[n * p];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = rnd.nextGaussian();
                    }
                    double[] r = new double[n * k];
                    for (int i = 0; i < r.length; i++) {
                        // runs of zeros (held-out rows), lone zeros and values
                        r[i] = (i / 5) % 3 == 1 || i % 7 == 0 ? 0 : rnd.nextGaussian();
                    }
                    double[] g = new double[p * k];
                    for (int i = 0; i < g.length; i++) {
                        g[i] = rnd.nextDouble();
                    }
                    double[] before = g.clone();
                    RowMajorProducts.addTransposeProduct(x, p, n, r, k, g);
                    for (int c = 0; c < k; c++) {
                        for (int j = 0; j < p; j++) {
                            double expected = before[j + c * p];
                            double scale = Math.abs(expected);
                            for (int i = 0; i < n; i++) {
                                expected += x[i * p + j] * r[i + c * n];
                                scale += Math.abs(x[i * p + j] * r[i + c * n]);
                            }
                            assertEquals(expected, g[j + c * p], 1e-14 * scale + 1e-300,
                                    "p=" + p + " n=" + n + " k=" + k + " entry (" + j + ", " + c + ")");
                        }
                    }
                }
            }
        }
    }
}
