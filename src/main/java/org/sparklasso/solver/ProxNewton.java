package org.sparklasso.solver;

import org.sparklasso.datafit.LossOracle;
import org.sparklasso.datafit.NewtonOracle;

import java.util.ArrayList;
import java.util.List;
import org.sparklasso.penalty.BlockPenalty;
import org.sparklasso.penalty.PathPenalty;
import org.sparklasso.penalty.Penalty;

/**
 * Proximal Newton for binomial and multinomial models, as glmnet does it (Friedman, Hastie,
 * Tibshirani 2010, §3–4; Lee, Sun, Saunders 2014 for the line search): each outer step is one pass
 * returning the loss, the full gradient and the per-class Hessian restricted to a working set (the
 * nonzero features and those violating KKT), then coordinate descent on the penalized quadratic
 * model on the driver, then one pass evaluating several step lengths at once for an Armijo line
 * search on the true objective. The multinomial Hessian keeps its coupling across classes (so a
 * step is a true Newton step, not glmnet's class-by-class cycling, which would cost K passes); for
 * the grouped penalty each feature's K×K block is majorized by its Gershgorin bound so the group
 * update is closed-form. Stops on the KKT residual.
 *
 * <p>The line-search pass also computes the Hessian at the full step, speculatively: the full
 * step is what Newton takes near the solution, so the next step usually needs no Hessian pass of
 * its own, and a step costs about one pass instead of two. That Hessian covers the working set plus
 * the zero features nearest to entering, so the next λ's first step (warm-started there, with a
 * few more features let in) needs no pass either. After a full step the line search tries only
 * t = 1, and the shorter steps in one more pass when it does not decrease enough.
 *
 * <p>Along a path ({@link #lookahead}), a step's pass can also evaluate the next λ's first step,
 * taken from the quadratic model at x, computing the Hessian there instead of at x + d. If the
 * step was the λ's last, the next λ adopts that point when it passes Armijo's condition on exact
 * values, and its first step has cost no pass of its own. If not, that Hessian, taken a λ step
 * away, serves the λ's next step (a Newton step with a nearby Hessian: the gradient is exact, so
 * only the speed of convergence depends on it), which speculates again; its full step must pass
 * Armijo's condition or, below the objective's rounding level, lower the KKT residual, and it
 * must contract the residual enough for one more such step to finish the λ, else the exact
 * Hessian takes over. A step with the exact Hessian speculates when quadratic convergence
 * (residual r·(r / r_previous) after it) predicts it to finish the λ, or, in the quadratic phase,
 * to come within {@link #SPECULATION_SLACK} tolerances. B2 at 100k rows: 157 passes before
 * (speculation only on a predicted last step; a wrong prediction cost an exact Hessian pass and
 * another step), 107 with this and the longer coordinate descent of {@link NewtonModel}; the same CV errors.
 *
 * <p>A speculative pass need not compute a new Hessian: when the one at hand (exact or nearby)
 * covers the features the new one would, {@link HessianReuse} weighs its cost (K(K+1)/2·m² per row
 * over m features) against the extra pass a stale Hessian is expected to cost, with the failure
 * rate measured on this model's path, and the pass may evaluate the points only; the next steps
 * then take the Hessian at hand, under the same contraction checks as a nearby one.
 */
public final class ProxNewton {
    private static final double[] STEPS = {1, 0.5, 0.25, 0.125, 1.0 / 16, 1.0 / 64};
    private static final double[] FAST_STEPS = {1};
    /** The steps after the full one, tried when the full step alone fails Armijo's condition. */
    private static final double[] SHORT_STEPS = java.util.Arrays.copyOfRange(STEPS, 1, STEPS.length);
    private static final double ARMIJO = 1e-4;
    private static final double ROUNDING = 1e-13;
    /**
     * A step with the exact Hessian, in the quadratic phase, speculates when its predicted residual
     * is below this many tolerances: a step or two with the nearby Hessian then finish the λ at one
     * pass each (on B2 they cut the residual 20–100×). Out of the quadratic phase, only when the
     * step is predicted to finish the λ.
     */
    private static final double SPECULATION_SLACK = 1000;
    /** A step that cut the residual at least this much is taken to be in Newton's quadratic phase. */
    private static final double QUADRATIC_CONTRACTION = 0.1;
    /** A zero feature whose score is this fraction of its threshold joins the speculative Hessian. */
    private static final double NEAR = 0.75;

