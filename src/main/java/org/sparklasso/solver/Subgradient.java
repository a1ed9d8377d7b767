package org.sparklasso.solver;

import org.sparklasso.datafit.LossOracle;
import org.sparklasso.penalty.SubgradientPenalty;

/**
 * The subgradient method, as the seed states it: {@code w ← Π(w − αₜ(∇L(w) + ∂g(w)))}, with
 * ∂g(w) the penalty's textbook element (λ·sign(w), sign(0) = 0: {@link SubgradientPenalty}), Π the
 * projection onto the coefficient limits ({@code prox(w, 0)}), and the diminishing step
 * αₜ = α₀/√t. It keeps the best iterate, as the method's guarantee is about the best one: with
 * αₜ ∝ 1/√t, f(best) − f* = O(log t/√t) (Boyd, Xiao and Mutapcic, "Subgradient methods", 2003,
 * §3.2; Nesterov 2004, §3.2.3).
 *
 * <p>Honest about what it is: its iterates oscillate around the optimum instead of landing on
 * exact zeros, so it rarely meets a KKT or duality-gap stopping rule. It stops when its stopping
 * measure does reach tol (then, and only then, {@code converged}), after {@code maxIter} steps
 * ({@code "budget"}), or when {@link #STALL_STEPS} steps in a row brought no objective lower than the
 * best by a relative tol ({@code "stall"}). {@link SolverResult.Approximate} reports the rule, and
 * the best iterate thresholded: each coordinate that the penalty's share of the last step,
 * αₜ·|∂g(w)ⱼ|, would carry to or across 0 is set to 0 (one more pass gives its objective).
 *
 * <p>α₀ is {@code stepSize} when given, else 1/L with L the loss's largest curvature at the start
 * ({@link CurvatureEstimate}: 10 passes of power iteration), so the first step is a safe gradient
 * step and later ones shrink from it. One pass per step. Its stopping measure is compared with
 * tol times the best objective's scale (a diverging iterate's would inflate it).
 */
public final class Subgradient {
    /** Steps without a new best objective (by a relative tol) after which the method stops. */
    public static final int STALL_STEPS = 200;

    private final double tol;
    private final int maxIter;
    private final double stepSize;

    /**
     * @param stepSize α₀, or NaN (or ≤ 0) for 1/L from the largest curvature at the start
     */
    public Subgradient(double tol, int maxIter, double stepSize) {
        this.tol = tol;
        this.maxIter = maxIter;
        this.stepSize = stepSize;
    }

    /** The seed's step on one coordinate: {@code w − α(∂L/∂w + λ·sign(w))}. */
    public static double step(double w, double stepSize, double lossDerivative, double penaltySubgradient) {
        return w - stepSize * (lossDerivative + penaltySubgradient);
    }

    public <P extends SubgradientPenalty> SolverResult solve(LossOracle oracle, P penalty, double[] warmStart,
                                                             Convergence<? super P> convergence) {
        int startPasses = oracle.passes();
        int n = warmStart.length;
        double[] x = warmStart.clone();
        penalty.prox(x, 0);
        LossOracle.Evaluation e = oracle.evaluate(x)[0];
        double f = e.loss() + penalty.value(x);
        double[] best = x;
        LossOracle.Evaluation bestEval = e;
        double bestObjective = f;
        double measure = convergence.measure(e, x, penalty);
        double[] sub = new double[n];
        double alpha0 = stepSize > 0 ? stepSize : Double.NaN;
        double alpha = 0;
        int t = 0;
        int sinceBest = 0;
        String rule = "budget";
        while (true) {
            if (measure <= tol * convergence.scale(bestObjective)) {
                rule = "converged";
                break;
            }
            if (t >= maxIter) {
                break;
            }
            if (sinceBest >= STALL_STEPS) {
                rule = "stall";
                break;
            }
            if (Double.isNaN(alpha0)) {
                double curvature = CurvatureEstimate.largest(oracle, x, e);
                alpha0 = curvature > 0 ? 1 / curvature : 1;
            }
            t++;
            alpha = alpha0 / Math.sqrt(t);
            penalty.subgradient(x, sub);
            double[] u = e.negGradient();
            double[] next = new double[n];
            for (int j = 0; j < n; j++) {
                next[j] = step(x[j], alpha, -u[j], sub[j]);
            }
            penalty.prox(next, 0);
            x = next;
            e = oracle.evaluate(x)[0];
            f = e.loss() + penalty.value(x);
            IterationTrace.record(f, oracle.passes());
            if (f < bestObjective - tol * Math.abs(bestObjective)) {
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            if (f < bestObjective) {
                best = x;
                bestEval = e;
                bestObjective = f;
                measure = convergence.measure(e, x, penalty);
            }
        }
        double relative = convergence.measure(bestEval, best, penalty) / convergence.scale(bestObjective);
        double[] thresholded = best.clone();
        double thresholdedObjective = bestObjective;
        if (!rule.equals("converged")) {
            penalty.subgradient(best, sub);
            boolean changed = false;
            for (int j = 0; j < n; j++) {
                if (thresholded[j] != 0 && Math.abs(thresholded[j]) <= alpha * Math.abs(sub[j])) {
                    thresholded[j] = 0;
                    changed = true;
                }
            }
            if (changed) {
                thresholdedObjective = oracle.evaluate(thresholded)[0].loss() + penalty.value(thresholded);
            }
        }
        SolverResult.Approximate approximate = new SolverResult.Approximate(rule, thresholded, thresholdedObjective);
        return new SolverResult(best, bestEval.loss(), bestObjective, relative * convergence.scale(bestObjective),
                relative, rule.equals("converged"), t, oracle.passes() - startPasses, bestEval.negGradient(),
                bestEval.heldOut(), approximate);
    }
}
