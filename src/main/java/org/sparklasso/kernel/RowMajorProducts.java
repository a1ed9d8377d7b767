package org.sparklasso.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The gradient product of a GLM pass, {@code Xᵀ R}, for a dense block stored row by row (X, n × p)
 * and the residuals of its k columns stored column by column (R, n × k): eight rows at a time, each
 * column of R adds eight rank-one rows to its p gradient entries, a vector of features at a time
 * (outer products, the order a row-major X is read in; the gradient, p × k, stays in L1).
 *
 * <p>Why not {@code dgemm("N", "N", ...)}: netlib's Java {@code dgemm} (VectorBLAS) computes every
 * product as dot products along the inner dimension, so for this orientation it first copies the
 * whole block transposed ({@code Java8BLAS.dgecpyNT}), 8·n·p bytes written and read again on every
 * pass for a p × k result. JFR of warm B2 fits (binomial 10⁵ × 100, path + 5-fold CV, up to 12
 * points a pass): the copy was 287 of 1,681 task-thread samples, the whole product 520 (twice the
 * margins' {@code dgemm("T", "N")}, 256); with this kernel the product took 444–487 of 2,043–2,219
 * samples (1.2–1.3 times the margins'). Alone on one core, 50,000 × 100 and k = 12 from memory:
 * 7.4–8.6 ms against dgemm's 8.6–10.4 (5.9 ms with the block in cache).
 * Held-out rows, whose residuals the pass sets to zero, are skipped eight at a time.
 * Only loaded when {@link VectorKernels#enabled()} says so.
 */
public final class RowMajorProducts {
    private static final VectorSpecies<Double> SPECIES = DoubleLanes.SPECIES;

    private RowMajorProducts() {
    }

    /**
     * {@code g[j + c·p] += Σ_i x[i·p + j] · r[i + c·n]} for j &lt; p, c &lt; k, i &lt; n: X row-major
     * (n × p), R and G column-major (n × k and p × k).
     */
    public static void addTransposeProduct(double[] x, int p, int n, double[] r, int k, double[] g) {
        int lanes = SPECIES.length();
        int vectorColumns = SPECIES.loopBound(p);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            int o = i * p;
            for (int c = 0; c < k; c++) {
                int ro = c * n + i;
                if (r[ro] == 0 && r[ro + 1] == 0 && r[ro + 2] == 0 && r[ro + 3] == 0 && r[ro + 4] == 0
                        && r[ro + 5] == 0 && r[ro + 6] == 0 && r[ro + 7] == 0) {
                    continue;
                }
                DoubleVector v0 = DoubleVector.broadcast(SPECIES, r[ro]);
                DoubleVector v1 = DoubleVector.broadcast(SPECIES, r[ro + 1]);
                DoubleVector v2 = DoubleVector.broadcast(SPECIES, r[ro + 2]);
                DoubleVector v3 = DoubleVector.broadcast(SPECIES, r[ro + 3]);
                DoubleVector v4 = DoubleVector.broadcast(SPECIES, r[ro + 4]);
                DoubleVector v5 = DoubleVector.broadcast(SPECIES, r[ro + 5]);
                DoubleVector v6 = DoubleVector.broadcast(SPECIES, r[ro + 6]);
                DoubleVector v7 = DoubleVector.broadcast(SPECIES, r[ro + 7]);
                int go = c * p;
                for (int j = 0; j < vectorColumns; j += lanes) {
                    int oj = o + j;
                    DoubleVector acc = DoubleVector.fromArray(SPECIES, g, go + j);
                    acc = DoubleVector.fromArray(SPECIES, x, oj).fma(v0, acc);
                    acc = DoubleVector.fromArray(SPECIES, x, oj + p).fma(v1, acc);
                    acc = DoubleVector.fromArray(SPECIES, x, oj + 2 * p).fma(v2, acc);
                    acc = DoubleVector.fromArray(SPECIES, x, oj + 3 * p).fma(v3, acc);
                    acc = DoubleVector.fromArray(SPECIES, x, oj + 4 * p).fma(v4, acc);
                    acc = DoubleVector.fromArray(SPECIES, x, oj + 5 * p).fma(v5, acc);
                    acc = DoubleVector.fromArray(SPECIES, x, oj + 6 * p).fma(v6, acc);
                    acc = DoubleVector.fromArray(SPECIES, x, oj + 7 * p).fma(v7, acc);
                    acc.intoArray(g, go + j);
                }
                for (int j = vectorColumns; j < p; j++) {
                    double sum = g[go + j];
                    for (int t = 0; t < 8; t++) {
                        sum += x[o + t * p + j] * r[ro + t];
                    }
                    g[go + j] = sum;
                }
            }
        }
        for (; i < n; i++) {
            int o = i * p;
            for (int c = 0; c < k; c++) {
                double b = r[c * n + i];
                if (b == 0) {
                    continue;
                }
                int go = c * p;
                for (int j = 0; j < p; j++) {
                    g[go + j] += x[o + j] * b;
                }
            }
        }
    }
}
