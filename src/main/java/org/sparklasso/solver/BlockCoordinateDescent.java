package org.sparklasso.solver;

import org.sparklasso.datafit.QuadraticForm;
import org.sparklasso.penalty.DualPenalty;
import org.sparklasso.penalty.GroupPenalty;

/**
 * Block coordinate descent on a {@link QuadraticForm} for a group penalty (the group lasso in
 * glmnet's covariance mode): {@link CoordinateDescent}'s sweeps (all groups, then the nonzero ones
 * while they make progress) with a group at a time in place of a coordinate. A group's update
 * minimizes the quadratic restricted to the group by proximal gradient steps with the step 1/L_g,
 * L_g the largest eigenvalue of the group's Gram block (Qin, Scheinberg, Goldfarb 2013, "Efficient
 * block-coordinate descent algorithms for the group lasso", Math. Prog. Comp. 5; the group's
 * gradient kept in O(|g|²) per step), then updates the full gradient once in O(p·|g|). Stops when
 * the duality gap relative to the objective is at most {@code tol}. No data pass is made.
 */
public final class BlockCoordinateDescent {
    /** Proximal gradient steps per group update (each O(|g|²)). */
    static final int GROUP_STEPS = 20;
    private final double tol;
    private final int maxSweeps;
    /** The Gram blocks and their L_g, computed at the first solve and kept for the quadratic form's path. */
    private QuadraticForm cachedFor;
    private double[][] blocks;
    private double[] lipschitz;

    public BlockCoordinateDescent(double tol, int maxSweeps) {
        this.tol = tol;
        this.maxSweeps = maxSweeps;
    }

    public <P extends GroupPenalty & DualPenalty> SolverResult solve(QuadraticForm q, P penalty, double[] warmStart) {
        int p = q.p();
        double[] b = warmStart.clone();
        penalty.prox(b, 0);
        prepare(q, penalty);
        double[] u = new double[p];
        CoordinateDescent.recomputeGradient(q, b, u);
        int sweeps = 0;
        double[] state = CoordinateDescent.gapState(q, b, u, penalty);
        while (!converged(state) && sweeps < maxSweeps) {
            sweep(q, penalty, blocks, lipschitz, b, u, true);
            sweeps++;
            CoordinateDescent.recomputeGradient(q, b, u);
            state = CoordinateDescent.gapState(q, b, u, penalty);
            while (!converged(state) && sweeps < maxSweeps) {
                double decrease = sweep(q, penalty, blocks, lipschitz, b, u, false);
                sweeps++;
                state = CoordinateDescent.gapState(q, b, u, penalty);
                if (decrease <= 0.1 * state[1]) {
                    break;
                }
            }
        }
        CoordinateDescent.recomputeGradient(q, b, u);
        state = CoordinateDescent.gapState(q, b, u, penalty);
        double relative = state[0] > 0 ? state[1] / state[0] : state[1];
        return new SolverResult(b, state[2], state[0], state[1], relative, converged(state), sweeps, 0, u, null);
    }

    private boolean converged(double[] state) {
        return state[1] <= tol * state[0];
    }

    /** The Gram block and L_g of every group (the groups are the same along a path: only λ and screening change). */
    private void prepare(QuadraticForm q, GroupPenalty penalty) {
        if (cachedFor == q && blocks.length == penalty.groups()) {
            return;
        }
        blocks = new double[penalty.groups()][];
        lipschitz = new double[penalty.groups()];
        for (int g = 0; g < blocks.length; g++) {
            blocks[g] = gramBlock(q, penalty.members(g));
            lipschitz[g] = largestEigenvalue(blocks[g], penalty.members(g).length);
        }
        cachedFor = q;
    }

    /** One sweep over the active groups (or the nonzero ones); returns Σ ½L_g‖Δ_g‖², about the decrease. */
    private static <P extends GroupPenalty> double sweep(QuadraticForm q, P penalty, double[][] blocks,
                                                         double[] lipschitz, double[] b, double[] u, boolean full) {
        int p = q.p();
        double[] gram = q.gram();
        double decrease = 0;
        for (int g = 0; g < blocks.length; g++) {
            if (!penalty.isActive(g)) {
                continue;
            }
            int[] m = penalty.members(g);
            int size = m.length;
            double[] bg = new double[size];
            double[] ug = new double[size];
            boolean zero = true;
            for (int k = 0; k < size; k++) {
                bg[k] = b[m[k]];
                ug[k] = u[m[k]];
                zero &= bg[k] == 0;
            }
            if (!full && zero) {
                continue;
            }
            double[] total = groupUpdate(penalty, g, blocks[g], lipschitz[g], bg, ug);
            double L = lipschitz[g];
            double sq = 0;
            for (int k = 0; k < size; k++) {
                double delta = total[k];
                if (delta == 0) {
                    continue;
                }
                b[m[k]] = bg[k];
                int col = m[k] * p;
                for (int i = 0; i < p; i++) {
                    u[i] -= gram[i + col] * delta;
                }
                sq += delta * delta;
            }
            decrease += 0.5 * L * sq;
        }
        return decrease;
    }

