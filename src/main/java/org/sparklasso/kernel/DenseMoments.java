package org.sparklasso.kernel;

/**
 * The moments kernel of a dense row-major block: weighted means and centered second moments of
 * every column and of the label, in <em>one</em> read of the block.
 *
 * <p>Rows are taken in chunks of {@link #CHUNK} rows. Within a chunk the kernel sums shifted values
 * {@code d = x − K} and {@code d²} (the "shifted data" algorithm, Chan, Golub &amp; LeVeque, "Algorithms
 * for computing the sample variance", Am. Stat. 37(3), 1983, §3; Welford-free and vectorizable), then
 * turns them into the chunk's mean {@code K + Σwd/W} and centered moment {@code Σwd² − (Σwd)²/W} and
 * folds these into the block's running mean and moment with Chan et al.'s pairwise update. The shift
 * {@code K} is a data row K0 for the first chunk and the block's running mean afterwards, so it is
 * always within (or at the center of) the data seen: the cancellation in {@code Σwd² − (Σwd)²/W}
 * then costs little relative accuracy however large the means are relative to the spreads. Running
 * means are carried as offsets from K0, so the merge's {@code delta} is a difference of small,
 * accurately represented numbers (with means near 1e8 a plain running mean would be rounded to
 * ~1e-8 and Chan's {@code delta²} term would carry that error into the variance; see
 * {@code DenseKernelsTest}: mean 1e8 with std 1, a trend, an outlying first row).
 */
public final class DenseMoments {
    /** Rows per chunk: bounds the cancellation error (see above); a multiple of 4. */
    static final int CHUNK = 256;

    private DenseMoments() {
    }

    /**
     * Adds the moments of rows {@code 0..n-1} of {@code values} (row-major, {@code p} columns) with
     * labels {@code y} and weights {@code w} (null: all 1) to {@code stats}.
     */
    public static void add(double[] values, int p, double[] y, double[] w, FeatureMoments stats) {
        add(values, p, y, w, stats, VectorKernels.enabled());
    }

