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

    public DenseBlock(int numFeatures, double[] labels, double[] weights, double[] values) {
        super(numFeatures, labels, weights);
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
        double yy = 0;
        for (int i = 0; i < n; i++) {
            double sw = Math.sqrt(weight(i));
            int off = i * p;
            for (int j = 0; j < p; j++) {
                a[off + j] = (values[off + j] - center[j]) / scale[j] * sw;
            }
            yt[i] = (labels[i] - yCenter) * sw;
            yy += yt[i] * yt[i];
        }
        BLAS blas = Blas.get();
        blas.dsyrk("U", "N", p, n, 1.0, a, p, 1.0, gram.gram(), p);
        blas.dgemv("N", p, n, 1.0, a, p, yt, 1, 1.0, gram.xy(), 1);
        gram.addYy(yy);
    }

    @Override
    public long storedValues() {
        return values.length;
    }
}
