package org.sparklasso.kernel;

/**
 * The layout of the per-point sums a pass accumulates over a model's held-out fold (and its
 * training rows' misclassified weight), shared by every family's aggregator and read back through
 * {@link #LOSS} … {@link #TRAIN_MISS}; the driver turns it into a typed value
 * ({@code datafit.HeldOut}).
 */
public final class HeldOutSums {
    /** Weighted held-out loss (deviance / 2 for the GLMs, squared error / 2 for least squares). */
    public static final int LOSS = 0;
    /** Misclassified held-out weight (classification). */
    public static final int MISS = 1;
    /** Weighted squared residual (label − prediction; per class column for the GLMs). */
    public static final int SQ = 2;
    /** Weighted absolute residual. */
    public static final int ABS = 3;
    /** Held-out weight. */
    public static final int W = 4;
    /** Misclassified weight among the training rows. */
    public static final int TRAIN_MISS = 5;
    /** Doubles per point. */
    public static final int SIZE = 6;
    /** cv.glmnet's clamp of predicted probabilities for held-out deviance (pmin/pmax 1e-5). */
    public static final double PROB_MIN = 1e-5;

    private HeldOutSums() {
    }
}
