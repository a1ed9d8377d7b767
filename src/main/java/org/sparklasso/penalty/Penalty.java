package org.sparklasso.penalty;

/**
 * A convex penalty g(b) on the internal coefficients: what a proximal solver needs (value, prox)
 * and what a duality gap needs (Fenchel conjugate and the feasible rescaling of a dual point).
 */
public interface Penalty {

    /** g(b). */
    double value(double[] b);

    /** In place: {@code b ← argmin_z g(z) + ‖z − b‖² / (2·step)}. */
    void prox(double[] b, double step);

    /**
     * {@code Σ g*(uⱼ)}, +∞ outside the conjugate's domain. With {@code u = −∇f(b)} this is the
     * penalty's part of the dual objective.
     */
    double conjugate(double[] u);

    /** The largest s in (0, 1] with {@code s·u} in the domain of g*. */
    double feasibleScale(double[] u);

    /** Smallest λ with all-zero solution, given the gradient at zero {@code c = −∇f(0)}. */
    double lambdaMax(double[] c);

    /** Largest violation of the optimality conditions {@code 0 ∈ ∇f(b) + ∂g(b)}, with u = −∇f(b). */
    double kktViolation(double[] b, double[] u);
}
