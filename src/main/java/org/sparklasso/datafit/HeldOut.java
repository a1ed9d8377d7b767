package org.sparklasso.datafit;

import org.sparklasso.kernel.HeldOutSums;

/**
 * What a pass measured of a model on the rows it did not train on (its cross-validation fold),
 * and its misclassified weight on the rows it did: weighted sums, divided by {@link #weight} to get
 * cv.glmnet's per-observation errors.
 *
 * @param loss           Σ w·loss over held-out rows (deviance / 2 for the GLMs, r²/2 for least squares)
 * @param missed         misclassified held-out weight (classification; 0 otherwise)
 * @param squaredError   Σ w r² (per class column for the GLMs)
 * @param absoluteError  Σ w |r|
 * @param weight         Σ w over held-out rows
 * @param trainingMissed misclassified weight among the training rows (classification)
 */
public record HeldOut(double loss, double missed, double squaredError, double absoluteError, double weight,
                      double trainingMissed) {

    /** Reads a pass's sums ({@link HeldOutSums}' layout); null stays null. */
    public static HeldOut of(double[] sums) {
        return sums == null ? null : new HeldOut(sums[HeldOutSums.LOSS], sums[HeldOutSums.MISS],
                sums[HeldOutSums.SQ], sums[HeldOutSums.ABS], sums[HeldOutSums.W], sums[HeldOutSums.TRAIN_MISS]);
    }
}
