package org.sparklasso.solver;

/**
 * One subgradient step on the lasso objective, {@code w ← w − η (∂loss/∂w + λ·sign(w))}: the
 * textbook update (with sign(0) = 0). Shown for reference and for the seed's worked example; the
 * project's solvers use proximal steps (soft-thresholding) instead, which reach exact zeros and
 * converge where subgradient steps only oscillate near the optimum.
 */
public final class SubgradientStep {
    private SubgradientStep() {
    }

    public static double apply(double w, double learningRate, double lossDerivative, double lambda) {
        return w - learningRate * (lossDerivative + lambda * Math.signum(w));
    }
}
