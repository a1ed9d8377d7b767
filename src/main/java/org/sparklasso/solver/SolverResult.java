package org.sparklasso.solver;

import org.sparklasso.datafit.HeldOut;

/**
 * The outcome of one solve at one λ, in internal coordinates.
 *
 * @param coefficients internal coefficients (for binomial/multinomial: the K·p coefficients then
 *                     the K intercepts)
 * @param loss         the datafit at the solution ((1/2n) Σ wᵢ rᵢ² for least squares)
 * @param objective    loss + penalty (the primal objective)
 * @param gap          the stopping measure reached: the duality gap (least squares) or the
 *                     largest KKT violation (binomial, multinomial)
 * @param relativeGap  gap divided by its scale (the objective for the duality gap, the largest
 *                     gradient at the null model for KKT); compared with tol
 * @param converged    whether relativeGap ≤ tol
 * @param iterations   sweeps (cd), proximal steps (fista) or Newton steps (newton)
 * @param passes       distributed passes over the data spent on this λ
 * @param gradient     −∇loss at the solution
 * @param heldOut      for a fold model solved by passes: held-out sums at the solution (see the
 *                     aggregators); null otherwise
 * @param approximate  for a solver that cannot certify its answer (subgradient, sgd without
 *                     polish): how it stopped and its thresholded form; null for the exact solvers
 */
public record SolverResult(double[] coefficients, double loss, double objective, double gap, double relativeGap,
                           boolean converged, int iterations, int passes, double[] gradient, HeldOut heldOut,
                           Approximate approximate) {

    /** An exact solver's result. */
    public SolverResult(double[] coefficients, double loss, double objective, double gap, double relativeGap,
                        boolean converged, int iterations, int passes, double[] gradient, HeldOut heldOut) {
        this(coefficients, loss, objective, gap, relativeGap, converged, iterations, passes, gradient, heldOut, null);
    }

    /**
     * What an approximate solver reports beside its iterate.
     *
     * @param stoppingRule "converged" (its stopping measure reached tol), "budget" (maxIter steps
     *                     or epochs) or "stall" (no better objective for a number of steps)
     * @param thresholded  the iterate with the coordinates its last step could carry to 0 set to 0
     *                     (the documented thresholding of the solver)
     * @param thresholdedObjective the objective at {@code thresholded}
     */
    public record Approximate(String stoppingRule, double[] thresholded, double thresholdedObjective) {
    }

    /** The same result with more iterations and passes (a re-solve after a KKT check). */
    public SolverResult plus(int moreIterations, int morePasses) {
        return new SolverResult(coefficients, loss, objective, gap, relativeGap, converged,
                iterations + moreIterations, passes + morePasses, gradient, heldOut, approximate);
    }
}