    /** As above, the column sums on the Vector API ({@link DenseVectorLoops}) or not: tests run both. */
    public static void add(double[] values, int p, double[] y, double[] w, FeatureMoments stats, boolean vector) {
        int n = y.length;
        if (n == 0) {
            return;
        }
        // means are kept as offsets from a base row K0 (small, accurately represented numbers), so
        // that Chan's delta = chunk mean − running mean does not suffer from rounding of large means
        double[] base = new double[p];
        double[] mu = new double[p];
        double[] m2 = new double[p];
        double[] shift = new double[p];
        double[] s1 = new double[p];
        double[] s2 = new double[p];
        double wTotal = 0;
        double yMu = 0;
        double yM2 = 0;
        // K0 = the first row of positive weight (any row if none)
        int first = 0;
        while (w != null && first < n - 1 && w[first] <= 0) {
            first++;
        }
        System.arraycopy(values, first * p, base, 0, p);
        System.arraycopy(base, 0, shift, 0, p);
        double yBase = y[first];
        double yShift = yBase;
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            java.util.Arrays.fill(s1, 0.0);
            java.util.Arrays.fill(s2, 0.0);
            double wc;
            if (w == null) {
                shiftedSums(values, p, start, end, shift, s1, s2, vector);
                wc = end - start;
            } else {
                wc = shiftedSums(values, p, start, end, w, shift, s1, s2, vector);
            }
            if (wc <= 0) {
                continue;
            }
            double ys1 = 0;
            double ys2 = 0;
            for (int i = start; i < end; i++) {
                double wi = w == null ? 1.0 : w[i];
                double d = y[i] - yShift;
                ys1 += wi * d;
                ys2 += wi * d * d;
            }
            // chunk mean − K0 = (K − K0) + Σwd/W; chunk moment = Σwd² − (Σwd)²/W; then Chan's merge
            double total = wTotal + wc;
            double fb = wc / total;
            double fa = wTotal * fb;
            for (int j = 0; j < p; j++) {
                double chunkMu = (shift[j] - base[j]) + s1[j] / wc;
                double chunkM2 = s2[j] - s1[j] * (s1[j] / wc);
                double delta = chunkMu - mu[j];
                mu[j] += delta * fb;
                m2[j] += Math.max(0.0, chunkM2) + delta * delta * fa;
                // the next chunk is shifted by the running mean (any double will do: K − K0 is exact)
                shift[j] = base[j] + mu[j];
            }
            double yChunkMu = (yShift - yBase) + ys1 / wc;
            double dy = yChunkMu - yMu;
            yMu += dy * fb;
            yM2 += Math.max(0.0, ys2 - ys1 * (ys1 / wc)) + dy * dy * fa;
            yShift = yBase + yMu;
            wTotal = total;
        }
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = base[j] + mu[j];
        }
        stats.merge(n, wTotal, mean, m2, yBase + yMu, yM2);
    }

    /**
     * Unit weights: {@code s1 += Σ(x−K)}, {@code s2 += Σ(x−K)²} over rows start..end-1. Four rows per
     * step cut the loads and stores of the accumulators 4×; they are taken from the four quarters of
     * the chunk (rows i, i+q, i+2q, i+3q), so that memory is read as four sequential streams, which
     * the hardware prefetchers follow, rather than as four short interleaved ones (adjacent rows),
     * which measured 2× slower than even one row at a time from memory. With {@code vector} the
     * columns up to the last full vector are {@link DenseVectorLoops}'s.
     */
    private static void shiftedSums(double[] x, int p, int start, int end, double[] k, double[] s1, double[] s2,
                                    boolean vector) {
        int first = vector ? DenseVectorLoops.shiftedSums(x, p, start, end, k, s1, s2) : 0;
        int q = (end - start) / 4;
        int step = q * p;
        for (int i = start; i < start + q; i++) {
            int o0 = i * p;
            int o1 = o0 + step;
            int o2 = o1 + step;
            int o3 = o2 + step;
            for (int j = first; j < p; j++) {
                double kj = k[j];
                double d0 = x[o0 + j] - kj;
                double d1 = x[o1 + j] - kj;
                double d2 = x[o2 + j] - kj;
                double d3 = x[o3 + j] - kj;
                s1[j] += (d0 + d1) + (d2 + d3);
                s2[j] += (d0 * d0 + d1 * d1) + (d2 * d2 + d3 * d3);
            }
        }
        for (int i = start + 4 * q; i < end; i++) {
            int o = i * p;
            for (int j = 0; j < p; j++) {
                double d = x[o + j] - k[j];
                s1[j] += d;
                s2[j] += d * d;
            }
        }
    }

    /** Weighted, as above: {@code s1 += Σw(x−K)}, {@code s2 += Σw(x−K)²}; returns Σw over the rows. */
    private static double shiftedSums(double[] x, int p, int start, int end, double[] w, double[] k,
                                      double[] s1, double[] s2, boolean vector) {
        int first = vector ? DenseVectorLoops.shiftedSums(x, p, start, end, w, k, s1, s2) : 0;
        double wSum = 0;
        int q = (end - start) / 4;
        int step = q * p;
        for (int i = start; i < start + q; i++) {
            int o0 = i * p;
            int o1 = o0 + step;
            int o2 = o1 + step;
            int o3 = o2 + step;
            double w0 = w[i];
            double w1 = w[i + q];
            double w2 = w[i + 2 * q];
            double w3 = w[i + 3 * q];
            wSum += (w0 + w1) + (w2 + w3);
            for (int j = first; j < p; j++) {
                double kj = k[j];
                double d0 = x[o0 + j] - kj;
                double d1 = x[o1 + j] - kj;
                double d2 = x[o2 + j] - kj;
                double d3 = x[o3 + j] - kj;
                double t0 = w0 * d0;
                double t1 = w1 * d1;
                double t2 = w2 * d2;
                double t3 = w3 * d3;
                s1[j] += (t0 + t1) + (t2 + t3);
                s2[j] += (t0 * d0 + t1 * d1) + (t2 * d2 + t3 * d3);
            }
        }
        for (int i = start + 4 * q; i < end; i++) {
            int o = i * p;
            double wi = w[i];
            wSum += wi;
            for (int j = 0; j < p; j++) {
                double d = x[o + j] - k[j];
                double t = wi * d;
                s1[j] += t;
                s2[j] += t * d;
            }
        }
        return wSum;
    }
}
