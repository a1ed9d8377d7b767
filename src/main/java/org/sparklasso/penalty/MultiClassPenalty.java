package org.sparklasso.penalty;

/**
 * The elastic-net penalty of a K-margin model (binomial: K = 1; multinomial: K classes) whose
 * coefficient vector is laid out as K blocks of p coefficients followed by K unpenalized
 * intercepts. Per feature j with weight wⱼ: {@code λ[α wⱼ Pⱼ + (1−α)/2 wⱼ² Σₖ bⱼₖ²]} where
 * {@code Pⱼ = Σₖ|bⱼₖ|} (ungrouped) or {@code ‖bⱼ·‖₂} (grouped, glmnet's
 * type.multinomial = "grouped"; the group prox is block soft-thresholding). Optionally with
 * penalty factors vⱼ multiplying feature j's term (0: unpenalized; glmnet's penalty.factor) and,
 * ungrouped, bounds {@code loⱼ ≤ bⱼₖ ≤ hiⱼ} on each coefficient (glmnet's lower.limits and
 * upper.limits), met by clipping each coordinate update as {@link ElasticNet} does.
 */
public final class MultiClassPenalty implements BlockPenalty, DualPenalty, PathPenalty<MultiClassPenalty>,
        SubgradientPenalty {
    private final double lambda;
    private final double alpha;
    private final double[] weights;
    private final double[] factors;
    private final double[] lower;
    private final double[] upper;
    private final boolean bounded;
    private final boolean[] active;
    private final int classes;
    private final boolean grouped;
    private final boolean fitIntercept;

    /** Every factor 1, no bounds. */
    public MultiClassPenalty(double lambda, double alpha, double[] weights, boolean[] active, int classes,
                             boolean grouped, boolean fitIntercept) {
        this(lambda, alpha, weights, FeatureArrays.filled(weights.length, 1),
                FeatureArrays.filled(weights.length, Double.NEGATIVE_INFINITY),
                FeatureArrays.filled(weights.length, Double.POSITIVE_INFINITY), active, classes, grouped,
                fitIntercept);
    }

    /**
     * @param factors penalty factors vⱼ ≥ 0 (finite)
     * @param lower   lower bounds of feature j's internal coefficients (≤ 0, may be −∞); ungrouped only
     * @param upper   upper bounds (≥ 0, may be +∞); ungrouped only
     */
    public MultiClassPenalty(double lambda, double alpha, double[] weights, double[] factors, double[] lower,
                             double[] upper, boolean[] active, int classes, boolean grouped, boolean fitIntercept) {
        this.lambda = lambda;
        this.alpha = alpha;
        this.weights = weights;
        this.factors = factors;
        this.lower = lower;
        this.upper = upper;
        this.active = active;
        boolean any = FeatureArrays.anyBound(lower, upper);
        if (any && grouped && classes > 1) {
            throw new IllegalArgumentException("coefficient bounds need an ungrouped penalty");
        }
        this.bounded = any;
        this.classes = classes;
        this.grouped = grouped;
        this.fitIntercept = fitIntercept;
    }

    @Override
    public int classes() {
        return classes;
    }

    public boolean grouped() {
        return grouped;
    }

    @Override
    public boolean fitIntercept() {
        return fitIntercept;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public int index(int j, int k) {
        return k * weights.length + j;
    }

    @Override
    public int interceptIndex(int k) {
        return weights.length * classes + k;
    }

    @Override
    public int size() {
        return (weights.length + 1) * classes;
    }

    /** λαwⱼ. */
    @Override
    public double l1(int j) {
        return lambda * alpha * weights[j] * factors[j];
    }

    /** λ(1−α)wⱼ². */
    @Override
    public double l2(int j) {
        return lambda * (1 - alpha) * weights[j] * weights[j] * factors[j];
    }

    @Override
    public boolean bounded() {
        return bounded;
    }

    @Override
    public double lower(int j) {
        return lower[j];
    }

    @Override
    public double upper(int j) {
        return upper[j];
    }

    private double clip(int j, double b) {
        return bounded ? Prox.clip(b, lower[j], upper[j]) : b;
    }

    /** Ungrouped, or a single margin (where the group norm is the absolute value). */
    @Override
    public boolean coordinateSeparable() {
        return !grouped || classes == 1;
    }

    @Override
    public double coordinateMinimizer(int j, double z, double h) {
        return clip(j, Prox.coordinate(z, h, l1(j), l2(j)));
    }

    @Override
    public void blockMinimizer(int j, double[] v, double h) {
        if (coordinateSeparable()) {
            for (int k = 0; k < v.length; k++) {
                v[k] = clip(j, Prox.coordinate(h * v[k], h, l1(j), l2(j)));
            }
            return;
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        double factor = Prox.blockCurvatureFactor(Math.sqrt(norm), h, l1(j), l2(j));
        for (int k = 0; k < v.length; k++) {
            v[k] *= factor;
        }
    }

    @Override
    public double lambda() {
        return lambda;
    }

    @Override
    public MultiClassPenalty withLambda(double newLambda) {
        return new MultiClassPenalty(newLambda, alpha, weights, factors, lower, upper, active, classes, grouped,
                fitIntercept);
    }

    @Override
    public MultiClassPenalty restrictedTo(boolean[] keep) {
        boolean[] both = new boolean[active.length];
        for (int j = 0; j < both.length; j++) {
            both[j] = active[j] && keep[j];
        }
        return new MultiClassPenalty(lambda, alpha, weights, factors, lower, upper, both, classes, grouped,
                fitIntercept);
    }

    @Override
    public MultiClassPenalty onFeatures(int[] features) {
        double[] w = FeatureArrays.select(weights, features);
        double[] v = FeatureArrays.select(factors, features);
        double[] lo = FeatureArrays.select(lower, features);
        double[] hi = FeatureArrays.select(upper, features);
        boolean[] a = FeatureArrays.select(active, features);
        return new MultiClassPenalty(lambda, alpha, w, v, lo, hi, a, classes, grouped, fitIntercept);
    }

    @Override
    public int features() {
        return weights.length;
    }

    @Override
    public boolean isActive(int j) {
        return active[j];
    }

    @Override
    public double l1Weight(int j) {
        return alpha * weights[j] * factors[j];
    }

    /** Per class |uⱼₖ| (its one-sided part where a bound at 0 blocks a direction: {@link Prox#openScore}), combined as the penalty's norm's dual. */
    @Override
    public double featureScore(double[] u, int j) {
        double s = 0;
        for (int k = 0; k < classes; k++) {
            double v = bounded ? Prox.openScore(u[index(j, k)], lower[j], upper[j]) : u[index(j, k)];
            s = grouped ? s + v * v : Math.max(s, Math.abs(v));
        }
        return grouped ? Math.sqrt(s) : s;
    }

    /** The score without bounds: glmnet's λ_max ignores the limits. */
    private double plainScore(double[] u, int j) {
        double s = 0;
        for (int k = 0; k < classes; k++) {
            double v = u[index(j, k)];
            s = grouped ? s + v * v : Math.max(s, Math.abs(v));
        }
        return grouped ? Math.sqrt(s) : s;
    }

    @Override
    public boolean isNonzero(double[] b, int j) {
        for (int k = 0; k < classes; k++) {
            if (b[index(j, k)] != 0) {
                return true;
            }
        }
        return false;
    }

    private double groupNorm(double[] b, int j) {
        double s = 0;
        for (int k = 0; k < classes; k++) {
            s += b[index(j, k)] * b[index(j, k)];
        }
        return Math.sqrt(s);
    }

    @Override
    public double value(double[] b) {
        double v = 0;
        for (int j = 0; j < weights.length; j++) {
            if (!active[j]) {
                continue;
            }
            double sq = 0;
            double l1 = 0;
            for (int k = 0; k < classes; k++) {
                double c = b[index(j, k)];
                sq += c * c;
                l1 += Math.abs(c);
            }
            v += l1(j) * (grouped ? Math.sqrt(sq) : l1) + 0.5 * l2(j) * sq;
        }
        return v;
    }

    /** Per class l1·sign(b) (grouped: l1·b/‖b_j‖, 0 at 0) + l2·b; 0 for intercepts and features left out. */
    @Override
    public void subgradient(double[] b, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (int j = 0; j < weights.length; j++) {
            if (!active[j]) {
                continue;
            }
            double norm = grouped ? groupNorm(b, j) : 0;
            for (int k = 0; k < classes; k++) {
                double c = b[index(j, k)];
                double l1Part = grouped ? (norm > 0 ? c / norm : 0) : Math.signum(c);
                out[index(j, k)] = l1(j) * l1Part + l2(j) * c;
            }
        }
    }

    @Override
    public void prox(double[] b, double step) {
        for (int j = 0; j < weights.length; j++) {
            if (!active[j]) {
                for (int k = 0; k < classes; k++) {
                    b[index(j, k)] = 0;
                }
                continue;
            }
            if (grouped) {
                double factor = Prox.blockFactor(groupNorm(b, j), step, l1(j), l2(j));
                for (int k = 0; k < classes; k++) {
                    b[index(j, k)] *= factor;
                }
            } else {
                for (int k = 0; k < classes; k++) {
                    b[index(j, k)] = clip(j, Prox.elasticNet(b[index(j, k)], step, l1(j), l2(j)));
                }
            }
        }
        if (!fitIntercept) {
            for (int k = 0; k < classes; k++) {
                b[interceptIndex(k)] = 0;
            }
        }
    }

    @Override
    public double conjugate(double[] u) {
        double v = 0;
        for (int j = 0; j < weights.length; j++) {
            if (!active[j]) {
                continue;
            }
            if (grouped) {
                v += Prox.conjugateTerm(featureScore(u, j) - l1(j), l2(j));
            } else {
                for (int k = 0; k < classes; k++) {
                    double uk = u[index(j, k)];
                    v += bounded ? Prox.boxedConjugateTerm(uk, l1(j), l2(j), lower[j], upper[j])
                            : Prox.conjugateTerm(Math.abs(uk) - l1(j), l2(j));
                }
            }
        }
        return v;
    }

    @Override
    public double feasibleScale(double[] u) {
        return 1.0;
    }

    @Override
    public double lambdaMax(double[] c) {
        double m = 0;
        for (int j = 0; j < weights.length; j++) {
            if (active[j] && weights[j] * factors[j] > 0) {
                m = Math.max(m, plainScore(c, j) / (Prox.lambdaMaxAlpha(alpha) * weights[j] * factors[j]));
            }
        }
        return m;
    }

    @Override
    public double subdiffDistance(int j, double[] b, double[] u) {
        if (!active[j]) {
            return 0;
        }
        if (!grouped) {
            double worst = 0;
            for (int k = 0; k < classes; k++) {
                double bk = b[index(j, k)];
                double uk = u[index(j, k)];
                worst = Math.max(worst, bounded ? Prox.boxedKktViolation(bk, uk, l1(j), l2(j), lower[j], upper[j])
                        : Prox.coordinateKktViolation(bk, uk, l1(j), l2(j)));
            }
            return worst;
        }
        double norm = groupNorm(b, j);
        if (norm == 0) {
            return Math.max(0, featureScore(u, j) - l1(j));
        }
        double s = 0;
        for (int k = 0; k < classes; k++) {
            double bk = b[index(j, k)];
            double d = u[index(j, k)] - l2(j) * bk - l1(j) * bk / norm;
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** The largest feature violation, and |∂f/∂b₀ₖ| of each fitted intercept (unpenalized). */
    @Override
    public double kktViolation(double[] b, double[] u) {
        double worst = 0;
        for (int j = 0; j < weights.length; j++) {
            worst = Math.max(worst, subdiffDistance(j, b, u));
        }
        if (fitIntercept) {
            for (int k = 0; k < classes; k++) {
                worst = Math.max(worst, Math.abs(u[interceptIndex(k)]));
            }
        }
        return worst;
    }
}
