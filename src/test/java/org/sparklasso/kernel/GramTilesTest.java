package org.sparklasso.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link GramTiles} against the direct sums, for column counts that take every panel width (one, two
 * and three vectors) and every tile width (8 and 4 columns), and its refusal of a chunk that is not
 * whole vectors wide.
 */
class GramTilesTest {

    @Test
    void upperTriangleIsTheDirectSums() {
        assumeTrue(VectorKernels.enabled() && GramTiles.fits(), "no Vector API tiles in this JVM");
        SplittableRandom rnd = new SplittableRandom(5);
        for (int cols = 1; cols <= 60; cols++) {
            for (int r : new int[] {1, 3, 64}) {
                check(GramTiles.wholeVectors(cols), r, rnd);
            }
        }
        for (int cols : new int[] {95, 96, 97, 100, 101, 104, 105, 200}) {
            check(GramTiles.wholeVectors(cols), 37, rnd);
        }
    }

    @Test
    void refusesColumnsThatAreNotWholeVectors() {
        assumeTrue(VectorKernels.enabled() && GramTiles.fits(), "no Vector API tiles in this JVM");
        int cols = GramTiles.wholeVectors(1) + 1;
        assertThrows(IllegalArgumentException.class, () -> GramTiles.add(new double[cols], 1, cols,
                new double[cols * cols]));
    }

    private static void check(int cols, int r, SplittableRandom rnd) {
        double[] a = new double[r * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextGaussian();
        }
        double[] g = new double[cols * cols];
        GramTiles.add(a, r, cols, g);
        GramTiles.add(a, r, cols, g);
        for (int k = 0; k < cols; k++) {
            for (int j = 0; j < cols; j++) {
                double sum = 0;
                for (int i = 0; i < r; i++) {
                    sum += a[i * cols + j] * a[i * cols + k];
                }
                double got = g[k * cols + j];
                String what = "cols=" + cols + " r=" + r + " (" + j + "," + k + ")";
                if (j <= k) {
                    assertEquals(2 * sum, got, 1e-12 * (1 + r), what);
                } else {
                    // below the diagonal: untouched, or the true value (the diagonal tiles)
                    assertTrue(got == 0.0 || Math.abs(got - 2 * sum) <= 1e-12 * (1 + r), what + ": " + got);
                }
            }
        }
    }
}
