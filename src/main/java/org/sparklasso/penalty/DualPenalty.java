package org.sparklasso.penalty;

/**
 * What a duality gap needs of a penalty (Fenchel duality; Ndiaye et al. 2017, "Gap Safe screening
 * rules for sparsity enforcing penalties", JMLR): the conjugate g* and how far a dual point must
 * shrink to enter its domain.
 */
public interface DualPenalty extends Penalty {

    /**
     * {@code g*(u)}, +∞ outside the conjugate's domain. With {@code u = −∇f(b)} this is the
     * penalty's part of the dual objective.
     */
    double conjugate(double[] u);

    /**
     * g*(u) as the duality gap at the primal point b takes it; the same as {@link #conjugate(double[])}
     * unless the penalty bounds an infinite part of its conjugate with a box around b
     * ({@link ElasticNet}'s unpenalized features).
     */
    default double conjugate(double[] u, double[] b) {
        return conjugate(u);
    }

    /** The largest s in (0, 1] with {@code s·u} in the domain of g* (1 when g* is finite everywhere). */
    double feasibleScale(double[] u);
}
