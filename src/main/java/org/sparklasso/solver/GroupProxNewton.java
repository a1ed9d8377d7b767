package org.sparklasso.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sparklasso.datafit.LossOracle;
import org.sparklasso.datafit.NewtonOracle;
import org.sparklasso.penalty.GroupPenalty;
import org.sparklasso.penalty.PathPenalty;

/**
 * Proximal Newton for a group penalty on a one-margin model (the binomial group lasso): each step
 * takes the loss, gradient and Hessian on a working set of groups (nonzero, or with a score near
 * their threshold) plus the intercept, minimizes the penalized quadratic model by block coordinate
 * descent on the driver ({@link BlockCoordinateDescent}'s group update on the Hessian's blocks,
 * Newton on the intercept), then searches the step length by Armijo's rule on the true objective
 * (Lee, Sun, Saunders 2014, "Proximal Newton-type methods for minimizing composite functions",
 * SIAM J. Optim. 24). The line-search pass evaluates every step length at once and the Hessian at
 * the full step (working set widened by the groups near entering), so when Newton takes the full
 * step, as it does near the solution, the next step needs no Hessian pass: about one pass a step.
 * Stops on {@code convergence} (the KKT residual).
 */
public final class GroupProxNewton {
    private static final double[] STEPS = {1, 0.5, 0.25, 0.125, 1.0 / 16, 1.0 / 64, 1.0 / 256};
    private static final double ARMIJO = 1e-4;
    /** A zero group whose score is this fraction of its threshold joins the working set. */
    private static final double NEAR = 0.5;
    /** Sweeps of the model's block coordinate descent per step (each O(|W|²)). */
    private static final int MODEL_SWEEPS = 500;

    private final double tol;
    private final int maxIter;

    public GroupProxNewton(double tol, int maxIter) {
        this.tol = tol;
        this.maxIter = maxIter;
    }

    public <P extends GroupPenalty & PathPenalty<P>> SolverResult solve(NewtonOracle oracle, P penalty,
            double[] warmStart, Convergence<? super P> convergence) {
        int startPasses = oracle.passes();
        double[] x = warmStart.clone();
        penalty.prox(x, 0);
        LossOracle.Evaluation ev = oracle.evaluate(x)[0];
        double fx = ev.loss() + penalty.value(x);
        double measure = convergence.measure(ev, x, penalty);
        int[] knownSet = null;
        double[][] knownHessians = null;
        int iter = 0;
        while (measure > tol * convergence.scale(fx) && iter < maxIter) {
            iter++;
            int[] groups = workingGroups(penalty, x, ev.negGradient());
            int[] set = penalty.coordinatesOf(groups);
            double[] hessian;
            if (knownSet != null && WorkingSetSolver.covers(knownSet, set)) {
                hessian = NewtonModel.principal(knownHessians, knownSet, set, 1)[0];
            } else {
                hessian = oracle.evaluateWithHessian(x, set).hessians()[0];
            }
            double[] z = modelMinimizer(penalty, groups, set, hessian, x, ev.negGradient(), measure);
            double decrease = predictedDecrease(penalty, x, z, ev.negGradient(), fx - ev.loss());
            if (!(decrease < 0)) {
                break; // the model predicts no descent: x is optimal to rounding
            }
            double[][] points = new double[STEPS.length][];
            for (int s = 0; s < STEPS.length; s++) {
                points[s] = new double[x.length];
                for (int j = 0; j < x.length; j++) {
                    points[s][j] = x[j] + STEPS[s] * (z[j] - x[j]);
                }
            }
            // the Hessian at the full step, on the working set there, for the next step
            int[] nextSet = penalty.coordinatesOf(workingGroups(penalty, z, null));
            int[] union = WorkingSetSolver.union(set, nextSet);
            NewtonOracle.NewtonPoints trial = oracle.evaluateWithHessian(points, union);
            int chosen = -1;
            for (int s = 0; s < STEPS.length && chosen < 0; s++) {
                double f = trial.evaluations()[s].loss() + penalty.value(points[s]);
                if (f <= fx + ARMIJO * STEPS[s] * decrease) {
                    chosen = s;
                }
            }
            if (chosen < 0) {
                break; // no step decreases the objective: rounding level
            }
            x = points[chosen];
            ev = trial.evaluations()[chosen];
            fx = ev.loss() + penalty.value(x);
            IterationTrace.record(fx, oracle.passes());
            knownSet = chosen == 0 ? union : null;
            knownHessians = chosen == 0 ? trial.hessians() : null;
            measure = convergence.measure(ev, x, penalty);
        }
        double relative = measure / convergence.scale(fx);
        return new SolverResult(x, ev.loss(), fx, measure, relative, relative <= tol, iter,
                oracle.passes() - startPasses, ev.negGradient(), ev.heldOut());
    }

