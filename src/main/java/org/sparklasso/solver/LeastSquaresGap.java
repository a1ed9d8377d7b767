package org.sparklasso.solver;

import org.sparklasso.penalty.DualPenalty;

/**
 * Duality gap of {@code min_b (1/2n)‖ỹ − X̃b‖²_W + g(b)}. The dual point is built from the
 * residual, θ = s·W r / n, rescaled by the largest s ≤ 1 that makes it feasible (Fenchel duality;
 * see e.g. Ndiaye et al., "Gap Safe screening rules for sparsity enforcing penalties", JMLR 2017):
 * {@code D = s·(1/n)Σwᵣỹ − s²·(1/2n)Σwr² − g*(s·X̃ᵀWr/n)}.
 */
public final class LeastSquaresGap {
    private LeastSquaresGap() {
    }

    /**
     * @param loss  (1/2n) Σ w r²
     * @param rDotY (1/n) Σ w r ỹ
     * @param u     X̃ᵀWr/n (= −∇loss)
     * @return the (non-negative) duality gap
     */
    public static double gap(double loss, double rDotY, double[] u, double[] b, DualPenalty penalty) {
        double primal = loss + penalty.value(b);
        double s = penalty.feasibleScale(u);
        double[] su = u.clone();
        for (int j = 0; j < su.length; j++) {
            su[j] *= s;
        }
        double dual = s * rDotY - s * s * loss - penalty.conjugate(su, b);
        return Math.max(0, primal - dual);
    }
}
