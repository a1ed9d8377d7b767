package org.sparklasso.data;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Rows stored row-major in one {@code double[]}: as a column-major matrix this is Xᵀ (p×rows,
 * leading dimension p), so every kernel is a single BLAS call.
 */
public final class DenseBlock extends Block {
    private static final long serialVersionUID = 1L;

    /** Row-major values: feature j of row i at {@code i * p + j}. */
    private final double[] values;

    public DenseBlock(int numFeatures, double[] labels, double[] weights, int[] folds, double[] values) {
        super(numFeatures, labels, weights, folds);
        if (values.length != labels.length * numFeatures) {
            throw new IllegalArgumentException("values has " + values.length + " entries, expected "
                    + labels.length + "×" + numFeatures);
        }
        this.values = values;
    }

    @Override
    public void multiply(double[] v, int k, double[] m) {
        int n = rows();
        int p = numFeatures;
        if (n == 0) {
            return;
        }
        if (p == 0) {
            java.util.Arrays.fill(m, 0, n * k, 0.0);
        } else if (k == 1) {
            Blas.get().dgemv("T", p, n, 1.0, values, p, v, 1, 0.0, m, 1);
        } else {
            Blas.get().dgemm("T", "N", n, k, p, 1.0, values, p, v, p, 0.0, m, n);
        }
    }

    @Override
    public void addTransposeProduct(double[] r, int k, double[] g) {
        int n = rows();
        int p = numFeatures;
        if (n == 0 || p == 0) {
            return;
        }
        if (k == 1) {
            Blas.get().dgemv("N", p, n, 1.0, values, p, r, 1, 1.0, g, 1);
        } else {
            Blas.get().dgemm("N", "N", p, k, n, 1.0, values, p, r, n, 1.0, g, p);
        }
    }

    @Override
    public void addMoments(FeatureMoments stats) {
        int n = rows();
        int p = numFeatures;
        double wSum = 0;
        double[] mean = new double[p];
        double yMean = 0;
        for (int i = 0; i < n; i++) {
            double w = weight(i);
            wSum += w;
            yMean += w * labels[i];
            int off = i * p;
            for (int j = 0; j < p; j++) {
                mean[j] += w * values[off + j];
            }
        }
        if (wSum > 0) {
            for (int j = 0; j < p; j++) {
                mean[j] /= wSum;
            }
            yMean /= wSum;
        }
        double[] m2 = new double[p];
        double yM2 = 0;
        for (int i = 0; i < n; i++) {
            double w = weight(i);
            double dy = labels[i] - yMean;
            yM2 += w * dy * dy;
            int off = i * p;
            for (int j = 0; j < p; j++) {
                double d = values[off + j] - mean[j];
                m2[j] += w * d * d;
            }
        }
        stats.merge(n, wSum, mean, m2, yMean, yM2);
    }

    @Override
    public void addGram(double[] center, double[] scale, double yCenter, GramStatistics gram) {
        int n = rows();
        int p = numFeatures;
        if (n == 0) {
            return;
        }
        double[] a = new double[n * p];
        double[] yt = new double[n];
        double[] xSum = gram.xSum();
        double yy = 0;
        double wy = 0;
        double wSum = 0;
        for (int i = 0; i < n; i++) {
            double w = weight(i);
            double sw = Math.sqrt(w);
            int off = i * p;
            for (int j = 0; j < p; j++) {
                double z = (values[off + j] - center[j]) / scale[j];
                xSum[j] += w * z;
                a[off + j] = z * sw;
            }
            double t = labels[i] - yCenter;
            yt[i] = t * sw;
            yy += w * t * t;
            wy += w * t;
            wSum += w;
        }
        gram.addSums(wy, wSum);
        BLAS blas = Blas.get();
        blas.dsyrk("U", "N", p, n, 1.0, a, p, 1.0, gram.gram(), p);
        blas.dgemv("N", p, n, 1.0, a, p, yt, 1, 1.0, gram.xy(), 1);
        gram.addYy(yy);
    }

    @Override
    public void gatherColumns(int[] cols, double[] center, double[] scale, double[] out) {
        int n = rows();
        int p = numFeatures;
        for (int c = 0; c < cols.length; c++) {
            int j = cols[c];
            int off = c * n;
            for (int i = 0; i < n; i++) {
                out[off + i] = (values[i * p + j] - center[j]) / scale[j];
            }
        }
        java.util.Arrays.fill(out, cols.length * n, (cols.length + 1) * n, 1.0);
    }

    @Override
    public Block subset(int[] rows) {
        int p = numFeatures;
        double[] v = new double[rows.length * p];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(values, rows[r] * p, v, r * p, p);
        }
        return new DenseBlock(p, subsetLabels(rows), subsetWeights(rows), null, v);
    }

    @Override
    public Block selectColumns(int[] cols) {
        int n = rows();
        int p = numFeatures;
        int q = cols.length;
        double[] v = new double[n * q];
        for (int i = 0; i < n; i++) {
            int from = i * p;
            int to = i * q;
            for (int c = 0; c < q; c++) {
                v[to + c] = values[from + cols[c]];
            }
        }
        return new DenseBlock(q, labels, weights, folds, v);
    }

    @Override
    public void forEachEntry(EntrySink sink) {
        int p = numFeatures;
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < p; j++) {
                sink.accept(i, j, values[i * p + j]);
            }
        }
    }

    @Override
    public long storedValues() {
        return values.length;
    }
}
