package org.sparklasso.penalty;

/**
 * glmnet's elastic-net penalty {@code λ Σⱼ wⱼ [α|bⱼ| + (1−α)/2 wⱼ bⱼ²]} written in internal
 * coordinates as {@code Σⱼ λα wⱼ|bⱼ| + λ(1−α)/2 wⱼ² bⱼ²}; α = 1 is the lasso. A weight of 0 marks an
 * inactive coordinate (held at 0).
 */
public final class ElasticNet implements SeparablePenalty, PathPenalty<ElasticNet> {
    private final double lambda;
    private final double alpha;
    private final double[] weights;
    private final boolean[] active;

    public ElasticNet(double lambda, double alpha, double[] weights, boolean[] active) {
        this.lambda = lambda;
        this.alpha = alpha;
        this.weights = weights;
        this.active = active;
    }

    @Override
    public double lambda() {
        return lambda;
    }

    public double alpha() {
        return alpha;
    }

    /** The same penalty at another λ. */
    @Override
    public ElasticNet withLambda(double newLambda) {
        return new ElasticNet(newLambda, alpha, weights, active);
    }

    /** The same penalty with every coordinate outside {@code keep} held at zero (screening). */
    @Override
    public ElasticNet restrictedTo(boolean[] keep) {
        boolean[] both = new boolean[active.length];
        for (int j = 0; j < both.length; j++) {
            both[j] = active[j] && keep[j];
        }
        return new ElasticNet(lambda, alpha, weights, both);
    }

    /** The same penalty on the coordinates {@code features} only, renumbered 0..|features|−1. */
    public ElasticNet onFeatures(int[] features) {
        double[] w = new double[features.length];
        boolean[] a = new boolean[features.length];
        for (int i = 0; i < features.length; i++) {
            w[i] = weights[features[i]];
            a[i] = active[features[i]];
        }
        return new ElasticNet(lambda, alpha, w, a);
    }

    public int size() {
        return weights.length;
    }

    @Override
    public int features() {
        return weights.length;
    }

    /** The L1 threshold per unit λ of coordinate j: α·wⱼ. */
    @Override
    public double l1Weight(int j) {
        return alpha * weights[j];
    }

    @Override
    public double featureScore(double[] u, int j) {
        return Math.abs(u[j]);
    }

    @Override
    public boolean isNonzero(double[] coefficients, int j) {
        return coefficients[j] != 0;
    }

    private double l1(int j) {
        return lambda * alpha * weights[j];
    }

    private double l2(int j) {
        return lambda * (1 - alpha) * weights[j] * weights[j];
    }

    @Override
    public boolean isActive(int j) {
        return active[j];
    }

    @Override
    public double value(double[] b) {
        double v = 0;
        for (int j = 0; j < b.length; j++) {
            if (active[j] && b[j] != 0) {
                v += l1(j) * Math.abs(b[j]) + 0.5 * l2(j) * b[j] * b[j];
            }
        }
        return v;
    }

    /** Soft-thresholding: {@code sign(z)·max(|z| − t, 0)}. */
    public static double softThreshold(double z, double t) {
        if (z > t) {
            return z - t;
        }
        if (z < -t) {
            return z + t;
        }
        return 0.0;
    }

    @Override
    public void prox(double[] b, double step) {
        for (int j = 0; j < b.length; j++) {
            b[j] = active[j] ? softThreshold(b[j], step * l1(j)) / (1 + step * l2(j)) : 0.0;
        }
    }

    @Override
    public double coordinateMinimizer(int j, double z, double h) {
        return softThreshold(z, l1(j)) / (h + l2(j));
    }

    @Override
    public double conjugate(double[] u) {
        double v = 0;
        for (int j = 0; j < u.length; j++) {
            if (!active[j]) {
                continue;
            }
            v += conjugateTerm(Math.abs(u[j]) - l1(j), l2(j));
        }
        return v;
    }

    /**
     * One coordinate's (or group's) term of the conjugate: for a score exceeding its L1 threshold
     * by {@code excess}, excess²/(2·l2), or +∞ without an L2 part (the point is infeasible).
     */
    static double conjugateTerm(double excess, double l2) {
        if (excess <= 0) {
            return 0;
        }
        return l2 <= 0 ? Double.POSITIVE_INFINITY : excess * excess / (2 * l2);
    }

    /**
     * A coordinate's KKT residual: |u| − l1 at b = 0 (positive when violated), else
     * |u − l2·b − l1·sign(b)|.
     */
    static double coordinateKktViolation(double b, double u, double l1, double l2) {
        return b == 0 ? Math.abs(u) - l1 : Math.abs(u - l2 * b - l1 * Math.signum(b));
    }

    @Override
    public double feasibleScale(double[] u) {
        if (alpha < 1) {
            return 1.0;
        }
        double s = 1.0;
        for (int j = 0; j < u.length; j++) {
            if (active[j] && Math.abs(u[j]) > l1(j)) {
                s = Math.min(s, l1(j) / Math.abs(u[j]));
            }
        }
        return s;
    }

    @Override
    public double lambdaMax(double[] c) {
        double m = 0;
        for (int j = 0; j < c.length; j++) {
            if (active[j] && weights[j] > 0) {
                m = Math.max(m, Math.abs(c[j]) / (alpha * weights[j]));
            }
        }
        return m;
    }

    @Override
    public double kktViolation(double[] b, double[] u) {
        double worst = 0;
        for (int j = 0; j < b.length; j++) {
            if (!active[j]) {
                continue;
            }
            worst = Math.max(worst, coordinateKktViolation(b[j], u[j], l1(j), l2(j)));
        }
        return worst;
    }
}
