package org.sparklasso.block;

import org.sparklasso.kernel.FeatureMoments;
import org.sparklasso.kernel.GramStatistics;

/**
 * Rows in compressed sparse row (CSR) form: row i's entries are {@code colIdx/vals[rowPtr[i] ..
 * rowPtr[i+1])}. Centering is never materialized: callers pass shifts instead (see the solvers).
 */
public final class SparseBlock extends Block {
    private static final long serialVersionUID = 1L;

    /** A block of vector rows is stored dense when at least this fraction of its values are stored entries. */
    public static final double DENSE_FILL = 0.25;

    private final int[] rowPtr;
    private final int[] colIdx;
    private final double[] vals;

    public SparseBlock(int numFeatures, double[] labels, double[] weights, int[] folds, int[] rowPtr,
                       int[] colIdx, double[] vals) {
        super(numFeatures, labels, weights, folds);
        if (rowPtr.length != labels.length + 1 || colIdx.length != vals.length
                || rowPtr[labels.length] != vals.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.vals = vals;
    }

    @Override
    protected Block with(double[] newLabels, int[] newFolds) {
        return new SparseBlock(numFeatures, newLabels, weights, newFolds, rowPtr, colIdx, vals);
    }

    /**
     * The rows of CSR buffers ({@code rowPtr} of at least labels.length + 1 entries, the entries up
     * to {@code rowPtr[labels.length]}) as a block of {@code p} features: a {@link DenseBlock}
     * (row-major) when at least {@link #DENSE_FILL} of its values are stored, else a sparse block
     * (on copies cut to size, or the buffers themselves when they are that size).
     */
    public static Block sized(int p, double[] labels, double[] weights, int[] folds, int[] rowPtr, int[] colIdx,
                              double[] vals) {
        int count = labels.length;
        int nnz = rowPtr[count];
        if (storedDense(nnz, count, p)) {
            double[] values = new double[count * p];
            for (int i = 0; i < count; i++) {
                for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
                    values[i * p + colIdx[e]] = vals[e];
                }
            }
            return new DenseBlock(p, labels, weights, folds, values);
        }
        return new SparseBlock(p, labels, weights, folds,
                rowPtr.length == count + 1 ? rowPtr : java.util.Arrays.copyOf(rowPtr, count + 1),
                colIdx.length == nnz ? colIdx : java.util.Arrays.copyOf(colIdx, nnz),
                vals.length == nnz ? vals : java.util.Arrays.copyOf(vals, nnz));
    }

    /** Whether {@code stored} entries of {@code rows} rows of {@code p} features fill {@link #DENSE_FILL} of them. */
    private static boolean storedDense(long stored, int rows, int p) {
        return (double) stored / ((double) rows * Math.max(1, p)) >= DENSE_FILL;
    }

    /** Stored dense or sparse as {@link #sized} decides for {@code p} features (p at least this block's). */
    @Override
    public Block withNumFeatures(int p) {
        return p == numFeatures && !storedDense(vals.length, rows(), p) ? this
                : sized(p, labels, weights, folds, rowPtr, colIdx, vals);
    }

