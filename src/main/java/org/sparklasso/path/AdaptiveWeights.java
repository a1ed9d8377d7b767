package org.sparklasso.path;

/**
 * The adaptive lasso's weights as a fit used them (before glmnet's rescaling of penalty factors).
 *
 * @param gamma      the exponent γ
 * @param init       ridge, ols, or where the given estimate was read
 * @param initLambda the ridge fit's λ (NaN for ols and a given estimate)
 * @param initial    |β̂ⱼ| per feature on the original scale (multinomial: the L2 norm over classes)
 * @param weights    1/|β̂ⱼ|^γ per feature; +∞ where β̂ⱼ = 0 (the feature is left out)
 */
public record AdaptiveWeights(double gamma, String init, double initLambda, double[] initial, double[] weights) {

    /** The number of features the initial estimate leaves out (β̂ⱼ = 0). */
    public int leftOut() {
        int n = 0;
        for (double w : weights) {
            n += w == Double.POSITIVE_INFINITY ? 1 : 0;
        }
        return n;
    }
}
