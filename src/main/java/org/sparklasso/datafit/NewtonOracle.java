package org.sparklasso.datafit;

/**
 * A {@link LossOracle} that can also return, in the same pass, the per-class Hessian of the loss
 * at a point restricted to a working set of features plus the intercept (for proximal Newton).
 */
public interface NewtonOracle extends LossOracle {

    /** Evaluation at x and per-class Hessians ((m+1)×(m+1), column-major, intercept last). */
    record NewtonPoint(Evaluation evaluation, double[][] hessians) {
    }

    /** Evaluations at every point, and the Hessian at the first one (all in one pass). */
    record NewtonPoints(Evaluation[] evaluations, double[][] hessians) {
    }

    NewtonPoints evaluateWithHessian(double[][] points, int[] workingSet);

    default NewtonPoint evaluateWithHessian(double[] x, int[] workingSet) {
        NewtonPoints r = evaluateWithHessian(new double[][] {x}, workingSet);
        return new NewtonPoint(r.evaluations()[0], r.hessians());
    }
}
