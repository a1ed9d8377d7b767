package org.sparklasso.penalty;

/**
 * A penalty that a λ path can drive: the same penalty at another λ, restricted to a set of
 * features (screening), and the per-feature quantities the strong rules and KKT checks need.
 * A feature is one coefficient, or a group of coefficients (a feature's K classes).
 *
 * @param <P> the implementing type
 */
public interface PathPenalty<P extends PathPenalty<P>> extends Penalty {

    double lambda();

    P withLambda(double lambda);

    /** Every feature outside {@code keep} held at zero. */
    P restrictedTo(boolean[] keep);

    /** Number of features (coefficient groups). */
    int features();

    boolean isActive(int feature);

    /** α·wⱼ: the feature's L1 threshold per unit λ. */
    double l1Weight(int feature);

    /**
     * The size of the negative gradient on a feature that the KKT condition bounds by λ·α·wⱼ when
     * the feature is zero: |uⱼ|, max over classes of |uⱼₖ| (ungrouped), or ‖uⱼ‖₂ (grouped).
     */
    double featureScore(double[] u, int feature);

    boolean isNonzero(double[] coefficients, int feature);
}
