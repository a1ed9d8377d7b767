package org.sparklasso.solver;

/**
 * A {@link LossOracle} that can also return, in the same pass, the per-class Hessian of the loss
 * at a point restricted to a working set of features plus the intercept (for proximal Newton).
 */
public interface NewtonOracle extends LossOracle {

    /** Evaluation at x and per-class Hessians ((m+1)×(m+1), column-major, intercept last). */
    record NewtonPoint(Evaluation evaluation, double[][] hessians) {
    }

    NewtonPoint evaluateWithHessian(double[] x, int[] workingSet);
}
