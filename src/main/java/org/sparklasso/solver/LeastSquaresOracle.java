package org.sparklasso.solver;

/**
 * Evaluates the least-squares loss {@code (1/2n)‖ỹ − X̃b‖²_W} and its gradient at several points
 * in one pass over the data.
 */
public interface LeastSquaresOracle {

    /** Loss, −gradient and (1/n)Σwrỹ at one point. */
    record Evaluation(double loss, double[] negGradient, double rDotY) {
    }

    /** Evaluates every point in a single data pass. */
    Evaluation[] evaluate(double[]... points);

    /** Data passes made so far. */
    int passes();
}
