package org.sparklasso.penalty;

/**
 * A penalty {@code λ·g₁(b)} that a λ path can drive: the same penalty at another λ, λ_max,
 * restricted to a set of features (screening, working sets), and the per-feature quantities the
 * strong rules and KKT checks need. A feature is one coefficient, or a block of coefficients (a
 * feature's K classes).
 *
 * @param <P> the implementing type
 */
public interface PathPenalty<P extends PathPenalty<P>> extends Penalty {

    double lambda();

    /** The same penalty at another λ. */
    P withLambda(double lambda);

    /** Every feature outside {@code keep} held at zero (screening). */
    P restrictedTo(boolean[] keep);

    /** The same penalty on the features {@code features} only, renumbered 0..|features|−1. */
    P onFeatures(int[] features);

    /** Smallest λ with an all-zero solution, given the gradient at zero {@code c = −∇f(0)}. */
    double lambdaMax(double[] c);

    /** Number of features (coordinates or blocks). */
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

    /**
     * The feature's KKT violation: the distance from its part of u = −∇f(b) to the subdifferential
     * of its term at b (the largest over its coordinates, or the L2 distance for a block); 0 when
     * its optimality condition holds, or when the feature is inactive.
     */
    double subdiffDistance(int feature, double[] b, double[] u);
}
