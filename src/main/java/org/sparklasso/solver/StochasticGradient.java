package org.sparklasso.solver;

import org.sparklasso.datafit.LossOracle;
import org.sparklasso.datafit.ProximalMap;
import org.sparklasso.datafit.StochasticEpoch;
import org.sparklasso.datafit.StochasticOracle;
import org.sparklasso.penalty.Penalty;

/**
 * Proximal stochastic gradient, distributed as local SGD with model averaging once per epoch
 * ({@link StochasticEpoch}): each epoch is one pass in which every partition runs proximal
 * mini-batch steps over its own rows from the current model, and the driver takes the
 * partitions' average as the next model. The same pass evaluates the epoch's start point, so the
 * objective and the stopping measure of every epoch's model come with no extra pass.
 *
 * <p>Steps: a decreasing step (chosen over AdaGrad: one documented rule, no per-coordinate state
 * to average across partitions), α = α₀,m/√e in epoch e for mini-batches of m rows
 * ({@link StochasticEpoch#step}), α₀,m = 1/(L + T/m) with L the loss's smoothness and T the rows'
 * mean smoothness, both measured by each partition on its first rows, or the user's {@code stepSize}.
 * Each partition returns the average of its iterates (weighted by step number: {@code LocalSgd}),
 * which makes the decreasing step robust to its scale (Moulines and Bach, "Non-asymptotic analysis
 * of stochastic approximation algorithms for machine learning", NIPS 2011).
 *
 * <p>Averaged iterates are dense: coordinates whose optimum is 0 keep noise of the size of the
 * last steps. The documented thresholding is one proximal gradient step from the best model at the
 * last epoch's step (its full gradient is at hand): it zeroes those coordinates, and its model is
 * taken when its objective is lower (one more pass).
 *
 * <p>Honest about what it is: it runs {@code epochs} epochs unless an epoch's start already meets
 * the stopping rule ({@code converged}); it returns the best model it evaluated with the rule
 * that stopped it ({@code "converged"} or {@code "budget"}) in {@link SolverResult.Approximate},
 * and the stopping measure (gap or KKT violation) that model reached. One pass per epoch, plus
 * one for the last model and one for the thresholded one.
 */
public final class StochasticGradient {
    private final double tol;
    private final int epochs;
    private final double miniBatchFraction;
    private final long seed;
    private final double stepSize;

    /**
     * @param epochs            passes of local SGD per λ
     * @param miniBatchFraction a mini-batch's share of a block's training rows
     * @param seed              the sampler's seed
     * @param stepSize          α₀, or NaN for 1/(L + T/m) measured by each partition
     */
    public StochasticGradient(double tol, int epochs, double miniBatchFraction, long seed, double stepSize) {
        this.tol = tol;
        this.epochs = epochs;
        this.miniBatchFraction = miniBatchFraction;
        this.seed = seed;
        this.stepSize = stepSize;
    }

    public <P extends Penalty> SolverResult solve(StochasticOracle oracle, P penalty, double[] warmStart,
                                                  Convergence<? super P> convergence) {
        int startPasses = oracle.passes();
        double[] x = warmStart.clone();
        penalty.prox(x, 0);
        ProximalMap prox = penalty::prox;
        Best best = new Best();
        String rule = "budget";
        int epoch = 0;
        double lastStep = Double.NaN;
        while (true) {
            LossOracle.Evaluation e;
            double[] next = null;
            if (epoch < epochs) {
                epoch++;
                StochasticOracle.EpochResult r = oracle.epoch(x,
                        new StochasticEpoch(epoch, stepSize, miniBatchFraction, seed, prox));
                e = r.start();
                next = r.end().point();
                if (!Double.isNaN(r.end().baseStep())) {
                    lastStep = r.end().baseStep() / Math.sqrt(epoch);
                }
            } else {
                e = oracle.evaluate(x)[0];
            }
            double f = best.offer(x, e, penalty.value(x), oracle.passes());
            if (convergence.measure(e, x, penalty) <= tol * convergence.scale(f)) {
                best.take(x, e, f);
                rule = "converged";
                break;
            }
            if (next == null) {
                break;
            }
            x = next;
        }
        if (!rule.equals("converged") && lastStep > 0) {
            // the documented thresholding: one proximal gradient step at the last epoch's step
            double[] t = best.point.clone();
            double[] u = best.evaluation.negGradient();
            for (int j = 0; j < t.length; j++) {
                t[j] += lastStep * u[j];
            }
            penalty.prox(t, lastStep);
            best.offer(t, oracle.evaluate(t)[0], penalty.value(t), oracle.passes());
        }
        double gap = convergence.measure(best.evaluation, best.point, penalty);
        double relative = gap / convergence.scale(best.objective);
        if (relative <= tol) {
            rule = "converged";
        }
        return new SolverResult(best.point, best.evaluation.loss(), best.objective, gap, relative,
                rule.equals("converged"), epoch, oracle.passes() - startPasses, best.evaluation.negGradient(),
                best.evaluation.heldOut(), new SolverResult.Approximate(rule, best.point, best.objective));
    }

    /** The best model evaluated so far. */
    private static final class Best {
        double[] point;
        LossOracle.Evaluation evaluation;
        double objective = Double.POSITIVE_INFINITY;

        /** Records a model (traced) and keeps it if it is the best; returns its objective. */
        double offer(double[] x, LossOracle.Evaluation e, double penaltyValue, int passes) {
            double f = e.loss() + penaltyValue;
            IterationTrace.record(f, passes);
            if (f < objective) {
                take(x, e, f);
            }
            return f;
        }

        void take(double[] x, LossOracle.Evaluation e, double f) {
            point = x;
            evaluation = e;
            objective = f;
        }
    }
}
