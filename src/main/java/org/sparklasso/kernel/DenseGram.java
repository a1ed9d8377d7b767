package org.sparklasso.kernel;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The Gram kernel of a dense row-major block: {@code Σ w x̃ x̃ᵀ}, {@code Σ w x̃ ỹ}, {@code Σ w ỹ²},
 * {@code Σ w x̃}, {@code Σ w ỹ}, {@code Σ w} with {@code x̃ = (x − center)/scale}, {@code ỹ = y − yCenter}.
 *
 * <p>The rows are centered and scaled (times √w) a chunk of rows at a time into one small buffer that
 * stays in the L2 cache, with ỹ (times √w) as one more column: the buffer's Gram matrix then holds
 * {@code Σ w x̃ x̃ᵀ} and, in its last column, {@code Σ w x̃ ỹ}, so one rank-k update per chunk computes
 * both. The update is {@link GramTiles}' register-tiled kernel on the Vector API, else {@code dsyrk}
 * (β = 1). No block-sized copy is allocated, written to memory and read back.
 */
public final class DenseGram {
    /** Bytes of centered rows per chunk: well inside a 512 KB–1 MB L2 next to the p×p result. */
    static final int CHUNK_BYTES = 256 * 1024;

    private DenseGram() {
    }

    /** Rows per chunk for {@code p} features (at least 8). */
    static int chunkRows(int p) {
        return Math.max(8, CHUNK_BYTES / (8 * (p + 1)));
    }

    /** Adds the statistics of the block ({@code values} row-major, {@code p} columns) to {@code gram}. */
    public static void add(double[] values, int p, double[] y, double[] w, double[] center, double[] scale,
                    double yCenter, GramStatistics gram) {
        add(values, p, y, w, center, scale, yCenter, gram, chunkRows(p));
    }

    /** As above with an explicit chunk size (for tests and the kernel benchmark). */
    public static void add(double[] values, int p, double[] y, double[] w, double[] center, double[] scale,
                    double yCenter, GramStatistics gram, int chunkRows) {
        add(values, p, y, w, center, scale, yCenter, gram, chunkRows, VectorKernels.enabled());
    }

    /**
     * As above, the rows standardized on the Vector API ({@link DenseVectorLoops}) and multiplied by
     * {@link GramTiles}, or by scalar loops and {@code dsyrk}.
     */
    public static void add(double[] values, int p, double[] y, double[] w, double[] center, double[] scale,
                    double yCenter, GramStatistics gram, int chunkRows, boolean vector) {
        int n = y.length;
        if (n == 0) {
            return;
        }
        boolean tiles = vector && GramTiles.fits();
        // the label is column p; for the tiles, zero columns pad each row to whole vectors (GramTiles
        // takes only those): a few wasted multiply-adds instead of a scalar loop over the last columns
        int ld = tiles ? GramTiles.wholeVectors(p + 1) : p + 1;
        int rows = Math.min(n, chunkRows);
        double[] a = new double[rows * ld];
        double[] product = new double[ld * ld];
        double[] inv = new double[p];
        for (int j = 0; j < p; j++) {
            inv[j] = 1.0 / scale[j];
        }
        double[] xSum = gram.xSum();
        BLAS blas = tiles ? null : Blas.get();
        double yy = 0;
        double wy = 0;
        double wSum = 0;
        double[] sw = w == null ? null : new double[rows];
        for (int start = 0; start < n; start += rows) {
            int r = Math.min(rows, n - start);
            for (int i = 0; i < r; i++) {
                double t = y[start + i] - yCenter;
                double wi = w == null ? 1.0 : w[start + i];
                if (sw != null) {
                    sw[i] = Math.sqrt(wi);
                }
                a[i * ld + p] = sw == null ? t : t * sw[i];
                yy += wi * t * t;
                wy += wi * t;
                wSum += wi;
            }
            standardize(values, start * p, p, ld, r, center, inv, sw, a, xSum, vector);
            if (tiles) {
                GramTiles.add(a, r, ld, product);
            } else {
                blas.dsyrk("U", "N", ld, r, 1.0, a, ld, 1.0, product, ld);
            }
        }
        double[] g = gram.gram();
        double[] xy = gram.xy();
        for (int k = 0; k < p; k++) {
            for (int j = 0; j <= k; j++) {
                g[k * p + j] += product[k * ld + j];
            }
            xy[k] += product[p * ld + k];
        }
        gram.addSums(wy, wSum);
        gram.addYy(yy);
    }

    /**
     * Writes {@code a} (r×p, row i at {@code i·ld}) = {@code (x − center) · inv} (times √w per row
     * when {@code sw} is not null) for the r rows of {@code x} from {@code from}, adding
     * {@code Σ w (x − center)·inv} to {@code xSum}. Four rows per step, from the four quarters of the
     * chunk: the per-column loads and the xSum updates are shared by four rows, and memory is read as
     * four sequential streams (see {@link DenseMoments}). With {@code vector} the columns up to the
     * last full vector are {@link DenseVectorLoops}'s.
     */
    private static void standardize(double[] x, int from, int p, int ld, int r, double[] center, double[] inv,
                                    double[] sw, double[] a, double[] xSum, boolean vector) {
        int first = vector ? DenseVectorLoops.standardize(x, from, p, r, center, inv, sw, a, ld, xSum) : 0;
        int q = r / 4;
        int sourceStep = q * p;
        int step = q * ld;
        for (int i = 0; i < q; i++) {
            int d0 = i * ld;
            int s0 = from + i * p;
            double w0 = sw == null ? 1.0 : sw[i];
            double w1 = sw == null ? 1.0 : sw[i + q];
            double w2 = sw == null ? 1.0 : sw[i + 2 * q];
            double w3 = sw == null ? 1.0 : sw[i + 3 * q];
            for (int j = first; j < p; j++) {
                double c = center[j];
                double f = inv[j];
                double z0 = (x[s0 + j] - c) * f * w0;
                double z1 = (x[s0 + sourceStep + j] - c) * f * w1;
                double z2 = (x[s0 + 2 * sourceStep + j] - c) * f * w2;
                double z3 = (x[s0 + 3 * sourceStep + j] - c) * f * w3;
                a[d0 + j] = z0;
                a[d0 + step + j] = z1;
                a[d0 + 2 * step + j] = z2;
                a[d0 + 3 * step + j] = z3;
                xSum[j] += (z0 * w0 + z1 * w1) + (z2 * w2 + z3 * w3);
            }
        }
        for (int i = 4 * q; i < r; i++) {
            int d = i * ld;
            int s = from + i * p;
            double wi = sw == null ? 1.0 : sw[i];
            for (int j = 0; j < p; j++) {
                double z = (x[s + j] - center[j]) * inv[j] * wi;
                a[d + j] = z;
                xSum[j] += z * wi;
            }
        }
    }
}
