package org.sparklasso.penalty;

/**
 * glmnet's elastic-net penalty {@code λ Σⱼ vⱼ wⱼ [α|bⱼ| + (1−α)/2 wⱼ bⱼ²]} written in internal
 * coordinates as {@code Σⱼ λα vⱼ wⱼ|bⱼ| + λ(1−α)/2 vⱼ wⱼ² bⱼ²}, with optional bounds
 * {@code loⱼ ≤ bⱼ ≤ hiⱼ} (glmnet's lower.limits and upper.limits; lo ≤ 0 ≤ hi); α = 1 is the
 * lasso, {@code lo = 0} the non-negative lasso. wⱼ carries the standardization, vⱼ the user's
 * penalty factor (0: unpenalized). One coefficient per feature (the gaussian family). An inactive
 * coordinate (a constant or left-out feature) is held at 0. With bounds, every update clips: the
 * exact minimizer of a convex one-dimensional problem on an interval is the clipped free minimizer.
 */
public final class ElasticNet implements SeparablePenalty, DualPenalty, PathPenalty<ElasticNet>, SubgradientPenalty {
    private final double lambda;
    private final double alpha;
    private final double[] weights;
    private final double[] factors;
    private final double[] lower;
    private final double[] upper;
    private final boolean bounded;
    private final boolean[] active;
    private final double unpenalizedRadius;

    /** Every factor 1, no bounds. */
    public ElasticNet(double lambda, double alpha, double[] weights, boolean[] active) {
        this(lambda, alpha, weights, FeatureArrays.filled(weights.length, 1),
                FeatureArrays.filled(weights.length, Double.NEGATIVE_INFINITY),
                FeatureArrays.filled(weights.length, Double.POSITIVE_INFINITY), active);
    }

    /**
     * @param factors penalty factors vⱼ ≥ 0 (finite)
     * @param lower   lower bounds of the internal coefficients (≤ 0, may be −∞)
     * @param upper   upper bounds of the internal coefficients (≥ 0, may be +∞)
     */
    public ElasticNet(double lambda, double alpha, double[] weights, double[] factors, double[] lower,
                      double[] upper, boolean[] active) {
        this(lambda, alpha, weights, factors, lower, upper, active, Double.POSITIVE_INFINITY);
    }

    /**
     * @param unpenalizedRadius a bound R on |bⱼ| of the unpenalized features at the optimum, for the
     *                          duality gap (see {@link #conjugate})
     */
    public ElasticNet(double lambda, double alpha, double[] weights, double[] factors, double[] lower,
                      double[] upper, boolean[] active, double unpenalizedRadius) {
        this.unpenalizedRadius = unpenalizedRadius;
        this.lambda = lambda;
        this.alpha = alpha;
        this.weights = weights;
        this.factors = factors;
        this.lower = lower;
        this.upper = upper;
        this.active = active;
        this.bounded = FeatureArrays.anyBound(lower, upper);
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
        return new ElasticNet(newLambda, alpha, weights, factors, lower, upper, active, unpenalizedRadius);
    }

    @Override
    public ElasticNet restrictedTo(boolean[] keep) {
        boolean[] both = new boolean[active.length];
        for (int j = 0; j < both.length; j++) {
            both[j] = active[j] && keep[j];
        }
        return new ElasticNet(lambda, alpha, weights, factors, lower, upper, both, unpenalizedRadius);
    }

    @Override
    public ElasticNet onFeatures(int[] features) {
        double[] w = FeatureArrays.select(weights, features);
        double[] v = FeatureArrays.select(factors, features);
        double[] lo = FeatureArrays.select(lower, features);
        double[] hi = FeatureArrays.select(upper, features);
        boolean[] a = FeatureArrays.select(active, features);
        return new ElasticNet(lambda, alpha, w, v, lo, hi, a, unpenalizedRadius);
    }

    @Override
    public int features() {
        return weights.length;
    }

    @Override
    public double l1Weight(int j) {
        return alpha * weights[j] * factors[j];
    }

