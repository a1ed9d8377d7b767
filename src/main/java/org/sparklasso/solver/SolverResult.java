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
 * @param heldOut      for a fold model solved by passes: {Σ w r², Σ w |r|, Σ w} on its held-out
 *                     fold at b; null otherwise
 */
public record SolverResult(double[] coefficients, double loss, double objective, double gap, boolean converged,
                           int iterations, int passes, double[] gradient, double[] heldOut) {

    /** The same result with more iterations and passes (a re-solve after a KKT check). */
    public SolverResult plus(int moreIterations, int morePasses) {
        return new SolverResult(coefficients, loss, objective, gap, converged, iterations + moreIterations,
                passes + morePasses, gradient, heldOut);
    }

    /** gap / objective (0 when the objective is 0). */
    public double relativeGap() {
        return objective > 0 ? gap / objective : gap;
    }
}
