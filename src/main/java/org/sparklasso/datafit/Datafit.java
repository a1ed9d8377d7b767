package org.sparklasso.datafit;

import org.sparklasso.kernel.HeldOutSums;

import java.io.Serializable;

/**
 * The per-observation loss of a generalized linear model, as a function of its K margins
 * {@code f} (K = 1 except for the multinomial family): value, residual {@code r = −∂ℓ/∂f} and the
 * diagonal of {@code ∂²ℓ/∂f²} (for Newton steps). Runs on executors, once per row.
 */
public interface Datafit extends Serializable {

    /** Number of margins K per observation. */
    int margins();

    /**
     * ℓ(y, f); writes {@code r = −∂ℓ/∂f} into {@code r} (length K) and, unless {@code h} is null,
     * ∂²ℓ/∂f² (K×K, row-major) into {@code h}. One call shares the exponentials of all three: this
     * runs for every row at every point of every pass.
     */
    double evaluate(double y, double[] f, double[] r, double[] h);

    /**
     * The loss scored on held-out rows, with predicted probabilities clamped to
     * [1e-5, 1 − 1e-5] as cv.glmnet does for its deviance (cv.lognet / cv.multnet, prob_min),
     * so one overconfident prediction cannot dominate a fold's error.
     */
    double heldOutLoss(double y, double[] f);

    /** cv.glmnet's probability clamp for held-out deviance. */
    double PROB_MIN = org.sparklasso.kernel.HeldOutSums.PROB_MIN;

    /**
     * A bound κ on the loss's curvature in the margins, {@code ∂²ℓ/∂f² ≼ κ·I}: ¼ for the logistic
     * loss, ½ for the softmax (Böhning 1992, "Multinomial logistic regression algorithm"); what
     * sgd scales its smoothness estimate by.
     */
    double curvatureBound();

    /** The predicted class (argmax of the margins). */
    int predict(double[] f);
}
