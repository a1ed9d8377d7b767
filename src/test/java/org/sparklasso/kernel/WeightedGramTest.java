package org.sparklasso.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tiled weighted Gram against the sum written out, entry by entry. */
class WeightedGramTest {
    @Test
    void addsTheWeightedGramToTheUpperTriangleOnly() {
        assumeTrue(WeightedGram.available(), "the Vector API kernels are off in this JVM");
        SplittableRandom rnd = new SplittableRandom(7);
        WeightedGram tiles = new WeightedGram();
        for (int m : new int[] {1, 2, 7, 8, 9, 24, 25, 40, 71, 101}) {
            for (int rows : new int[] {1, 5, 128}) {
                // the chunk's columns scattered in a wider column-major buffer, in a shuffled order
                int width = m + 3;
                double[] columns = new double[width * rows];
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = rnd.nextGaussian();
                }
                int[] from = new int[m];
                for (int c = 0; c < m; c++) {
                    from[c] = ((c * 5 + 2) % width) * rows;
                }
                double[] w = new double[rows];
                double[] sqrtW = new double[rows];
                for (int i = 0; i < rows; i++) {
                    w[i] = i % 4 == 3 ? 0 : rnd.nextDouble() * 3;
                    sqrtW[i] = Math.sqrt(w[i]);
                }
                int offset = 11;
                double[] h = new double[offset + m * m + 4];
                for (int i = 0; i < h.length; i++) {
                    h[i] = rnd.nextDouble();
                }
                double[] before = h.clone();
                tiles.addUpper(columns, from, m, sqrtW, rows, h, offset);
                for (int j = 0; j < m; j++) {
                    for (int i = 0; i < m; i++) {
                        double expected = before[offset + i + j * m];
                        if (i <= j) {
                            for (int r = 0; r < rows; r++) {
                                expected += w[r] * columns[from[i] + r] * columns[from[j] + r];
                            }
                        }
                        assertEquals(expected, h[offset + i + j * m], 1e-12 * Math.max(1, Math.abs(expected)),
                                "m=" + m + " rows=" + rows + " entry (" + i + ", " + j + ")");
                    }
                }
                for (int i = 0; i < offset; i++) {
                    assertEquals(before[i], h[i]);
                }
                for (int i = offset + m * m; i < h.length; i++) {
                    assertEquals(before[i], h[i]);
                }
            }
        }
    }
}
