package org.sparklasso.solver;

import org.sparklasso.datafit.LossOracle;

import org.sparklasso.penalty.DualPenalty;
import org.sparklasso.penalty.Penalty;

/**
 * How a pass-based solver measures how far it is from the optimum: a measure and the scale it is
 * compared with ({@code measure ≤ tol · scale}).
 *
 * @param <P> what the measure needs of the penalty
 */
public interface Convergence<P extends Penalty> {

    /** The measure at x, from the evaluation of x. */
    double measure(LossOracle.Evaluation e, double[] x, P penalty);

    /** The scale the measure is divided by, given the objective at x. */
    double scale(double objective);

    /** Least squares: the duality gap relative to the primal objective. */
    Convergence<DualPenalty> DUALITY_GAP = new Convergence<>() {
        @Override
        public double measure(LossOracle.Evaluation e, double[] x, DualPenalty penalty) {
            return LeastSquaresGap.gap(e.loss(), e.rDotY(), e.negGradient(), x, penalty);
        }

        @Override
        public double scale(double objective) {
            return objective > 0 ? objective : 1;
        }
    };

    /**
     * Losses without a cheap dual: the largest violation of the KKT conditions relative to
     * {@code gradientScale} (the largest gradient entry at the null model, λ_max·α in glmnet's
     * terms).
     */
    static Convergence<Penalty> kkt(double gradientScale) {
        double s = gradientScale > 0 ? gradientScale : 1;
        return new Convergence<>() {
            @Override
            public double measure(LossOracle.Evaluation e, double[] x, Penalty penalty) {
                return penalty.kktViolation(x, e.negGradient());
            }

            @Override
            public double scale(double objective) {
                return s;
            }
        };
    }
}
