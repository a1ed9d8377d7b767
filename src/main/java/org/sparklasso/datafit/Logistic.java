package org.sparklasso.datafit;

/**
 * Binomial log-likelihood loss {@code ℓ = log(1 + eᶠ) − y f} for y ∈ {0, 1}, computed without
 * overflow; r = y − σ(f), h = σ(f)(1 − σ(f)).
 */
public final class Logistic implements Datafit {
    private static final long serialVersionUID = 1L;

    @Override
    public int margins() {
        return 1;
    }

    /** log(1 + eᶠ) without overflow. */
    static double softplus(double f) {
        return f > 0 ? f + Math.log1p(Math.exp(-f)) : Math.log1p(Math.exp(f));
    }

    static double sigmoid(double f) {
        if (f >= 0) {
            return 1 / (1 + Math.exp(-f));
        }
        double e = Math.exp(f);
        return e / (1 + e);
    }

    @Override
    public double lossAndResidual(double y, double[] f, double[] r) {
        r[0] = y - sigmoid(f[0]);
        return softplus(f[0]) - y * f[0];
    }

    @Override
    public void hessian(double y, double[] f, double[] h) {
        double p = sigmoid(f[0]);
        h[0] = p * (1 - p);
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
