package org.sparklasso.path;

/**
 * glmnet's default λ sequence: {@code nlambda} values log-spaced from λ_max down to
 * {@code ratio·λ_max}, with ratio 1e-4 when n > p and 1e-2 otherwise.
 */
public final class LambdaGrid {
    private LambdaGrid() {
    }

    /** The default {@code lambdaMinRatio} for n rows and p features (glmnet's). */
    public static double defaultMinRatio(long n, int p) {
        return n > p ? 1e-4 : 1e-2;
    }

    /** λ_max·ratio^(k/(nlambda−1)), k = 0..nlambda−1 (decreasing). */
    public static double[] logSpaced(double lambdaMax, double minRatio, int nlambda) {
        double[] out = new double[nlambda];
        for (int k = 0; k < nlambda; k++) {
            out[k] = nlambda == 1 ? lambdaMax : lambdaMax * Math.pow(minRatio, (double) k / (nlambda - 1));
        }
        return out;
    }
}
