package org.sparklasso.solver;

/**
 * The outcome of one solve at one λ, in internal coordinates.
 *
 * @param coefficients internal coefficients b
 * @param loss         (1/2n) Σ wᵢ rᵢ² at b
 * @param objective    loss + penalty (the primal objective)
 * @param gap          duality gap reached (absolute)
 * @param converged    whether gap / objective ≤ tol
 * @param iterations   sweeps (cd) or proximal steps (fista)
 * @param passes       distributed passes over the data spent on this λ
 * @param gradient     −∇loss at b (the residual correlations u = X̃ᵀWr/n)
 */
public record SolverResult(double[] coefficients, double loss, double objective, double gap, boolean converged,
                           int iterations, int passes, double[] gradient) {

    /** gap / objective (0 when the objective is 0). */
    public double relativeGap() {
        return objective > 0 ? gap / objective : gap;
    }
}
