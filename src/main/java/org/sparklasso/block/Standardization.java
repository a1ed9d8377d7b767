package org.sparklasso.block;

import org.sparklasso.kernel.FeatureMoments;

/**
 * The change of coordinates between the user's features and the solvers' internal ones:
 * {@code x̃ⱼ = (xⱼ − centerⱼ) / scaleⱼ}, {@code ỹ = y − yCenter}, {@code bⱼ = scaleⱼ βⱼ}.
 *
 * <p>Solvers always work on centered (when there is an intercept) and unit-scaled columns, whatever
 * {@code standardize} says, so that badly scaled features converge as fast as unit-scale ones. The
 * penalty is carried over exactly: {@code λ sⱼ|βⱼ| = λ (sⱼ/scaleⱼ)|bⱼ|}, so the internal penalty
 * weight is {@code sⱼ / scaleⱼ} with {@code sⱼ} the population std (standardize=true) or 1.
 * Without an intercept the columns are not centered and scale is the root mean square.
 * A constant feature (zero spread) is inactive: its coefficient is 0, as in glmnet.
 *
 * @param weightSum   n = Σ wᵢ
 * @param labelMean   weighted mean of y
 * @param labelVariance weighted population variance of y
 */
public record Standardization(double weightSum, double[] center, double[] scale, double[] penaltyWeight,
                              boolean[] active, double yCenter, double labelMean, double labelVariance,
                              boolean fitIntercept) {

    /** Builds the coordinates from one pass of feature moments. */
    public static Standardization of(FeatureMoments moments, boolean fitIntercept, boolean standardize) {
        double[] mean = moments.mean();
        double[] var = moments.variance();
        int p = mean.length;
        double[] center = new double[p];
        double[] scale = new double[p];
        double[] weight = new double[p];
        boolean[] active = new boolean[p];
        for (int j = 0; j < p; j++) {
            double std = Math.sqrt(var[j]);
            // spread below rounding of the mean: the column is constant
            active[j] = std > 0 && std > 1e-10 * Math.abs(mean[j]);
            if (!active[j]) {
                scale[j] = 1;
                continue;
            }
            center[j] = fitIntercept ? mean[j] : 0;
            scale[j] = fitIntercept ? std : Math.sqrt(var[j] + mean[j] * mean[j]);
            weight[j] = (standardize ? std : 1.0) / scale[j];
        }
        double yCenter = fitIntercept ? moments.labelMean() : 0;
        return new Standardization(moments.weightSum(), center, scale, weight, active, yCenter,
                moments.labelMean(), moments.labelVariance(), fitIntercept);
    }

    public int numFeatures() {
        return scale.length;
    }

    /** The same coordinates for the features {@code features} only, renumbered 0..|features|−1. */
    public Standardization restrictedTo(int[] features) {
        int q = features.length;
        double[] c = new double[q];
        double[] d = new double[q];
        double[] w = new double[q];
        boolean[] a = new boolean[q];
        for (int i = 0; i < q; i++) {
            int j = features[i];
            c[i] = center[j];
            d[i] = scale[j];
            w[i] = penaltyWeight[j];
            a[i] = active[j];
        }
        return new Standardization(weightSum, c, d, w, a, yCenter, labelMean, labelVariance, fitIntercept);
    }

    /** Σ w ỹ² / n: the loss of the all-zero internal model, times 2. */
    public double responseSquareMean() {
        return fitIntercept ? labelVariance : labelVariance + labelMean * labelMean;
    }

    /** Internal coefficients b to original-scale β. */
    public double[] toOriginal(double[] b) {
        double[] beta = new double[b.length];
        for (int j = 0; j < b.length; j++) {
            beta[j] = active[j] ? b[j] / scale[j] : 0.0;
        }
        return beta;
    }

    /** The intercept that goes with original-scale β (0 without an intercept). */
    public double intercept(double[] beta) {
        if (!fitIntercept) {
            return 0;
        }
        double b0 = yCenter;
        for (int j = 0; j < beta.length; j++) {
            b0 -= center[j] * beta[j];
        }
        return b0;
    }
}