    private final double tol;
    private final int maxIter;
    /** The last point evaluated with its Hessian (speculatively), for the next step or solve. */
    private double[] knownPoint;
    private LossOracle.Evaluation knownEvaluation;
    private int[] knownSet;
    private double[][] knownHessians;
    /** λ → the path's next λ (NaN: none). */
    private java.util.function.DoubleUnaryOperator nextLambda = lambda -> Double.NaN;
    /** The next λ's first step, evaluated in this λ's last pass (null: none). */
    private Speculation speculation;
    /** Whether a speculative pass computes a new Hessian or the one at hand serves on. */
    private final HessianReuse reuse = new HessianReuse();

    public ProxNewton(double tol, int maxIter) {
        this.tol = tol;
        this.maxIter = maxIter;
    }

    /**
     * Tells the solver the path's next λ after each λ (NaN: none), so that each step's pass can
     * also evaluate the next λ's first step.
     */
    public void lookahead(java.util.function.DoubleUnaryOperator next) {
        this.nextLambda = next;
    }

    /**
     * One λ: any penalty with a block prox that the path can drive (its λ, features and scores),
     * stopping on {@code convergence}.
     */
    public <P extends BlockPenalty & PathPenalty<P>> SolverResult solve(NewtonOracle oracle, P penalty,
            double[] warmStart, Convergence<? super P> convergence) {
        int startPasses = oracle.passes();
        double[] x = warmStart.clone();
        penalty.prox(x, 0);
        boolean known = knownPoint != null && java.util.Arrays.equals(knownPoint, x);
        Speculation spec = speculation;
        speculation = null;
        boolean speculated = !known && spec != null && spec.lambda() == penalty.lambda()
                && java.util.Arrays.equals(spec.from(), x);
        LossOracle.Evaluation ev = known ? knownEvaluation : speculated ? spec.fromEvaluation() : oracle.evaluate(x)[0];
        double fx = ev.loss() + penalty.value(x);
        int iter = 0;
        double previousMeasure = Double.NaN;
        if (speculated && adopt(spec, penalty, x, ev, fx)) {
            // the last pass of the previous λ already took this λ's first step
            iter = 1;
            previousMeasure = convergence.measure(ev, x, penalty);
            x = spec.point();
            ev = spec.evaluation();
            fx = ev.loss() + penalty.value(x);
            known = spec.exactHessian();
            if (known) {
                knownPoint = x;
                knownEvaluation = ev;
                knownSet = spec.set();
                knownHessians = spec.hessians();
            }
        }
        double measure = convergence.measure(ev, x, penalty);
        // the Hessian at hand: exact (at x) when known; after a speculative pass, the one at the next
        // λ's first point, close to x, which serves the steps this λ still needs (their full steps
        // are checked by Armijo's condition on exact values, so only the speed depends on it)
        int[] nearbySet = speculated && !known ? spec.set() : null;
        double[][] nearbyHessians = speculated && !known ? spec.hessians() : null;
        // a nearby Hessian serves only while its steps contract the KKT residual as Newton's do;
        // where the curvature changes fast along the path (near-separable data) it can slow the
        // steps to a crawl that Armijo's condition alone would accept
        boolean nearbyServes = true;
        while (measure > tol * convergence.scale(fx) && iter < maxIter) {
            iter++;
            int[] set = workingSet(penalty, x, ev.negGradient());
            double[][] hessians;
            boolean exact = known;
            int[] heldSet;
            double[][] heldHessians;
            if (known && WorkingSetSolver.covers(knownSet, set)) {
                int[] usable = activeOf(penalty, knownSet);
                hessians = usable.length == knownSet.length ? knownHessians
                        : NewtonModel.principal(knownHessians, knownSet, usable, penalty.classes());
                heldSet = knownSet;
                heldHessians = knownHessians;
                set = usable;
            } else if (nearbyServes && nearbySet != null && WorkingSetSolver.covers(nearbySet, set)) {
                int[] usable = activeOf(penalty, nearbySet);
                hessians = NewtonModel.principal(nearbyHessians, nearbySet, usable, penalty.classes());
                heldSet = nearbySet;
                heldHessians = nearbyHessians;
                set = usable;
                exact = false;
            } else {
                NewtonOracle.NewtonPoint np = oracle.evaluateWithHessian(x, set);
                reuse.exactPass();
                ev = np.evaluation();
                hessians = np.hessians();
                heldSet = set;
                heldHessians = hessians;
                exact = true;
            }
            nearbySet = null;
            nearbyHessians = null;
            double[] d = direction(penalty, x, ev.negGradient(), hessians, set);
            double[] xd = add(x, d, 1);
            double decrease = decrease(penalty, x, ev.negGradient(), d, xd);
            // below the objective's rounding the line search cannot see progress: trust the model,
            // but only a model with the exact Hessian at x
            boolean atRoundingLevel = Math.abs(decrease) <= ROUNDING * Math.max(1, Math.abs(fx));
            double next = nextLambda.applyAsDouble(penalty.lambda());
            if (atRoundingLevel && !exact && Double.isNaN(next)) {
                set = workingSet(penalty, x, ev.negGradient());
                NewtonOracle.NewtonPoint np = oracle.evaluateWithHessian(x, set);
                reuse.exactPass();
                ev = np.evaluation();
                hessians = np.hessians();
                heldSet = set;
                heldHessians = hessians;
                d = direction(penalty, x, ev.negGradient(), hessians, set);
                xd = add(x, d, 1);
                decrease = decrease(penalty, x, ev.negGradient(), d, xd);
                atRoundingLevel = Math.abs(decrease) <= ROUNDING * Math.max(1, Math.abs(fx));
                exact = true;
            }
            if (isZero(d) || !(decrease < 0) && !atRoundingLevel) {
                break; // no descent direction left
            }
            int[] hessianSet = withNearest(set, penalty, ev.negGradient());
            double target = tol * convergence.scale(fx);
            // with the exact Hessian, speculate when the step is predicted (residual r·(r / r_previous)
            // after it) to finish the λ, or, in the quadratic phase, to come near enough for a
            // nearby Hessian to finish it; otherwise the pass computes the Hessian at x + d instead
            boolean quadratic = nearbyServes && measure <= QUADRATIC_CONTRACTION * previousMeasure;
            boolean lastLikely = previousMeasure > 0
                    && measure * (measure / previousMeasure) <= (quadratic ? SPECULATION_SLACK : 1) * target;
            previousMeasure = measure;
            if (!Double.isNaN(next) && (!exact || lastLikely)) {
                // the pass also takes the next λ's first step: if this step is the λ's last, the next
                // λ starts there with its Hessian; if not, that Hessian serves this λ's next step. When
                // the Hessian at hand covers the features the new one would and costs more than the
                // failures reusing it is expected to bring (HessianReuse), the pass evaluates points only
                reuse.choosing();
                boolean reusing = WorkingSetSolver.covers(heldSet, hessianSet)
                        && reuse.worthReusing(penalty.features(), penalty.classes(), hessianSet.length);
                Speculation sp = speculate(oracle, penalty.withLambda(next), xd, d, ev.negGradient(), hessians, set,
                        reusing ? heldSet : hessianSet, reusing ? heldHessians : null);
                if (sp != null && !sp.exactHessian()) {
                    reuse.reused();
                }
                if (sp != null) {
                    LossOracle.Evaluation atXd = sp.fromEvaluation();
                    // Armijo's condition; below the rounding level, where it cannot see progress, the
                    // exact model is trusted and a nearby one must lower the KKT residual
                    boolean accepted = atRoundingLevel
                            ? exact || convergence.measure(atXd, xd, penalty) < measure
                            : atXd.loss() + penalty.value(xd) <= fx + ARMIJO * decrease;
                    if (accepted) {
                        double before = measure;
                        x = xd;
                        ev = atXd;
                        known = false;
                        speculation = sp;
                        nearbySet = sp.set();
                        nearbyHessians = sp.hessians();
                        fx = ev.loss() + penalty.value(x);
                        measure = convergence.measure(ev, x, penalty);
                        // another step at this rate must finish the λ, or the exact Hessian takes over
                        nearbyServes &= exact || measure * (measure / before) <= target;
                        continue;
                    }
                }
                if (!exact) {
                    continue; // the nearby Hessian did not serve (or went unchecked): take the exact one
                }
            }
            LineSearch ls = lineSearch(oracle, penalty, x, d, fx, decrease, hessianSet, known ? FAST_STEPS : STEPS);
            if (ls.armijo() < 0 && known && !atRoundingLevel) {
                ls = lineSearch(oracle, penalty, x, d, fx, decrease, hessianSet, SHORT_STEPS);
            }
            int chosen = ls.armijo() >= 0 ? ls.armijo() : atRoundingLevel ? 0 : ls.best();
            if (chosen < 0) {
                break; // nothing improves: rounding level
            }
            x = ls.points()[chosen];
            ev = ls.evaluations()[chosen];
            known = chosen == 0;
            if (known) {
                knownPoint = x;
                knownEvaluation = ev;
                knownSet = hessianSet;
                knownHessians = ls.hessians();
            }
            fx = ev.loss() + penalty.value(x);
            measure = convergence.measure(ev, x, penalty);
            IterationTrace.record(fx, oracle.passes());
        }
        if (speculation != null && !java.util.Arrays.equals(speculation.from(), x)) {
            speculation = null;
        }
        double relative = measure / convergence.scale(fx);
        return new SolverResult(x, ev.loss(), fx, measure, relative, relative <= tol, iter,
                oracle.passes() - startPasses, ev.negGradient(), ev.heldOut());
    }

