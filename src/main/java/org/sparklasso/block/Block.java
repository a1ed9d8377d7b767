package org.sparklasso.block;

import org.sparklasso.kernel.FeatureMoments;
import org.sparklasso.kernel.GramStatistics;

import java.io.Serializable;

/**
 * A contiguous group of rows as held in Spark's cache: labels, optional weights and a feature
 * matrix (dense row-major or CSR). The kernels here are the only per-row work executors do; each
 * works on the whole block at once (BLAS level 2/3 for dense blocks).
 *
 * <p>Matrices exchanged with the kernels are column-major: {@code V} is p×k (k coefficient
 * vectors), {@code M} and {@code R} are rows×k.
 */
public abstract class Block implements Serializable {
    private static final long serialVersionUID = 1L;

    protected final int numFeatures;
    protected final double[] labels;
    /** Observation weights, or null when every weight is 1. */
    protected final double[] weights;
    /** Cross-validation fold of each row (0-based), or null without cross-validation. */
    protected final int[] folds;
    /** {@link #foldRanges()}, computed once per block (every pass asks, per point): a scan of the folds. */
    private transient volatile int[] foldRanges;
    /** {@link #foldRanges}' "no ranges" (no folds, or rows not sorted by fold). */
    private static final int[] UNSORTED = new int[0];
    /** Set on the last block of each input partition: what the loader saw there. */
    private PartitionAudit audit;

    protected Block(int numFeatures, double[] labels, double[] weights, int[] folds) {
        this.numFeatures = numFeatures;
        this.labels = labels;
        this.weights = weights;
        this.folds = folds;
    }

    public int rows() {
        return labels.length;
    }

    public int numFeatures() {
        return numFeatures;
    }

    public double label(int i) {
        return labels[i];
    }

    public double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    /** The labels (the block's own array, not a copy: read only; for row kernels). */
    public double[] labels() {
        return labels;
    }

    /** The weights, or null when every weight is 1 (the block's own array: read only). */
    public double[] weightsOrNull() {
        return weights;
    }

    /** The row's fold (0-based); 0 without cross-validation. */
    public int fold(int i) {
        return folds == null ? 0 : folds[i];
    }

    /**
     * Where each fold's rows lie when the rows are sorted by fold, as {@code BlockBuilder} packs
     * them: fold f holds rows {@code ranges[f]} to {@code ranges[f+1]−1}, for f = 0..max fold.
     * Null without folds or when the rows are not sorted. Shared: callers must not modify it.
     */
    public int[] foldRanges() {
        int[] known = foldRanges;
        if (known == null) {
            known = sortedFoldStarts();
            foldRanges = known;
        }
        return known == UNSORTED ? null : known;
    }

    /** The fold starts when the rows are sorted by fold, else {@link #UNSORTED}. */
    private int[] sortedFoldStarts() {
        if (folds == null) {
            return UNSORTED;
        }
        for (int i = 1; i < rows(); i++) {
            if (folds[i] < folds[i - 1]) {
                return UNSORTED;
            }
        }
        return foldStarts(folds, rows());
    }

    /**
     * Where each fold's rows would start if the first {@code count} rows were sorted by fold:
     * {@code starts[f]} for f = 0..max fold, and {@code starts[max+1] = count} (a counting sort's
     * prefix sums).
     */
    public static int[] foldStarts(int[] folds, int count) {
        int maxFold = 0;
        for (int i = 0; i < count; i++) {
            maxFold = Math.max(maxFold, folds[i]);
        }
        int[] starts = new int[maxFold + 2];
        for (int i = 0; i < count; i++) {
            starts[folds[i] + 1]++;
        }
        for (int f = 0; f <= maxFold; f++) {
            starts[f + 1] += starts[f];
        }
        return starts;
    }

    /** Row indices of each fold 0..numFolds-1 (all rows in fold 0 without cross-validation). */
    public int[][] rowsByFold(int numFolds) {
        int[] counts = new int[numFolds];
        for (int i = 0; i < rows(); i++) {
            counts[fold(i)]++;
        }
        int[][] out = new int[numFolds][];
        for (int k = 0; k < numFolds; k++) {
            out[k] = new int[counts[k]];
            counts[k] = 0;
        }
        for (int i = 0; i < rows(); i++) {
            int k = fold(i);
            out[k][counts[k]++] = i;
        }
        return out;
    }

