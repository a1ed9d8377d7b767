package org.sparklasso.spec;

import java.util.Map;

/**
 * The adaptive lasso (Zou 2006, "The adaptive lasso and its oracle properties", JASA 101): the
 * lasso with penalty factors wⱼ = 1/|β̂ⱼ|^γ from an initial estimate β̂ (on the original scale,
 * as a glmnet user computes them from {@code coef()} and passes them as {@code penalty.factor});
 * a feature with β̂ⱼ = 0 gets an infinite weight and is left out. For multinomial, |β̂ⱼ| is the L2
 * norm of feature j's K class coefficients. The weights multiply any penaltyFactor given, and
 * are then rescaled with it as glmnet rescales penalty factors.
 *
 * @param gamma    the exponent γ > 0 (adaptiveGamma)
 * @param init     where β̂ comes from
 * @param source   for {@link Init#GIVEN}: where the caller read β̂ (reported only), else null
 * @param initial  for {@link Init#GIVEN}: |β̂ⱼ| by feature name (features not named: 0), else null
 */
public record AdaptiveOptions(double gamma, Init init, String source, Map<String, Double> initial) {

    /** Where the initial estimate comes from. */
    public enum Init {
        /**
         * A ridge fit (α = 0) on glmnet's default ridge path: at lambda.min of its cross-validation
         * when the fit cross-validates (same folds), else at the path's smallest λ.
         */
        RIDGE,
        /** The unpenalized fit (least squares or maximum likelihood); needs more rows than features. */
        OLS,
        /** Coefficients the caller supplies (the CLI: a previous coefficients output). */
        GIVEN
    }

    public AdaptiveOptions {
        initial = initial == null ? null : Map.copyOf(initial);
    }

    /** The same options with the initial magnitudes read by the caller. */
    public AdaptiveOptions withInitial(Map<String, Double> magnitudes) {
        return new AdaptiveOptions(gamma, Init.GIVEN, source, magnitudes);
    }

    /** The init as metrics.json names it: ridge, ols, or the source it was read from. */
    public String describe() {
        return init == Init.GIVEN ? source : init.name().toLowerCase(java.util.Locale.ROOT);
    }
}