    /**
     * The next λ's first step, taken in the pass that evaluated this λ's last: from {@code from}
     * (evaluated exactly, without a Hessian) to {@code point}, evaluated with its Hessian over
     * {@code set}.
     */
    private record Speculation(double lambda, double[] from, LossOracle.Evaluation fromEvaluation, double[] point,
                               LossOracle.Evaluation evaluation, int[] set, double[][] hessians,
                               boolean exactHessian) {
    }

    /**
     * One pass evaluating the full step x + d of this λ and, from there, the next λ's Newton step
     * on the quadratic model at x (its gradient at x + d is u − Hd); the Hessian is computed at
     * the latter, which is where the path goes next. Null (no pass spent) if the next step is
     * zero; the caller decides whether x + d is accepted.
     */
    private static <P extends BlockPenalty & PathPenalty<P>> Speculation speculate(NewtonOracle oracle, P next,
            double[] xd, double[] d, double[] u, double[][] hessians, int[] set, int[] hessianSet,
            double[][] reused) {
        double[] modelU = u.clone();
        double[] hd = NewtonModel.hessianTimes(next, hessians, set, d);
        for (int i = 0; i < modelU.length; i++) {
            modelU[i] -= hd[i];
        }
        double[] dNext = direction(next, xd, modelU, hessians, set);
        if (isZero(dNext)) {
            return null;
        }
        double[] y = add(xd, dNext, 1);
        if (reused != null) {
            LossOracle.Evaluation[] evs = oracle.evaluate(y, xd);
            return new Speculation(next.lambda(), xd, evs[1], y, evs[0], hessianSet, reused, false);
        }
        NewtonOracle.NewtonPoints evaluated = oracle.evaluateWithHessian(new double[][] {y, xd}, hessianSet);
        return new Speculation(next.lambda(), xd, evaluated.evaluations()[1], y, evaluated.evaluations()[0],
                hessianSet, evaluated.hessians(), true);
    }

