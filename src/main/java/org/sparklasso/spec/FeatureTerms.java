package org.sparklasso.spec;

/**
 * The penalty options in force for each feature of an input: the penalty factors after glmnet's
 * rescaling and the coefficient bounds on the original scale.
 *
 * <p>glmnet rescales the factors to sum to the number of features, {@code vⱼ ← vⱼ·p / Σₖ vₖ}, a
 * left-out feature (factor +∞, glmnet's {@code exclude}) counting as 1 in the sum (glmnet sets its
 * factor to 1 before rescaling so that excluding a feature does not move the λ path). The fit then
 * penalizes feature j by {@code λ vⱼ [α sⱼ|βⱼ| + (1−α)/2 sⱼ² βⱼ²]}.
 *
 * @param factors the rescaled factors vⱼ: 0 = unpenalized, +∞ = left out (held at 0)
 * @param lower   lower bounds of βⱼ (≤ 0, −∞ = none)
 * @param upper   upper bounds of βⱼ (≥ 0, +∞ = none)
 * @param groups  the group lasso's groups, or null (no grouping)
 */
public record FeatureTerms(double[] factors, double[] lower, double[] upper, FeatureGroups groups) {

    /** Rescales the given factors as glmnet does; a config error when no feature would be penalized. */
    static FeatureTerms of(double[] given, double[] lower, double[] upper, FeatureGroups groups) {
        int p = given.length;
        double sum = 0;
        boolean anyPenalized = false;
        for (double v : given) {
            sum += Double.isInfinite(v) ? 1 : v;
            anyPenalized |= v > 0 && Double.isFinite(v);
        }
        if (p > 0 && !anyPenalized) {
            throw JobException.config(PenaltyOptions.PENALTY_FACTOR + ": no feature is penalized (every factor is 0 "
                    + "or Infinity); give at least one factor > 0");
        }
        double[] factors = new double[p];
        for (int j = 0; j < p; j++) {
            factors[j] = Double.isInfinite(given[j]) ? Double.POSITIVE_INFINITY : given[j] * p / sum;
        }
        return new FeatureTerms(factors, lower, upper, groups);
    }

    /**
     * The same bounds with every feature unpenalized (factor 0; left-out features stay out): the
     * unpenalized fit, which the adaptive lasso's ols init takes from the path's start.
     */
    public FeatureTerms unpenalized() {
        double[] none = new double[factors.length];
        for (int j = 0; j < none.length; j++) {
            none[j] = excluded(j) ? Double.POSITIVE_INFINITY : 0;
        }
        return new FeatureTerms(none, lower, upper, groups);
    }

    /** Whether feature j is left out of the model (factor +∞). */
    public boolean excluded(int j) {
        return factors[j] == Double.POSITIVE_INFINITY;
    }

    /** Whether some feature is unpenalized (factor 0). */
    public boolean anyUnpenalized() {
        for (double v : factors) {
            if (v == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether some factor is not 1 (the output then reports them). */
    public boolean hasFactors() {
        for (double v : factors) {
            if (v != 1) {
                return true;
            }
        }
        return false;
    }

    /** Whether some bound is exactly 0 (glmnet then turns its deviance-gain early stop off). */
    public boolean anyZeroBound() {
        for (int j = 0; j < factors.length; j++) {
            if (lower[j] == 0 || upper[j] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether some bound is finite. */
    public boolean bounded() {
        for (int j = 0; j < factors.length; j++) {
            if (lower[j] > Double.NEGATIVE_INFINITY || upper[j] < Double.POSITIVE_INFINITY) {
                return true;
            }
        }
        return false;
    }
}
