package org.sparklasso.spec;

/**
 * Settings of the solvers beyond tol and maxIter: the first-order solvers' steps and sgd's
 * sampling, and the warm start every solver takes.
 *
 * @param stepSize          α₀ of the subgradient method (steps α₀/√t) and of sgd (α₀/√epoch), or
 *                          NaN for their own (subgradient: 1/L, L the largest curvature at the start
 *                          (10 passes of power iteration); sgd: 1/(L + T/m) measured by each partition)
 * @param epochs            sgd: epochs (passes of local SGD) per λ
 * @param miniBatchFraction sgd: a mini-batch's share of a block's training rows, in (0, 1]
 * @param sgdPolish         sgd: finish each λ with the exact solver (cd for gaussian, newton for the
 *                          GLMs) from sgd's answer, so that the answer is certified
 * @param initialModel      a previous fit to warm-start every λ from, or null
 */
public record SolverOptions(double stepSize, int epochs, double miniBatchFraction, boolean sgdPolish,
                            InitialModel initialModel) {
    public static final int DEFAULT_EPOCHS = 10;
    public static final double DEFAULT_MINI_BATCH_FRACTION = 0.01;

    /** Every setting at its default. */
    public static SolverOptions defaults() {
        return new SolverOptions(Double.NaN, DEFAULT_EPOCHS, DEFAULT_MINI_BATCH_FRACTION, false, null);
    }

    /** The same settings with the initial model's fits read. */
    public SolverOptions withInitialModel(InitialModel read) {
        return new SolverOptions(stepSize, epochs, miniBatchFraction, sgdPolish, read);
    }
}
