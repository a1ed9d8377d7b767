package org.sparklasso.kernel;

import java.util.Arrays;

/**
 * Adds the weighted Gram matrix {@code (√w∘A)ᵀ(√w∘A)} of one cached chunk's columns to the upper
 * triangle of a Hessian block, with {@link GramTiles}' register-tiled micro-kernel instead of
 * {@code dsyrk}: the chunk is weighted and turned row-major (padded to whole vectors) on the way.
 *
 * <p>Why: netlib's Java BLAS ({@code VectorBLAS}) vectorizes {@code dgemm} but not {@code dsyrk},
 * and the reference native BLAS that R and NumPy install as {@code libblas.so.3} vectorizes
 * neither; both ran {@code dsyrk} at 4.7–5.0 GFLOP/s on the Newton passes' 128-row chunks (m²·rows
 * flops per call, m = 12–100; 2-core AVX-512 EPYC). This kernel makes 20–25 GFLOP/s per core on
 * chunks in cache (see {@link GramTiles}), and the Hessians were most of a binomial path's late,
 * wide-working-set passes. One instance per thread: it holds its scratch.
 */
public final class WeightedGram {
    private double[] rowMajor = new double[0];
    private double[] gram = new double[0];

    /** Whether this JVM runs the tiled kernel (the Vector API is on and has a tile shape). */
    public static boolean available() {
        return VectorKernels.enabled() && GramTiles.fits();
    }

    /**
     * {@code h[hOffset + i + j·m] += Σ_r w_r a_ri a_rj} for i ≤ j (the lower triangle is left as it
     * was), where column i of the chunk is {@code columns[from[i] .. from[i] + rows)} and
     * {@code sqrtWeights[r] = √w_r}.
     */
    public void addUpper(double[] columns, int[] from, int m, double[] sqrtWeights, int rows, double[] h,
                         int hOffset) {
        int ld = GramTiles.wholeVectors(m);
        if (rowMajor.length < rows * ld) {
            rowMajor = new double[rows * ld];
        }
        if (gram.length < ld * ld) {
            gram = new double[ld * ld];
        }
        for (int i = 0; i < rows; i++) {
            Arrays.fill(rowMajor, i * ld + m, (i + 1) * ld, 0.0);
        }
        for (int c = 0; c < m; c++) {
            int f = from[c];
            for (int i = 0; i < rows; i++) {
                rowMajor[i * ld + c] = columns[f + i] * sqrtWeights[i];
            }
        }
        Arrays.fill(gram, 0, ld * ld, 0.0);
        GramTiles.add(rowMajor, rows, ld, gram);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i <= j; i++) {
                h[hOffset + i + j * m] += gram[i + j * ld];
            }
        }
    }
}
