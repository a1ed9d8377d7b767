package org.sparklasso.datafit;

/**
 * Binomial log-likelihood loss {@code ℓ = log(1 + eᶠ) − y f} for y ∈ {0, 1}, computed without
 * overflow; r = y − σ(f), h = σ(f)(1 − σ(f)). With e = exp(−|f|) ∈ (0, 1], all three come from one
 * exponential: log(1 + eᶠ) = max(f, 0) + log1p(e), σ(|f|) = 1/(1 + e), h = e/(1 + e)².
 */
public final class Logistic implements Datafit {
    private static final long serialVersionUID = 1L;

    @Override
    public double curvatureBound() {
        return 0.25;
    }

    @Override
    public int margins() {
        return 1;
    }

    static double sigmoid(double f) {
        if (f >= 0) {
            return 1 / (1 + Math.exp(-f));
        }
        double e = Math.exp(f);
        return e / (1 + e);
    }

    @Override
    public double evaluate(double y, double[] f, double[] r, double[] h) {
        double z = f[0];
        double e = Math.exp(-Math.abs(z));
        double onePlus = 1 + e;
        r[0] = y - (z >= 0 ? 1 / onePlus : e / onePlus);
        if (h != null) {
            h[0] = e / (onePlus * onePlus);
        }
        return Math.max(z, 0) + log1p(e, onePlus) - y * z;
    }

    /**
     * log(1 + e) for e ≥ 0 given u = 1 + e (rounded), to a few ulps, from the intrinsic
     * {@link Math#log} instead of the much slower {@link Math#log1p} (StrictMath's fdlibm): the
     * rounding of u is undone by the factor e / (u − 1), which is exact (Goldberg 1991, "What every
     * computer scientist should know about floating-point arithmetic", Theorem 4). This runs for
     * every row at every point of every pass.
     */
    static double log1p(double e, double u) {
        return u == 1 ? e : Math.log(u) * (e / (u - 1));
    }

    @Override
    public double heldOutLoss(double y, double[] f) {
        double p = Math.min(Math.max(sigmoid(f[0]), PROB_MIN), 1 - PROB_MIN);
        return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }

    @Override
    public int predict(double[] f) {
        return f[0] > 0 ? 1 : 0;
    }
}
