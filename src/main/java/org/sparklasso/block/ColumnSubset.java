package org.sparklasso.block;

import java.util.List;

/**
 * A few feature columns of every row, gathered on the driver in compressed sparse column form
 * (column j's entries are {@code rowIdx/vals[colPtr[j] .. colPtr[j+1])}, rows numbered across the
 * blocks in order), with every row's label, weight and fold: the data of a working set, small
 * when the data are sparse.
 */
public final class ColumnSubset {
    private final int rows;
    private final int[] colPtr;
    private final int[] rowIdx;
    private final double[] vals;
    private final double[] labels;
    private final double[] weights;
    private final int[] folds;

    private ColumnSubset(int rows, int[] colPtr, int[] rowIdx, double[] vals, double[] labels, double[] weights,
                         int[] folds) {
        this.rows = rows;
        this.colPtr = colPtr;
        this.rowIdx = rowIdx;
        this.vals = vals;
        this.labels = labels;
        this.weights = weights;
        this.folds = folds;
    }

    /** Builds the columns from blocks that hold only them ({@link Block#selectColumns}), in row order. */
    public static ColumnSubset of(List<Block> blocks, int numColumns) {
        int n = 0;
        int[] counts = new int[numColumns + 1];
        for (Block b : blocks) {
            n += b.rows();
            b.forEachEntry((row, col, value) -> counts[col + 1]++);
        }
        int[] colPtr = new int[numColumns + 1];
        for (int j = 0; j < numColumns; j++) {
            colPtr[j + 1] = colPtr[j] + counts[j + 1];
        }
        int[] next = colPtr.clone();
        int[] rowIdx = new int[colPtr[numColumns]];
        double[] vals = new double[colPtr[numColumns]];
        double[] labels = new double[n];
        double[] weights = new double[n];
        int[] folds = new int[n];
        int offset = 0;
        for (Block b : blocks) {
            int base = offset;
            b.forEachEntry((row, col, value) -> {
                int e = next[col]++;
                rowIdx[e] = base + row;
                vals[e] = value;
            });
            for (int i = 0; i < b.rows(); i++) {
                labels[base + i] = b.label(i);
                weights[base + i] = b.weight(i);
                folds[base + i] = b.fold(i);
            }
            offset += b.rows();
        }
        return new ColumnSubset(n, colPtr, rowIdx, vals, labels, weights, folds);
    }

    public int rows() {
        return rows;
    }

    public int numColumns() {
        return colPtr.length - 1;
    }

    public int start(int column) {
        return colPtr[column];
    }

    public int end(int column) {
        return colPtr[column + 1];
    }

    public int row(int entry) {
        return rowIdx[entry];
    }

    public double value(int entry) {
        return vals[entry];
    }

    public double label(int row) {
        return labels[row];
    }

    public double weight(int row) {
        return weights[row];
    }

    public int fold(int row) {
        return folds[row];
    }
}
