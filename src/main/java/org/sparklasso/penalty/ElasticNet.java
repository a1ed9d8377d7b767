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
            double excess = Math.abs(u[j]) - l1(j);
            if (excess <= 0) {
                continue;
            }
            double q = l2(j);
            if (q <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            v += excess * excess / (2 * q);
        }
        return v;
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
            double v = b[j] == 0 ? Math.max(0, Math.abs(u[j]) - l1(j))
                    : Math.abs(u[j] - l2(j) * b[j] - l1(j) * Math.signum(b[j]));
            worst = Math.max(worst, v);
        }
        return worst;
    }
}
