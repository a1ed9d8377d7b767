package org.sparklasso.kernel;

import java.io.Serializable;

/**
 * Unnormalized coordinate statistics of a quadratic loss over a group of rows (one fold, or all):
 * {@code Σ w x̃ x̃ᵀ} (upper triangle, column-major p×p), {@code Σ w x̃ ỹ}, {@code Σ w ỹ²},
 * {@code Σ w x̃}, {@code Σ w ỹ} and {@code Σ w}. Arrays are allocated on first use so the zero
 * value Spark ships to every task stays tiny.
 */
public final class GramStatistics implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int p;
    private double[] gram;
    private double[] xy;
    private double yy;
    private double[] xSum;
    private double ySum;
    private double weightSum;

    public GramStatistics(int p) {
        this.p = p;
    }

    public int numFeatures() {
        return p;
    }

    public double[] gram() {
        if (gram == null) {
            gram = new double[p * p];
        }
        return gram;
    }

    public double[] xy() {
        if (xy == null) {
            xy = new double[p];
        }
        return xy;
    }

    public double yy() {
        return yy;
    }

    public void addYy(double value) {
        yy += value;
    }

    public double[] xSum() {
        if (xSum == null) {
            xSum = new double[p];
        }
        return xSum;
    }

    public double ySum() {
        return ySum;
    }

    public double weightSum() {
        return weightSum;
    }

    /** Adds Σ w ỹ and Σ w of a block. */
    public void addSums(double wy, double w) {
        ySum += wy;
        weightSum += w;
    }

    /** Combines two partial results. */
    public GramStatistics merge(GramStatistics other) {
        if (other.gram != null) {
            double[] g = gram();
            for (int i = 0; i < g.length; i++) {
                g[i] += other.gram[i];
            }
        }
        if (other.xy != null) {
            double[] v = xy();
            for (int j = 0; j < p; j++) {
                v[j] += other.xy[j];
            }
        }
        if (other.xSum != null) {
            double[] v = xSum();
            for (int j = 0; j < p; j++) {
                v[j] += other.xSum[j];
            }
        }
        yy += other.yy;
        ySum += other.ySum;
        weightSum += other.weightSum;
        return this;
    }
}
