package org.sparklasso.datafit;

/**
 * Evaluates a datafit — the least-squares loss {@code (1/2n)‖ỹ − X̃b‖²_W}, or the binomial /
 * multinomial negative log-likelihood over n — and its gradient at several points in one pass over
 * the data. What a solver needs of the data, whatever the family.
 */
public interface LossOracle {

    /**
     * Loss, −gradient and, for least squares only, (1/n)Σwrỹ (the duality gap's dual point needs it;
     * NaN for the GLMs) at one point over the training rows; for a cross-validation fold model (and
     * every GLM model: its training misclassification) what the pass measured held out, else null.
     */
    record Evaluation(double loss, double[] negGradient, double rDotY, HeldOut heldOut) {
    }

    /** Evaluates every point in a single data pass. */
    Evaluation[] evaluate(double[]... points);

    /** Data passes made so far. */
    int passes();
}