    /**
     * One group's update on a quadratic: proximal-gradient steps with step 1/L on
     * {@code −ugᵀ(z − bg) + ½(z − bg)ᵀB(z − bg) + g_g(z)} (B the group's block, column-major), the
     * group's negative gradient {@code ug} kept in O(|g|²) per step, until the step stops moving or
     * after {@link #GROUP_STEPS}. In place: bg (the new coefficients) and ug (the gradient there).
     * Returns the total change, for the caller to carry into the rest of its gradient.
     */
    static double[] groupUpdate(GroupPenalty penalty, int group, double[] block, double L, double[] bg, double[] ug) {
        int size = bg.length;
        double[] total = new double[size];
        double[] v = new double[size];
        for (int step = 0; step < GROUP_STEPS; step++) {
            for (int k = 0; k < size; k++) {
                v[k] = bg[k] + ug[k] / L;
            }
            penalty.groupMinimizer(group, v, L);
            double moved = 0;
            double norm = 0;
            for (int k = 0; k < size; k++) {
                double delta = v[k] - bg[k];
                if (delta != 0) {
                    for (int i = 0; i < size; i++) {
                        ug[i] -= block[i + k * size] * delta;
                    }
                }
                total[k] += delta;
                bg[k] = v[k];
                moved += delta * delta;
                norm += bg[k] * bg[k];
            }
            if (moved <= 1e-20 * norm || moved == 0) {
                break;
            }
        }
        return total;
    }

    /** The group's block of the Gram matrix, column-major |g|×|g|. */
    private static double[] gramBlock(QuadraticForm q, int[] members) {
        int m = members.length;
        double[] block = new double[m * m];
        for (int c = 0; c < m; c++) {
            for (int r = 0; r < m; r++) {
                block[r + c * m] = q.gram(members[r], members[c]);
            }
        }
        return block;
    }

    /**
     * The largest eigenvalue of a symmetric positive semidefinite block, from above: power iteration
     * gives μ ≤ λ_max, and the residual r = Ax − μx (‖x‖ = 1) puts an eigenvalue within ‖r‖ of μ;
     * μ + ‖r‖ once the iteration has settled, capped by Gershgorin's bound (max row sum), which
     * always holds. A step 1/L with L at or above λ_max keeps each group update a descent step.
     */
    static double largestEigenvalue(double[] a, int m) {
        double gershgorin = 0;
        for (int r = 0; r < m; r++) {
            double row = 0;
            for (int c = 0; c < m; c++) {
                row += Math.abs(a[r + c * m]);
            }
            gershgorin = Math.max(gershgorin, row);
        }
        if (m == 1) {
            return Math.max(a[0], Double.MIN_NORMAL);
        }
        // a start with no symmetry (all ones can be orthogonal to the top eigenvector of a structured block)
        double[] x = new double[m];
        for (int r = 0; r < m; r++) {
            x[r] = 1 + 0.37 * Math.sin(r + 1.0);
        }
        double mu = 0;
        double residual = Double.POSITIVE_INFINITY;
        for (int it = 0; it < 100 && residual > 1e-12 * Math.max(mu, Double.MIN_NORMAL); it++) {
            double[] y = new double[m];
            for (int c = 0; c < m; c++) {
                for (int r = 0; r < m; r++) {
                    y[r] += a[r + c * m] * x[c];
                }
            }
            mu = 0;
            for (int r = 0; r < m; r++) {
                mu += x[r] * y[r];
            }
            double rr = 0;
            double yy = 0;
            for (int r = 0; r < m; r++) {
                double d = y[r] - mu * x[r];
                rr += d * d;
                yy += y[r] * y[r];
            }
            residual = Math.sqrt(rr);
            double norm = Math.sqrt(yy);
            if (norm == 0) {
                break;
            }
            for (int r = 0; r < m; r++) {
                x[r] = y[r] / norm;
            }
        }
        return Math.max(Math.min(gershgorin, mu + residual), Double.MIN_NORMAL);
    }
}
