package org.sparklasso.solver;

import org.sparklasso.datafit.LossOracle;

import org.sparklasso.penalty.DualPenalty;
import org.sparklasso.penalty.Penalty;

/**
 * Accelerated proximal gradient (FISTA; Beck and Teboulle 2009) with backtracking on the step and
 * function-value adaptive restart (O'Donoghue and Candès 2015).
 *
 * <p>Each iteration makes exactly one data pass, which evaluates two points at once: the new
 * iterate x (its loss checks the backtracking condition of the step that produced it, and its
 * gradient gives the duality gap) and the extrapolated point y the next step starts from. A failed
 * backtracking check doubles L and repeats the step, wasting one pass. On restart the gradient at
 * x is already known, so restarting costs nothing.
 *
 * <p>{@link #withoutMomentum} is the same method without the extrapolation: ISTA, the plain
 * proximal gradient method (solver {@code gd}), whose error decays as O(1/k) against FISTA's
 * O(1/k²) (Beck and Teboulle 2009, Thms 3.1 and 4.4). It evaluates one point per pass, and its L
 * also comes down: after each accepted step L ← {@link #ISTA_DECREASE}·L (Nesterov's adaptive
 * scheme, "Gradient methods for minimizing composite functions", 2013, §3), so the step follows the
 * local curvature. A logistic loss flattens near a nearly separating optimum; with L only doubling
 * from its largest value, gd took 41,780 steps at breast cancer's first fixture λ.
 *
 * <p>Needs of the penalty: its value and prox ({@link Penalty}), and what the stopping rule needs
 * (the duality gap's {@link DualPenalty} by default).
 */
public final class Fista {
    /** gd's L after an accepted step: one rejected step (a pass) per ~7 accepted ones when L is right. */
    static final double ISTA_DECREASE = 0.9;
    private final double tol;
    private final int maxIter;
    private final boolean momentum;

    public Fista(double tol, int maxIter) {
        this(tol, maxIter, true);
    }

    private Fista(double tol, int maxIter, boolean momentum) {
        this.tol = tol;
        this.maxIter = maxIter;
        this.momentum = momentum;
    }

    /** ISTA: proximal gradient steps with backtracking, no momentum (solver {@code gd}). */
    public static Fista withoutMomentum(double tol, int maxIter) {
        return new Fista(tol, maxIter, false);
    }

    /**
     * @param lipschitz initial estimate of the gradient's Lipschitz constant (1 is the mean
     *                  eigenvalue of a standardized Gram matrix: a lower bound of the largest)
     * @return the result; {@link #lastLipschitz()} gives the final L for the next warm start
     */
    public SolverResult solve(LossOracle oracle, DualPenalty penalty, double[] warmStart, double lipschitz) {
        return solve(oracle, penalty, warmStart, lipschitz, Convergence.DUALITY_GAP);
    }

    /**
     * As above, stopping when {@code convergence}'s measure ≤ tol · its scale: any penalty with a
     * prox, and what the measure needs of it.
     */
    public <P extends Penalty> SolverResult solve(LossOracle oracle, P penalty, double[] warmStart, double lipschitz,
                                                  Convergence<? super P> convergence) {
        int startPasses = oracle.passes();
        double L = lipschitz;
        double[] x = warmStart.clone();
        penalty.prox(x, 0); // zero inactive coordinates
        LossOracle.Evaluation ex = oracle.evaluate(x)[0];
        double fx = ex.loss() + penalty.value(x);
        double gap = convergence.measure(ex, x, penalty);
        double[] y = x;
        LossOracle.Evaluation ey = ex;
        double t = 1;
        int iter = 0;
        while (gap > tol * convergence.scale(fx) && iter < maxIter) {
            double[] xNew = step(y, ey.negGradient(), L, penalty);
            double tNew = momentum ? (1 + Math.sqrt(1 + 4 * t * t)) / 2 : 1;
            double[] yNew = momentum ? extrapolate(xNew, x, (t - 1) / tNew) : null;
            LossOracle.Evaluation[] e = momentum ? oracle.evaluate(xNew, yNew) : oracle.evaluate(xNew);
            iter++;
            if (!sufficientDecrease(e[0].loss(), ey, y, xNew, L)) {
                L *= 2;
                continue;
            }
            double fNew = e[0].loss() + penalty.value(xNew);
            gap = convergence.measure(e[0], xNew, penalty);
            if (!momentum || fNew > fx) {
                // restart the momentum from xNew, whose gradient we already have (ISTA: every step)
                t = 1;
                y = xNew;
                ey = e[0];
            } else {
                t = tNew;
                y = yNew;
                ey = e[1];
            }
            x = xNew;
            ex = e[0];
            fx = fNew;
            IterationTrace.record(fx, oracle.passes());
            if (!momentum) {
                L *= ISTA_DECREASE;
            }
        }
        lastLipschitz = L;
        double relative = gap / convergence.scale(fx);
        return new SolverResult(x, ex.loss(), fx, gap, relative, relative <= tol, iter, oracle.passes() - startPasses,
                ex.negGradient(), ex.heldOut());
    }

    private double lastLipschitz = Double.NaN;

    /** The step constant L reached by the last solve (a good start for the next λ). */
    public double lastLipschitz() {
        return lastLipschitz;
    }

    private static double[] step(double[] y, double[] negGradient, double L, Penalty penalty) {
        double[] x = new double[y.length];
        for (int j = 0; j < y.length; j++) {
            x[j] = y[j] + negGradient[j] / L;
        }
        penalty.prox(x, 1 / L);
        return x;
    }

    private static double[] extrapolate(double[] x, double[] xPrev, double momentum) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            y[j] = x[j] + momentum * (x[j] - xPrev[j]);
        }
        return y;
    }

    /** f(x) ≤ f(y) + ∇f(y)ᵀ(x−y) + L/2‖x−y‖², with a rounding allowance. */
    private static boolean sufficientDecrease(double fxLoss, LossOracle.Evaluation ey, double[] y,
                                              double[] x, double L) {
        double lin = 0;
        double sq = 0;
        for (int j = 0; j < x.length; j++) {
            double d = x[j] - y[j];
            lin -= ey.negGradient()[j] * d;
            sq += d * d;
        }
        double bound = ey.loss() + lin + 0.5 * L * sq;
        return fxLoss <= bound + 1e-12 * Math.abs(ey.loss());
    }
}
