package org.sparklasso.spec;

import java.util.List;

/**
 * The per-feature options of the penalty, as a config gives them (glmnet's names in brackets):
 * penalty factors ({@code penalty.factor}: 0 = unpenalized, +∞ = left out) and coefficient bounds
 * on the original scale ({@code lower.limits}, {@code upper.limits}), and the adaptive lasso's
 * options when {@code penalty=adaptive}, the group lasso's groups when {@code penalty=group}, and the
 * relaxed lasso's γ values when {@code relax=true} (null otherwise). Matched to the input's features by
 * {@link #resolve} when the fit starts.
 */
public record PenaltyOptions(FeatureValues penaltyFactor, FeatureValues lowerLimits, FeatureValues upperLimits,
                             AdaptiveOptions adaptive, GroupOptions groups, RelaxOptions relax) {
    public static final String PENALTY_FACTOR = "penaltyFactor";
    public static final String LOWER_LIMITS = "lowerLimits";
    public static final String UPPER_LIMITS = "upperLimits";

    /** No factors, no bounds: the plain elastic net. */
    public static PenaltyOptions none() {
        return new PenaltyOptions(FeatureValues.none(PENALTY_FACTOR, 1), FeatureValues.none(LOWER_LIMITS,
                Double.NEGATIVE_INFINITY), FeatureValues.none(UPPER_LIMITS, Double.POSITIVE_INFINITY), null, null, null);
    }

    /** Parses the three keys' texts (null: not given); a bad value is a config error naming its key. */
    public static PenaltyOptions parse(String penaltyFactor, String lowerLimits, String upperLimits) {
        PenaltyOptions none = none();
        return new PenaltyOptions(
                penaltyFactor == null ? none.penaltyFactor : FeatureValues.parse(PENALTY_FACTOR, penaltyFactor, 1,
                        v -> v >= 0, "a number >= 0, or Infinity to leave the feature out", false),
                lowerLimits == null ? none.lowerLimits : FeatureValues.parse(LOWER_LIMITS, lowerLimits,
                        Double.NEGATIVE_INFINITY, v -> v <= 0, "a number <= 0, or -Infinity", true),
                upperLimits == null ? none.upperLimits : FeatureValues.parse(UPPER_LIMITS, upperLimits,
                        Double.POSITIVE_INFINITY, v -> v >= 0, "a number >= 0, or Infinity", true), null, null, null);
    }

    /** The same options for the adaptive lasso (null: the plain lasso / elastic net). */
    public PenaltyOptions withAdaptive(AdaptiveOptions options) {
        return new PenaltyOptions(penaltyFactor, lowerLimits, upperLimits, options, groups, relax);
    }

    /** The same options for the group lasso (null: no grouping). */
    public PenaltyOptions withGroups(GroupOptions options) {
        return new PenaltyOptions(penaltyFactor, lowerLimits, upperLimits, adaptive, options, relax);
    }

    /** The same options with the relaxed lasso's refits and blends (null: none). */
    public PenaltyOptions withRelax(RelaxOptions options) {
        return new PenaltyOptions(penaltyFactor, lowerLimits, upperLimits, adaptive, groups, options);
    }

    /** Whether any of the three keys was given. */
    public boolean given() {
        return penaltyFactor.given() || lowerLimits.given() || upperLimits.given();
    }

    /** Whether bounds were given. */
    public boolean bounded() {
        return lowerLimits.given() || upperLimits.given();
    }

    /** The options for the input's features (an error naming the key when they do not match them). */
    public FeatureTerms resolve(List<String> features) {
        return resolve(features, null);
    }

    /**
     * The options for the input's features with the given factors multiplied by {@code weights}
     * (the adaptive lasso's; +∞ leaves a feature out, an unpenalized feature stays unpenalized)
     * before glmnet's rescaling.
     */
    public FeatureTerms resolve(List<String> features, double[] weights) {
        double[] factors = penaltyFactor.resolve(features);
        if (weights != null) {
            for (int j = 0; j < factors.length; j++) {
                factors[j] = factors[j] == 0 ? 0 : factors[j] * weights[j];
            }
        }
        return FeatureTerms.of(factors, lowerLimits.resolve(features), upperLimits.resolve(features),
                groups == null ? null : groups.resolve(features));
    }
}
