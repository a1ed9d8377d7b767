package org.sparklasso.path;

/**
 * The unscaled lasso form some texts (and this project's seed) use:
 * {@code Σᵢ (yᵢ − ŷᵢ)² + λ′ Σⱼ |wⱼ|}. It is the same problem as glmnet's
 * {@code (1/2n) Σ (y − ŷ)² + λ Σ|w|} (unit weights, standardize=false) with {@code λ′ = 2nλ}:
 * multiplying glmnet's objective by 2n gives this one, so both have the same minimizer.
 */
public final class UnscaledObjective {
    private UnscaledObjective() {
    }

    /** {@code Σ (y − ŷ)² + λ′ Σ|w|}. */
    public static double value(double[] y, double[] yHat, double[] w, double lambdaPrime) {
        double rss = 0;
        for (int i = 0; i < y.length; i++) {
            double r = y[i] - yHat[i];
            rss += r * r;
        }
        double l1 = 0;
        for (double c : w) {
            l1 += Math.abs(c);
        }
        return rss + lambdaPrime * l1;
    }

    /** λ′ = 2nλ: the unscaled form's penalty for glmnet's λ. */
    public static double lambdaPrime(double n, double lambda) {
        return 2 * n * lambda;
    }

    /** λ = λ′ / 2n: glmnet's λ for the unscaled form's λ′. */
    public static double lambda(double n, double lambdaPrime) {
        return lambdaPrime / (2 * n);
    }
}
