package org.sparklasso.penalty;

/**
 * A penalty on the coefficients of a K-margin model (binomial: K = 1; multinomial: K classes),
 * laid out as K blocks of p coefficients then K unpenalized intercepts, that is a sum over
 * features j of a term gⱼ on the feature's K coefficients. What proximal Newton's coordinate
 * descent needs: the block prox, and, when gⱼ separates over the K coefficients, the coordinate
 * prox and gⱼ's two weights, since on each orthant a separable term is {@code l1·|b| + l2/2·b²}
 * (the exact active-set finish relies on it).
 */
public interface BlockPenalty extends Penalty {

    /** K. */
    int classes();

    /** Index of coefficient (feature j, class k). */
    int index(int feature, int k);

    /** Index of class k's intercept. */
    int interceptIndex(int k);

    /** Whether the intercepts are fitted (else the prox holds them at 0). */
    boolean fitIntercept();

    /** Length of the coefficient vector: (p + 1)·K. */
    int size();

    /** The radius of ∂gⱼ(0) in the block's dual norm: the feature stays at 0 while its score is within it. */
    double l1(int feature);

    /** gⱼ's curvature away from its kink (the ridge part). */
    double l2(int feature);

    /** Whether every gⱼ is a sum over its K coefficients, so that {@link #coordinateMinimizer} applies. */
    boolean coordinateSeparable();

    /**
     * For one of feature j's coefficients, when {@link #coordinateSeparable()}:
     * {@code argmin_b h/2·b² − z·b + gⱼₖ(b)}.
     */
    double coordinateMinimizer(int feature, double z, double h);

    /** In place, feature j's block: {@code v ← argmin_z h/2·‖z − v‖² + gⱼ(z)}. */
    void blockMinimizer(int feature, double[] v, double h);

    /** Whether some coefficient has a finite bound (coordinate updates are then clipped). */
    default boolean bounded() {
        return false;
    }

    /** The lower bound of feature j's coefficients (−∞: none). */
    default double lower(int feature) {
        return Double.NEGATIVE_INFINITY;
    }

    /** The upper bound of feature j's coefficients (+∞: none). */
    default double upper(int feature) {
        return Double.POSITIVE_INFINITY;
    }
}
