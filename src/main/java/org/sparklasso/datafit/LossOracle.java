package org.sparklasso.datafit;

/**
 * Evaluates the least-squares loss {@code (1/2n)‖ỹ − X̃b‖²_W} and its gradient at several points
 * in one pass over the data.
 */
public interface LossOracle {

    /**
     * Loss, −gradient and (1/n)Σwrỹ at one point over the training rows; for a cross-validation
     * fold model also {Σ w r², Σ w |r|, Σ w} over its held-out fold (null otherwise).
     */
    record Evaluation(double loss, double[] negGradient, double rDotY, HeldOut heldOut) {
    }

    /** Evaluates every point in a single data pass. */
    Evaluation[] evaluate(double[]... points);

    /** Data passes made so far. */
    int passes();
}
