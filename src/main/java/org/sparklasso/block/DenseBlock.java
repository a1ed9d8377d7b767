package org.sparklasso.block;

import org.sparklasso.kernel.Blas;
import org.sparklasso.kernel.DenseGram;
import org.sparklasso.kernel.DenseMoments;
import org.sparklasso.kernel.FeatureMoments;
import org.sparklasso.kernel.GramStatistics;
import org.sparklasso.kernel.RowMajorProducts;
import org.sparklasso.kernel.VectorKernels;

/**
 * Rows stored row-major in one {@code double[]}: as a column-major matrix this is Xᵀ (p×rows,
 * leading dimension p), so the products are BLAS calls, except {@code Xᵀ R} for several columns,
 * which the Vector API's outer-product kernel does when it runs ({@link RowMajorProducts}: netlib's
 * dgemm copied the block transposed first).
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
    protected Block with(double[] newLabels, int[] newFolds) {
        return new DenseBlock(numFeatures, newLabels, weights, newFolds, values);
    }

    /**
     * This block's rows as {@code p} features (p at least this block's): the rows of a block packed
     * dense while the input's width was not known ({@link SparseBlock#sized} decides again, on its
     * nonzero values, as the packing would have with p).
     */
    @Override
    public Block withNumFeatures(int p) {
        if (p == numFeatures || rows() == 0) {
            return super.withNumFeatures(p);
        }
        int n = rows();
        int q = numFeatures;
        int[] rowPtr = new int[n + 1];
        int nnz = 0;
        for (double v : values) {
            nnz += v != 0 ? 1 : 0;
        }
        int[] colIdx = new int[nnz];
        double[] vals = new double[nnz];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < q; j++) {
                double v = values[i * q + j];
                if (v != 0) {
                    colIdx[e] = j;
                    vals[e++] = v;
                }
            }
            rowPtr[i + 1] = e;
        }
        return SparseBlock.sized(p, labels, weights, folds, rowPtr, colIdx, vals);
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
        } else if (VectorKernels.enabled()) {
            RowMajorProducts.addTransposeProduct(values, p, n, r, k, g);
        } else {
            Blas.get().dgemm("N", "N", p, k, n, 1.0, values, p, r, n, 1.0, g, p);
        }
    }

    /** One read of the block: shifted sums per row chunk, merged with Chan's update ({@link DenseMoments}). */
    @Override
    public void addMoments(FeatureMoments stats) {
        DenseMoments.add(values, numFeatures, labels, weights, stats);
    }

    /** Centered, scaled rows and label a cache-sized chunk at a time, one rank-k update each ({@link DenseGram}). */
    @Override
    public void addGram(double[] center, double[] scale, double yCenter, GramStatistics gram) {
        DenseGram.add(values, numFeatures, labels, weights, center, scale, yCenter, gram);
    }

    /** {@link #addGram} with an explicit number of rows per chunk (kernel benchmark). */
    public void addGram(double[] center, double[] scale, double yCenter, GramStatistics gram, int chunkRows) {
        DenseGram.add(values, numFeatures, labels, weights, center, scale, yCenter, gram, chunkRows);
    }

    /** Rows per group of {@link #gatherColumns}: each column's run of them is one 64-byte cache line. */
    private static final int GATHER_ROWS = 8;

    /**
     * A blocked transpose: for each group of {@value #GATHER_ROWS} rows, column by column, so that
     * every write fills a whole cache line of {@code out} (writing row by row touched one line per
     * column per row, and the chunk outgrew L1) while the group's rows stay in L1 for the reads.
     * Not on the Vector API: its gather load ({@code DoubleVector.fromArray} with an index map) was
     * not reliably intrinsified by JDK 17's C2 inside Spark's tasks, and the per-lane fallback it ran
     * took a third of the executors' time of a binomial path + CV (JFR, commit e65dab8).
     */
    @Override
    public void gatherColumns(int[] cols, double[] shift, int start, int count, double[] out) {
        int n = count;
        int p = numFeatures;
        int m = cols.length;
        int full = n - n % GATHER_ROWS;
        for (int i0 = 0; i0 < full; i0 += GATHER_ROWS) {
            int row = (start + i0) * p;
            for (int c = 0; c < m; c++) {
                int at = row + cols[c];
                double s = shift[c];
                int o = c * n + i0;
                out[o] = values[at] - s;
                out[o + 1] = values[at + p] - s;
                out[o + 2] = values[at + 2 * p] - s;
                out[o + 3] = values[at + 3 * p] - s;
                out[o + 4] = values[at + 4 * p] - s;
                out[o + 5] = values[at + 5 * p] - s;
                out[o + 6] = values[at + 6 * p] - s;
                out[o + 7] = values[at + 7 * p] - s;
            }
        }
        for (int i = full; i < n; i++) {
            int row = (start + i) * p;
            for (int c = 0; c < m; c++) {
                out[c * n + i] = values[row + cols[c]] - shift[c];
            }
        }
        java.util.Arrays.fill(out, m * n, (m + 1) * n, 1.0);
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

    /** The row-major values (not a copy; for the kernel benchmarks in this package). */
    public double[] values() {
        return values;
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
    public double rowDot(int i, double[] v, int offset) {
        int p = numFeatures;
        int row = i * p;
        double sum = 0;
        for (int j = 0; j < p; j++) {
            sum += values[row + j] * v[offset + j];
        }
        return sum;
    }

    @Override
    public void addRow(int i, double a, double[] g, int offset) {
        int p = numFeatures;
        int row = i * p;
        for (int j = 0; j < p; j++) {
            g[offset + j] += a * values[row + j];
        }
    }

    @Override
    public long storedValues() {
        return values.length;
    }
}