    /**
     * The same rows (sharing weights and features) with labels and folds rewritten, as the loader
     * finishes them once it has seen every partition: each label {@code c} becomes
     * {@code classOfCode[c]} (a partition's own label codes to the input's class indices; null keeps
     * the labels), and each fold index moves by {@code foldShift} (1-based fold ids from a fold
     * column to the 0-based folds the passes use).
     */
    public final Block relabeled(double[] classOfCode, int foldShift) {
        double[] y = labels;
        if (classOfCode != null) {
            y = new double[labels.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = classOfCode[(int) labels[i]];
            }
        }
        int[] f = folds;
        if (folds != null && foldShift != 0) {
            f = new int[folds.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = folds[i] + foldShift;
            }
        }
        return y == labels && f == folds ? this : with(y, f);
    }

    /**
     * The same rows as a block of {@code p} features (p at least this block's): for rows packed
     * before the input's feature count was known (LIBSVM lines, whose highest index is known only
     * once every partition is read). Here: an empty block takes any p; the others decide in their
     * own class.
     */
    public Block withNumFeatures(int p) {
        if (p == numFeatures) {
            return this;
        }
        if (rows() == 0) {
            return new DenseBlock(p, labels, weights, folds, new double[0]);
        }
        throw new IllegalStateException("a dense block of " + numFeatures + " features cannot take " + p);
    }

    /** The same rows (features and weights shared) carrying {@code newLabels} and {@code newFolds}. */
    protected abstract Block with(double[] newLabels, int[] newFolds);

    /** A block of the given rows (a copy), folds dropped. */
    public abstract Block subset(int[] rows);

    protected double[] subsetLabels(int[] rows) {
        double[] y = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            y[r] = labels[rows[r]];
        }
        return y;
    }

    protected double[] subsetWeights(int[] rows) {
        if (weights == null) {
            return null;
        }
        double[] w = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            w[r] = weights[rows[r]];
        }
        return w;
    }

    public PartitionAudit audit() {
        return audit;
    }

    public void setAudit(PartitionAudit audit) {
        this.audit = audit;
    }

    /** {@code M (rows×k) = X V} for V p×k. */
    public abstract void multiply(double[] v, int k, double[] m);

    /** {@code G (p×k) += Xᵀ R} for R rows×k. */
    public abstract void addTransposeProduct(double[] r, int k, double[] g);

    /** Adds this block's weighted column moments to {@code stats}. */
    public abstract void addMoments(FeatureMoments stats);

    /**
     * Adds this block's centered, scaled coordinate statistics:
     * {@code Σ w x̃ x̃ᵀ}, {@code Σ w x̃ ỹ}, {@code Σ w ỹ²} with {@code x̃ = (x − center) / scale} and
     * {@code ỹ = y − yCenter}.
     */
    public abstract void addGram(double[] center, double[] scale, double yCenter, GramStatistics gram);

    /**
     * Writes the columns {@code cols} (strictly increasing) of rows {@code start..start+count−1}, each shifted by its own
     * center, as a count×(|cols|+1) column-major matrix whose last column is all ones:
     * {@code out[i + c·count] = x_{start+i,cols[c]} − shift[c]}.
     */
    public abstract void gatherColumns(int[] cols, double[] shift, int start, int count, double[] out);

    /**
     * A block of the same rows (labels, weights and folds kept) holding only the features
     * {@code cols} (strictly increasing), renumbered 0..|cols|−1: what a working-set solver's
     * restricted statistics are computed from.
     */
    public abstract Block selectColumns(int[] cols);

    /** Receives stored entries: row (within the block), feature, value. */
    @FunctionalInterface
    public interface EntrySink {
        void accept(int row, int feature, double value);
    }

    /** Visits every stored entry, row by row (every entry of a dense block, zeros included). */
    public abstract void forEachEntry(EntrySink sink);

    /** {@code Σⱼ x_ij v[offset + j]}: one row's margin (a stochastic step's kernel). */
    public abstract double rowDot(int i, double[] v, int offset);

    /** {@code g[offset + j] += a · x_ij} for every stored entry of row i. */
    public abstract void addRow(int i, double a, double[] g, int offset);

    /** Number of stored feature values (rows×p for dense blocks). */
    public abstract long storedValues();
}
