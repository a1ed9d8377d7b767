package org.sparklasso.kernel;

import java.io.Serializable;

/**
 * Weighted means and centered second moments of every feature and of the label, accumulated
 * block by block and merged with Chan et al.'s pairwise update (Chan, Golub, LeVeque 1983), which
 * stays accurate when means are large relative to spreads. One {@code treeAggregate} fills it.
 */
public final class FeatureMoments implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int p;
    private long rows;
    private double weightSum;
    private double[] mean;
    private double[] m2;
    private double yMean;
    private double yM2;

    public FeatureMoments(int p) {
        this.p = p;
    }

    /** Merges a group of {@code count} rows with total weight {@code w}, given its own moments. */
    public void merge(long count, double w, double[] groupMean, double[] groupM2, double groupYMean,
                      double groupYM2) {
        if (count == 0) {
            return;
        }
        if (mean == null) {
            mean = new double[p];
            m2 = new double[p];
        }
        rows += count;
        double total = weightSum + w;
        if (total == 0) {
            return;
        }
        double fa = weightSum * w / total;
        double fb = w / total;
        for (int j = 0; j < p; j++) {
            double delta = groupMean[j] - mean[j];
            mean[j] += delta * fb;
            m2[j] += groupM2[j] + delta * delta * fa;
        }
        double dy = groupYMean - yMean;
        yMean += dy * fb;
        yM2 += groupYM2 + dy * dy * fa;
        weightSum = total;
    }

    /** Combines two partial results (the {@code combOp} of the aggregate). */
    public FeatureMoments merge(FeatureMoments other) {
        if (other.mean != null) {
            merge(other.rows, other.weightSum, other.mean, other.m2, other.yMean, other.yM2);
        }
        return this;
    }

    public int numFeatures() {
        return p;
    }

    public long rows() {
        return rows;
    }

    public double weightSum() {
        return weightSum;
    }

    /** Weighted means; all zeros before any row is merged. */
    public double[] mean() {
        return mean == null ? new double[p] : mean.clone();
    }

    /** Weighted population variances Σw(x−m)²/Σw. */
    public double[] variance() {
        double[] v = new double[p];
        if (m2 != null && weightSum > 0) {
            for (int j = 0; j < p; j++) {
                v[j] = Math.max(0, m2[j] / weightSum);
            }
        }
        return v;
    }

    public double labelMean() {
        return yMean;
    }

    public double labelVariance() {
        return weightSum > 0 ? Math.max(0, yM2 / weightSum) : 0;
    }
}
