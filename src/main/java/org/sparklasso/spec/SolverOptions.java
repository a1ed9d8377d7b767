package org.sparklasso.spec;

/**
 * Settings of the first-order solvers beyond tol and maxIter.
 *
 * @param stepSize the subgradient method's α₀ (steps α₀/√t), or NaN for 1/L from a backtracked
 *                 first gradient step
 */
public record SolverOptions(double stepSize) {

    /** Every setting at its default. */
    public static SolverOptions defaults() {
        return new SolverOptions(Double.NaN);
    }
}