    /** |uⱼ|, or its one-sided part where a bound at 0 blocks one direction ({@link Prox#openScore}). */
    @Override
    public double featureScore(double[] u, int j) {
        return bounded ? Prox.openScore(u[j], lower[j], upper[j]) : Math.abs(u[j]);
    }

    @Override
    public boolean isNonzero(double[] coefficients, int j) {
        return coefficients[j] != 0;
    }

    private double l1(int j) {
        return lambda * alpha * weights[j] * factors[j];
    }

    private double l2(int j) {
        return lambda * (1 - alpha) * weights[j] * weights[j] * factors[j];
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
    public void subgradient(double[] b, double[] out) {
        for (int j = 0; j < b.length; j++) {
            out[j] = active[j] ? l1(j) * Math.signum(b[j]) + l2(j) * b[j] : 0.0;
        }
    }

    @Override
    public void prox(double[] b, double step) {
        for (int j = 0; j < b.length; j++) {
            double next = active[j] ? Prox.elasticNet(b[j], step, l1(j), l2(j)) : 0.0;
            b[j] = bounded ? Prox.clip(next, lower[j], upper[j]) : next;
        }
    }

    @Override
    public double coordinateMinimizer(int j, double z, double h) {
        double b = Prox.coordinate(z, h, l1(j), l2(j));
        return bounded ? Prox.clip(b, lower[j], upper[j]) : b;
    }

    /** Σⱼ gⱼ*(uⱼ); with unpenalized features, see {@link #conjugate(double[], double[])}. */
    @Override
    public double conjugate(double[] u) {
        return conjugate(u, null);
    }

    /**
     * Σⱼ gⱼ*(uⱼ) for the gap at b. An unpenalized feature's true term is the indicator of uⱼ = 0,
     * +∞ at any rounding residue, which would leave every gap infinite. It is taken instead as the
     * term of the same feature boxed to |bⱼ| ≤ Rⱼ = max(R, 2|bⱼ|) (R: {@code unpenalizedRadius}):
     * Rⱼ·|uⱼ|, finite, and a valid gap for the boxed problem, whose optimum is the true one once
     * the iterate is within a factor 2 of it. Linear in uⱼ, it asks those gradients to vanish to
     * about tol·objective/Rⱼ. (A quadratic stand-in, uⱼ²/2, was tried first: it is no bound, and
     * FISTA stopped at once with a negative "gap".)
     */
    @Override
    public double conjugate(double[] u, double[] b) {
        double v = 0;
        for (int j = 0; j < u.length; j++) {
            if (!active[j]) {
                continue;
            }
            if (factors[j] == 0) {
                double radius = Math.max(unpenalizedRadius, b == null ? 0 : 2 * Math.abs(b[j]));
                v += Prox.boxedConjugateTerm(u[j], 0, 0, Math.max(lower[j], -radius), Math.min(upper[j], radius));
                continue;
            }
            v += bounded ? Prox.boxedConjugateTerm(u[j], l1(j), l2(j), lower[j], upper[j])
                    : Prox.conjugateTerm(Math.abs(u[j]) - l1(j), l2(j));
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
            // a bound in u's direction keeps the conjugate finite there: no shrinking needed
            if (active[j] && factors[j] > 0 && Math.abs(u[j]) > l1(j)
                    && (u[j] > 0 ? upper[j] : -lower[j]) == Double.POSITIVE_INFINITY) {
                s = Math.min(s, l1(j) / Math.abs(u[j]));
            }
        }
        return s;
    }

    @Override
    public double lambdaMax(double[] c) {
        double m = 0;
        for (int j = 0; j < c.length; j++) {
            if (active[j] && weights[j] * factors[j] > 0) {
                m = Math.max(m, Math.abs(c[j]) / (Prox.lambdaMaxAlpha(alpha) * weights[j] * factors[j]));
            }
        }
        return m;
    }

    @Override
    public double subdiffDistance(int j, double[] b, double[] u) {
        if (!active[j]) {
            return 0;
        }
        return Math.max(0, bounded ? Prox.boxedKktViolation(b[j], u[j], l1(j), l2(j), lower[j], upper[j])
                : Prox.coordinateKktViolation(b[j], u[j], l1(j), l2(j)));
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
