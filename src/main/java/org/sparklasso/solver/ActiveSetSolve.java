package org.sparklasso.solver;

import dev.ludovic.netlib.lapack.LAPACK;
import java.util.ArrayList;
import java.util.List;
import org.netlib.util.intW;
import org.sparklasso.penalty.BlockPenalty;
import org.sparklasso.penalty.Prox;

/**
 * Finishes a proximal Newton step's quadratic model exactly once coordinate descent has found
 * its sign pattern: with the nonzero coordinates (and the intercepts) free and the others at zero,
 * the model's minimizer solves one symmetric positive definite system (Cholesky, LAPACK dpotrf),
 * and it is the model's minimizer exactly when the free coordinates keep their signs and the fixed
 * ones satisfy their KKT conditions ({@code |∂q/∂z_j| ≤ λ₁ⱼ}). This is the active-set finish of
 * homotopy and "CD + Newton" lasso solvers (e.g. Friedman et al. 2007, §4; Johnson and Guestrin's
 * BLITZ); coordinate descent alone converges only linearly, and on ill-conditioned Hessians
 * needed thousands of sweeps. Only for a penalty whose blocks separate over their coefficients
 * ({@link BlockPenalty#coordinateSeparable()}: not the grouped multinomial, whose group steps are
 * majorized, not exact), whose term is l1·|b| + l2/2·b² on each orthant. With coefficient bounds
 * it applies only when no free coordinate reaches its bound (otherwise coordinate descent, which
 * clips, finishes the step).
 */
final class ActiveSetSolve {
    /** Slack on a fixed coordinate's KKT condition: rounding, relative to its scale. */
    private static final double KKT_SLACK = 1e-12;

    private ActiveSetSolve() {
    }

    /**
     * The model's exact minimizer with z's sign pattern over the working set {@code set} and the
     * intercepts (layout of {@link ProxNewton#direction}), or null when the pattern is not the
     * optimal one or the free block is not positive definite.
     */
    static double[] solve(BlockPenalty penalty, double[] x, double[] u, double[][] hessians, int[] set,
                          double[] z) {
        int k = penalty.classes();
        int m = set.length;
        int m1 = m + 1;
        // free coordinates as (working index, class) pairs
        List<int[]> free = new ArrayList<>();
        for (int a = 0; a < m1; a++) {
            for (int c = 0; c < k; c++) {
                boolean intercept = a == m;
                if (intercept && !penalty.fitIntercept() || hessians[c * k + c][a + a * m1] <= 0) {
                    continue;
                }
                if (intercept || z[penalty.index(set[a], c)] != 0) {
                    free.add(new int[] {a, c});
                }
            }
        }
        int nf = free.size();
        if (nf == 0) {
            return null;
        }
        double[] system = new double[nf * nf];
        double[] rhs = new double[nf];
        for (int r = 0; r < nf; r++) {
            int a = free.get(r)[0];
            int c = free.get(r)[1];
            for (int s = 0; s < nf; s++) {
                system[r + s * nf] = hessians[c * k + free.get(s)[1]][a + free.get(s)[0] * m1];
            }
            int idx = coordinate(penalty, set, a, c);
            rhs[r] = u[idx] + hessianRow(penalty, hessians, set, a, c, x, 0);
            if (a < m) {
                system[r + r * nf] += penalty.l2(set[a]);
                rhs[r] -= penalty.l1(set[a]) * Math.signum(z[idx]);
            }
        }
        intW info = new intW(0);
        LAPACK lapack = LAPACK.getInstance();
        lapack.dpotrf("U", nf, system, nf, info);
        if (info.val != 0) {
            return null;
        }
        lapack.dpotrs("U", nf, 1, system, nf, rhs, nf, info);
        if (info.val != 0) {
            return null;
        }
        double[] solution = z.clone();
        for (int r = 0; r < nf; r++) {
            int a = free.get(r)[0];
            int idx = coordinate(penalty, set, a, free.get(r)[1]);
            if (a < m && Math.signum(rhs[r]) != Math.signum(z[idx]) || !Double.isFinite(rhs[r])) {
                return null;
            }
            // with bounds, the orthant's smooth piece ends at the bound: past it (or on it, where the
            // condition is one-sided) this is not the model's minimizer; coordinate descent goes on
            if (a < m && penalty.bounded()
                    && !(rhs[r] > penalty.lower(set[a]) && rhs[r] < penalty.upper(set[a]))) {
                return null;
            }
            solution[idx] = rhs[r];
        }
        // the fixed coordinates' KKT conditions at the solution: |−u + H(z − x)| ≤ λ₁
        double[] step = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            step[i] = solution[i] - x[i];
        }
        for (int a = 0; a < m; a++) {
            for (int c = 0; c < k; c++) {
                int idx = penalty.index(set[a], c);
                if (solution[idx] != 0 || hessians[c * k + c][a + a * m1] <= 0) {
                    continue;
                }
                double g = hessianRow(penalty, hessians, set, a, c, step, -u[idx]);
                double l1 = penalty.l1(set[a]);
                // a bound at 0 leaves only one direction to check (the non-negative lasso: g ≥ −λ₁)
                double excess = Prox.openScore(-g, penalty.lower(set[a]), penalty.upper(set[a]));
                if (excess > l1 + KKT_SLACK * Math.max(l1, Math.abs(u[idx]))) {
                    return null;
                }
            }
        }
        return solution;
    }

    /**
     * {@code start} plus row (a, c) of the working-set Hessian times v: Σ over classes c2 and indices b
     * of H[(a,c),(b,c2)]·v, summed in that order onto {@code start}.
     */
    private static double hessianRow(BlockPenalty penalty, double[][] hessians, int[] set, int a, int c,
                                     double[] v, double start) {
        int k = penalty.classes();
        int m1 = set.length + 1;
        double sum = start;
        for (int c2 = 0; c2 < k; c2++) {
            double[] block = hessians[c * k + c2];
            for (int b = 0; b < m1; b++) {
                sum += block[a + b * m1] * v[coordinate(penalty, set, b, c2)];
            }
        }
        return sum;
    }

    /** The coordinate of working index a (m: the intercept) in class c. */
    private static int coordinate(BlockPenalty penalty, int[] set, int a, int c) {
        return a == set.length ? penalty.interceptIndex(c) : penalty.index(set[a], c);
    }
}
