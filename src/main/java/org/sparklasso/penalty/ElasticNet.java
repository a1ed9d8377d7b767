package org.sparklasso.penalty;

/**
 * glmnet's elastic-net penalty {@code λ Σⱼ wⱼ [α|bⱼ| + (1−α)/2 wⱼ bⱼ²]} written in internal
 * coordinates as {@code Σⱼ λα wⱼ|bⱼ| + λ(1−α)/2 wⱼ² bⱼ²}; α = 1 is the lasso. One coefficient per
 * feature (the gaussian family). An inactive coordinate (a constant feature, weight 0) is held at 0.
 */
public final class ElasticNet implements SeparablePenalty, DualPenalty, PathPenalty<ElasticNet> {
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

    @Override
    public ElasticNet withLambda(double newLambda) {
        return new ElasticNet(newLambda, alpha, weights, active);
    }

    @Override
    public ElasticNet restrictedTo(boolean[] keep) {
        boolean[] both = new boolean[active.length];
        for (int j = 0; j < both.length; j++) {
            both[j] = active[j] && keep[j];
        }
        return new ElasticNet(lambda, alpha, weights, both);
    }

    @Override
    public ElasticNet onFeatures(int[] features) {
        double[] w = new double[features.length];
        boolean[] a = new boolean[features.length];
        for (int i = 0; i < features.length; i++) {
            w[i] = weights[features[i]];
            a[i] = active[features[i]];
        }
        return new ElasticNet(lambda, alpha, w, a);
    }

    @Override
    public int features() {
        return weights.length;
    }

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

    /** The lasso's soft-thresholding, {@link Prox#softThreshold} (the worked examples call it by this name). */
    public static double softThreshold(double z, double t) {
        return Prox.softThreshold(z, t);
    }

    @Override
    public void prox(double[] b, double step) {
        for (int j = 0; j < b.length; j++) {
            b[j] = active[j] ? Prox.elasticNet(b[j], step, l1(j), l2(j)) : 0.0;
        }
    }

    @Override
    public double coordinateMinimizer(int j, double z, double h) {
        return Prox.coordinate(z, h, l1(j), l2(j));
    }

    @Override
    public double conjugate(double[] u) {
        double v = 0;
        for (int j = 0; j < u.length; j++) {
            if (!active[j]) {
                continue;
            }
            v += Prox.conjugateTerm(Math.abs(u[j]) - l1(j), l2(j));
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
    public double subdiffDistance(int j, double[] b, double[] u) {
        return active[j] ? Math.max(0, Prox.coordinateKktViolation(b[j], u[j], l1(j), l2(j))) : 0;
    }

    @Override
    public double kktViolation(double[] b, double[] u) {
        double worst = 0;
        for (int j = 0; j < b.length; j++) {
            worst = Math.max(worst, subdiffDistance(j, b, u));
        }
        return worst;
    }
}