    /**
     * Whether the speculative first step is a proper step of this λ: its nonzeros are all active
     * now, it descends on the exact gradient at its start, and it passes Armijo's condition.
     */
    private static boolean adopt(Speculation spec, PathPenalty<?> penalty, double[] x, LossOracle.Evaluation ev,
                                 double fx) {
        double[] y = spec.point();
        for (int j = 0; j < penalty.features(); j++) {
            if (!penalty.isActive(j) && penalty.isNonzero(y, j)) {
                return false;
            }
        }
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = y[i] - x[i];
        }
        double decrease = decrease(penalty, x, ev.negGradient(), d, y);
        double fy = spec.evaluation().loss() + penalty.value(y);
        return decrease < 0 && fy <= fx + ARMIJO * decrease;
    }

    /**
     * The step lengths tried in one pass: the points, their evaluations, the Hessian at the first,
     * the first index satisfying Armijo's condition and the index of the lowest objective below
     * f(x) (-1: none).
     */
    private record LineSearch(double[][] points, LossOracle.Evaluation[] evaluations, double[][] hessians,
                              int armijo, int best) {
    }

    /** One pass: the objective at x + t·d for every t in steps, and the Hessian at the first. */
    private static LineSearch lineSearch(NewtonOracle oracle, Penalty penalty, double[] x, double[] d,
                                         double fx, double decrease, int[] set, double[] steps) {
        double[][] candidates = new double[steps.length][];
        for (int s = 0; s < steps.length; s++) {
            candidates[s] = add(x, d, steps[s]);
        }
        NewtonOracle.NewtonPoints evaluated = oracle.evaluateWithHessian(candidates, set);
        LossOracle.Evaluation[] evs = evaluated.evaluations();
        int armijo = -1;
        int best = -1;
        double bestF = fx;
        for (int s = 0; s < steps.length; s++) {
            double f = evs[s].loss() + penalty.value(candidates[s]);
            if (armijo < 0 && f <= fx + ARMIJO * steps[s] * decrease) {
                armijo = s;
            }
            if (f < bestF) {
                bestF = f;
                best = s;
            }
        }
        return new LineSearch(candidates, evs, evaluated.hessians(), armijo, best);
    }

    private static int[] activeOf(PathPenalty<?> penalty, int[] set) {
        return java.util.Arrays.stream(set).filter(penalty::isActive).toArray();
    }

    /**
     * The working set plus the zero features nearest to entering (score ≥ {@value #NEAR} of their
     * threshold; the highest, at most max(4, |set|/8) of them), whatever the current screening:
     * the speculative Hessian covers them too, so when the next λ (or the next step) lets them in,
     * its first step needs no Hessian pass of its own. Sorted.
     */
    static <P extends BlockPenalty & PathPenalty<P>> int[] withNearest(int[] set, P penalty, double[] u) {
        boolean[] in = new boolean[penalty.features()];
        for (int j : set) {
            in[j] = true;
        }
        List<double[]> near = new ArrayList<>();
        for (int j = 0; j < penalty.features(); j++) {
            double score = penalty.featureScore(u, j);
            if (!in[j] && score > 0 && score >= NEAR * penalty.l1(j)) {
                near.add(new double[] {score / Math.max(penalty.l1(j), Double.MIN_NORMAL), j});
            }
        }
        if (near.isEmpty()) {
            return set;
        }
        near.sort((a, b) -> Double.compare(b[0], a[0]));
        int take = Math.min(near.size(), Math.max(4, set.length / 8));
        for (int t = 0; t < take; t++) {
            in[(int) near.get(t)[1]] = true;
        }
        return java.util.stream.IntStream.range(0, penalty.features()).filter(j -> in[j]).toArray();
    }

    /** Features that are nonzero or violate their KKT condition at x. */
    static <P extends BlockPenalty & PathPenalty<P>> int[] workingSet(P penalty, double[] x, double[] u) {
        List<Integer> set = new ArrayList<>();
        for (int j = 0; j < penalty.features(); j++) {
            if (penalty.isActive(j) && (penalty.isNonzero(x, j) || penalty.featureScore(u, j) > penalty.l1(j))) {
                set.add(j);
            }
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The step's direction: the minimizer of the quadratic model ({@link NewtonModel#direction}). */
    static double[] direction(BlockPenalty penalty, double[] x, double[] u, double[][] hessians, int[] set) {
        return NewtonModel.direction(penalty, x, u, hessians, set);
    }

    /** The model's predicted decrease of the objective along d from x (xd = x + d): −uᵀd + g(xd) − g(x). */
    private static double decrease(Penalty penalty, double[] x, double[] u, double[] d, double[] xd) {
        return -dot(u, d) + penalty.value(xd) - penalty.value(x);
    }

    private static boolean isZero(double[] d) {
        for (double v : d) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static double[] add(double[] x, double[] d, double t) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + t * d[i];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