    @Override
    public void multiply(double[] v, int k, double[] m) {
        int n = rows();
        int p = numFeatures;
        for (int q = 0; q < k; q++) {
            int vOff = q * p;
            int mOff = q * n;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
                    s += vals[e] * v[vOff + colIdx[e]];
                }
                m[mOff + i] = s;
            }
        }
    }

    @Override
    public void addTransposeProduct(double[] r, int k, double[] g) {
        int n = rows();
        int p = numFeatures;
        for (int q = 0; q < k; q++) {
            int gOff = q * p;
            int rOff = q * n;
            for (int i = 0; i < n; i++) {
                double ri = r[rOff + i];
                if (ri == 0) {
                    continue;
                }
                for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
                    g[gOff + colIdx[e]] += vals[e] * ri;
                }
            }
        }
    }

    @Override
    public void addMoments(FeatureMoments stats) {
        int n = rows();
        int p = numFeatures;
        double wSum = 0;
        double yMean = 0;
        double[] mean = new double[p];
        double[] nzWeight = new double[p];
        for (int i = 0; i < n; i++) {
            double w = weight(i);
            wSum += w;
            yMean += w * labels[i];
            for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
                mean[colIdx[e]] += w * vals[e];
                nzWeight[colIdx[e]] += w;
            }
        }
        if (wSum > 0) {
            for (int j = 0; j < p; j++) {
                mean[j] /= wSum;
            }
            yMean /= wSum;
        }
        double yM2 = 0;
        double[] m2 = new double[p];
        for (int i = 0; i < n; i++) {
            double w = weight(i);
            double dy = labels[i] - yMean;
            yM2 += w * dy * dy;
            for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
                double d = vals[e] - mean[colIdx[e]];
                m2[colIdx[e]] += w * d * d;
            }
        }
        // rows where feature j is an implicit zero contribute w·mean²
        for (int j = 0; j < p; j++) {
            m2[j] += (wSum - nzWeight[j]) * mean[j] * mean[j];
        }
        stats.merge(n, wSum, mean, m2, yMean, yM2);
    }

    @Override
    public void addGram(double[] center, double[] scale, double yCenter, GramStatistics gram) {
        // Σ w (x−c)(x−c)ᵀ = Σ w x xᵀ − s cᵀ − c sᵀ + W c cᵀ with s = Σ w x, W = Σ w;
        // Σ w (x−c)(y−yc) = Σ w x ỹ − c Σ w ỹ. Done on raw sums, then scaled.
        int n = rows();
        int p = numFeatures;
        if (n == 0) {
            return;
        }
        double[] g = gram.gram();
        double[] xy = gram.xy();
        double[] s = new double[p];
        double[] sxy = new double[p];
        double wSum = 0;
        double wy = 0;
        double yy = 0;
        for (int i = 0; i < n; i++) {
            double w = weight(i);
            double yt = labels[i] - yCenter;
            wSum += w;
            wy += w * yt;
            yy += w * yt * yt;
            int start = rowPtr[i];
            int end = rowPtr[i + 1];
            for (int e = start; e < end; e++) {
                int j = colIdx[e];
                double wx = w * vals[e];
                s[j] += wx;
                sxy[j] += wx * yt;
                for (int f = start; f < end; f++) {
                    int l = colIdx[f];
                    if (l >= j) {
                        g[j + l * p] += wx * vals[f] / (scale[j] * scale[l]);
                    }
                }
            }
        }
        for (int l = 0; l < p; l++) {
            for (int j = 0; j <= l; j++) {
                double corr = -s[j] * center[l] - center[j] * s[l] + wSum * center[j] * center[l];
                g[j + l * p] += corr / (scale[j] * scale[l]);
            }
            xy[l] += (sxy[l] - center[l] * wy) / scale[l];
        }
        double[] xSum = gram.xSum();
        for (int j = 0; j < p; j++) {
            xSum[j] += (s[j] - wSum * center[j]) / scale[j];
        }
        gram.addYy(yy);
        gram.addSums(wy, wSum);
    }

    @Override
    public void gatherColumns(int[] cols, double[] shift, int start, int count, double[] out) {
        int n = count;
        for (int c = 0; c < cols.length; c++) {
            java.util.Arrays.fill(out, c * n, (c + 1) * n, -shift[c]);
        }
        // a binary search per stored entry: no O(p) lookup table per call (calls come per chunk)
        for (int i = 0; i < n; i++) {
            for (int e = rowPtr[start + i]; e < rowPtr[start + i + 1]; e++) {
                int c = java.util.Arrays.binarySearch(cols, colIdx[e]);
                if (c >= 0) {
                    out[c * n + i] += vals[e];
                }
            }
        }
        java.util.Arrays.fill(out, cols.length * n, (cols.length + 1) * n, 1.0);
    }

    @Override
    public Block subset(int[] rows) {
        int nnz = 0;
        for (int r : rows) {
            nnz += rowPtr[r + 1] - rowPtr[r];
        }
        int[] ptr = new int[rows.length + 1];
        int[] idx = new int[nnz];
        double[] v = new double[nnz];
        int e = 0;
        for (int r = 0; r < rows.length; r++) {
            int len = rowPtr[rows[r] + 1] - rowPtr[rows[r]];
            System.arraycopy(colIdx, rowPtr[rows[r]], idx, e, len);
            System.arraycopy(vals, rowPtr[rows[r]], v, e, len);
            e += len;
            ptr[r + 1] = e;
        }
        return new SparseBlock(numFeatures, subsetLabels(rows), subsetWeights(rows), null, ptr, idx, v);
    }

    @Override
    public Block selectColumns(int[] cols) {
        int[] position = new int[numFeatures];
        java.util.Arrays.fill(position, -1);
        for (int c = 0; c < cols.length; c++) {
            position[cols[c]] = c;
        }
        int n = rows();
        int kept = 0;
        for (int e = 0; e < colIdx.length; e++) {
            kept += position[colIdx[e]] >= 0 ? 1 : 0;
        }
        int[] ptr = new int[n + 1];
        int[] idx = new int[kept];
        double[] v = new double[kept];
        int out = 0;
        for (int i = 0; i < n; i++) {
            // columns stay increasing within a row: positions are increasing in the column index
            for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
                int c = position[colIdx[e]];
                if (c >= 0) {
                    idx[out] = c;
                    v[out++] = vals[e];
                }
            }
            ptr[i + 1] = out;
        }
        return new SparseBlock(cols.length, labels, weights, folds, ptr, idx, v);
    }

    @Override
    public void forEachEntry(EntrySink sink) {
        for (int i = 0; i < rows(); i++) {
            for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
                sink.accept(i, colIdx[e], vals[e]);
            }
        }
    }

    @Override
    public double rowDot(int i, double[] v, int offset) {
        double sum = 0;
        for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
            sum += vals[e] * v[offset + colIdx[e]];
        }
        return sum;
    }

    @Override
    public void addRow(int i, double a, double[] g, int offset) {
        for (int e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
            g[offset + colIdx[e]] += a * vals[e];
        }
    }

    @Override
    public long storedValues() {
        return vals.length;
    }
}
