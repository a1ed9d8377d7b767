package org.sparklasso.penalty;

/**
 * A convex penalty g(b) on the internal coefficients, as every solver needs it: its value, its
 * prox over the whole vector (FISTA) and the largest violation of the optimality conditions (the
 * KKT stopping rule). The other contracts extend it: {@link DualPenalty} (the duality gap),
 * {@link PathPenalty} (the λ path), {@link SeparablePenalty} (the coordinate prox) and
 * {@link BlockPenalty} (the block prox). A solver takes the ones it needs, never a penalty class
 * (as skglm's solvers do: Bertrand et al. 2022, "Beyond L1: faster and better sparse models with
 * skglm"); {@code org.sparklasso.spec.SolverChoice} lists them for the config check.
 * Serializable: solver sgd ships its prox to the executors.
 */
public interface Penalty extends java.io.Serializable {

    /** g(b). */
    double value(double[] b);

    /** In place: {@code b ← argmin_z g(z) + ‖z − b‖² / (2·step)}; step 0 only zeroes what g holds at 0. */
    void prox(double[] b, double step);

    /**
     * Largest violation of the optimality conditions {@code 0 ∈ ∇f(b) + ∂g(b)}, with u = −∇f(b):
     * 0 at the optimum.
     */
    double kktViolation(double[] b, double[] u);
}