    /** Active groups nonzero at x or, with u given, whose score is at least NEAR of their threshold. */
    private static <P extends GroupPenalty & PathPenalty<P>> int[] workingGroups(P penalty, double[] x, double[] u) {
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g < penalty.groups(); g++) {
            if (!penalty.isActive(g)) {
                continue;
            }
            boolean near = u != null && penalty.featureScore(u, g) >= NEAR * penalty.lambda() * penalty.l1Weight(g);
            if (near || penalty.isNonzero(x, g)) {
                out.add(g);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The minimizer z of {@code −uᵀ(z − x) + ½(z − x)ᵀH(z − x) + g(z)} over the working set's
     * coordinates and the intercept (H: (m+1)×(m+1), intercept last): block coordinate descent,
     * each group by {@link BlockCoordinateDescent#groupUpdate} on its block, the intercept exactly, until
     * the model's own KKT residual is a tenth of the current one.
     */
    private static <P extends GroupPenalty & PathPenalty<P>> double[] modelMinimizer(P penalty, int[] groups, int[] set,
            double[] hessian, double[] x, double[] u, double measure) {
        int m = set.length;
        int m1 = m + 1;
        int icpt = penalty.interceptIndex();
        boolean intercept = icpt >= 0 && penalty.fitIntercept();
        double[] z = x.clone();
        // r = −∇ of the smooth model part at z, on the set's positions then the intercept
        double[] r = new double[m1];
        for (int a = 0; a < m; a++) {
            r[a] = u[set[a]];
        }
        r[m] = icpt >= 0 ? u[icpt] : 0;
        int[][] positions = new int[groups.length][];
        double[] lipschitz = new double[groups.length];
        double[][] blocks = new double[groups.length][];
        for (int k = 0; k < groups.length; k++) {
            int[] members = penalty.members(groups[k]);
            positions[k] = new int[members.length];
            for (int i = 0; i < members.length; i++) {
                positions[k][i] = Arrays.binarySearch(set, members[i]);
            }
            blocks[k] = block(hessian, m1, positions[k]);
            lipschitz[k] = BlockCoordinateDescent.largestEigenvalue(blocks[k], members.length);
        }
        double[] full = new double[x.length];
        for (int sweep = 0; sweep < MODEL_SWEEPS; sweep++) {
            if (intercept && hessian[m + m * m1] > 0) {
                double delta = r[m] / hessian[m + m * m1];
                z[icpt] += delta;
                for (int a = 0; a < m1; a++) {
                    r[a] -= hessian[a + m * m1] * delta;
                }
            }
            for (int k = 0; k < groups.length; k++) {
                int[] pos = positions[k];
                double[] bg = new double[pos.length];
                double[] rg = new double[pos.length];
                for (int i = 0; i < pos.length; i++) {
                    bg[i] = z[set[pos[i]]];
                    rg[i] = r[pos[i]];
                }
                double[] total = BlockCoordinateDescent.groupUpdate(penalty, groups[k], blocks[k], lipschitz[k], bg,
                        rg);
                for (int i = 0; i < pos.length; i++) {
                    if (total[i] != 0) {
                        z[set[pos[i]]] = bg[i];
                        for (int a = 0; a < m1; a++) {
                            r[a] -= hessian[a + pos[i] * m1] * total[i];
                        }
                    }
                }
            }
            // the model's KKT residual (its gradient placed in a full vector)
            for (int a = 0; a < m; a++) {
                full[set[a]] = r[a];
            }
            double worst = intercept ? Math.abs(r[m]) : 0;
            for (int g : groups) {
                worst = Math.max(worst, penalty.subdiffDistance(g, z, full));
            }
            if (worst <= 0.1 * measure) {
                break;
            }
        }
        return z;
    }

    /** The sub-block of H (m1 × m1, column-major) on the given positions. */
    private static double[] block(double[] hessian, int m1, int[] pos) {
        int k = pos.length;
        double[] out = new double[k * k];
        for (int c = 0; c < k; c++) {
            for (int a = 0; a < k; a++) {
                out[a + c * k] = hessian[pos[a] + pos[c] * m1];
            }
        }
        return out;
    }

    /** −uᵀ(z − x) + g(z) − g(x): the model's predicted decrease without its curvature (Lee et al.'s Δ). */
    private static double predictedDecrease(GroupPenalty penalty, double[] x, double[] z, double[] u, double gx) {
        double lin = 0;
        for (int j = 0; j < x.length; j++) {
            lin -= u[j] * (z[j] - x[j]);
        }
        return lin + penalty.value(z) - gx;
    }
}
