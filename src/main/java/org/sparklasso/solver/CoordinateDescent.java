package org.sparklasso.solver;

import org.sparklasso.datafit.QuadraticForm;

import org.sparklasso.penalty.DualPenalty;
import org.sparklasso.penalty.SeparablePenalty;

/**
 * Cyclic coordinate descent on a {@link QuadraticForm}, as glmnet's covariance mode (Friedman,
 * Hastie, Tibshirani 2010, "Regularization paths for GLMs via coordinate descent", §2.2): a full
 * sweep over all coordinates, then sweeps over the nonzero ones while they still make progress,
 * then a full sweep again. The gradient {@code u = c − G b} is kept up to date in O(p) per changed
 * coordinate and recomputed exactly after each full sweep. Stops when the duality gap relative to
 * the objective is at most {@code tol}. No data pass is made. Needs the coordinate prox and what
 * the gap needs of the penalty.
 */
public final class CoordinateDescent {
    private final double tol;
    private final int maxSweeps;

    public CoordinateDescent(double tol, int maxSweeps) {
        this.tol = tol;
        this.maxSweeps = maxSweeps;
    }

    public <P extends SeparablePenalty & DualPenalty> SolverResult solve(QuadraticForm q, P penalty,
            double[] warmStart) {
        int p = q.p();
        double[] b = warmStart.clone();
        for (int j = 0; j < p; j++) {
            if (!penalty.isActive(j)) {
                b[j] = 0;
            }
        }
        double[] u = new double[p];
        recomputeGradient(q, b, u);
        int sweeps = 0;
        double[] state = gapState(q, b, u, penalty);
        while (!converged(state) && sweeps < maxSweeps) {
            sweep(q, penalty, b, u, true);
            sweeps++;
            recomputeGradient(q, b, u);
            state = gapState(q, b, u, penalty);
            while (!converged(state) && sweeps < maxSweeps) {
                double decrease = sweep(q, penalty, b, u, false);
                sweeps++;
                state = gapState(q, b, u, penalty);
                // the nonzero set is (nearly) solved: what is left needs the other coordinates
                if (decrease <= 0.1 * state[1]) {
                    break;
                }
            }
        }
        recomputeGradient(q, b, u);
        state = gapState(q, b, u, penalty);
        double relative = state[0] > 0 ? state[1] / state[0] : state[1];
        return new SolverResult(b, state[2], state[0], state[1], relative, converged(state), sweeps, 0, u, null);
    }

    /** One sweep (all active coordinates, or only the nonzero ones); returns Σ ½hΔ², the decrease. */
    private static double sweep(QuadraticForm q, SeparablePenalty penalty, double[] b, double[] u, boolean full) {
        int p = q.p();
        double[] g = q.gram();
        double decrease = 0;
        for (int j = 0; j < p; j++) {
            if (!penalty.isActive(j) || (!full && b[j] == 0)) {
                continue;
            }
            double h = g[j + j * p];
            double old = b[j];
            double z = u[j] + h * old;
            double next = penalty.coordinateMinimizer(j, z, h);
            if (next != old) {
                double delta = next - old;
                b[j] = next;
                int col = j * p;
                for (int k = 0; k < p; k++) {
                    u[k] -= g[k + col] * delta;
                }
                decrease += 0.5 * h * delta * delta;
            }
        }
        return decrease;
    }

    static void recomputeGradient(QuadraticForm q, double[] b, double[] u) {
        int p = q.p();
        double[] g = q.gram();
        System.arraycopy(q.c(), 0, u, 0, p);
        for (int j = 0; j < p; j++) {
            if (b[j] != 0) {
                int col = j * p;
                for (int k = 0; k < p; k++) {
                    u[k] -= g[k + col] * b[j];
                }
            }
        }
    }

    /** {objective, gap, loss}. */
    static double[] gapState(QuadraticForm q, double[] b, double[] u, DualPenalty penalty) {
        double cb = 0;
        double bu = 0;
        for (int j = 0; j < b.length; j++) {
            cb += q.c()[j] * b[j];
            bu += b[j] * u[j];
        }
        double loss = Math.max(0, 0.5 * (q.yy() - cb - bu));
        double rDotY = q.yy() - cb;
        double objective = loss + penalty.value(b);
        double gap = LeastSquaresGap.gap(loss, rDotY, u, b, penalty);
        return new double[] {objective, gap, loss};
    }

    private boolean converged(double[] state) {
        return state[1] <= tol * state[0];
    }
}
