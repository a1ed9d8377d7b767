package org.sparklasso.path;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sparklasso.penalty.PathPenalty;
import org.sparklasso.solver.SolverResult;

/**
 * Solves a decreasing λ sequence with warm starts and sequential strong rules (Tibshirani et
 * al. 2012, "Strong rules for discarding predictors in lasso-type problems", JRSS B): at λₖ,
 * feature j is screened out when {@code |uⱼ(λₖ₋₁)| < αwⱼ(2λₖ − λₖ₋₁)} and it was zero; the
 * restricted problem is solved, then every screened-out feature is checked against the KKT
 * condition {@code |uⱼ| ≤ λαwⱼ} and the violators are brought back and the problem re-solved.
 * Optionally stops early as glmnet does (from the 5th λ on, when the deviance ratio exceeds 0.999
 * or gains less than 1e-5: relative to the deviance ratio for the gaussian family (elnet), absolute
 * for binomial and multinomial (lognet)).
 */
public final class RegularizationPath {
    /** glmnet.control defaults: fdev, devmax, mnlam. */
    static final double MIN_DEV_GAIN = 1e-5;
    static final double MAX_DEV_RATIO = 0.999;
    static final int MIN_LAMBDAS = 5;

    /**
     * glmnet's early stop of a computed path: relative gain (elnet), absolute gain (lognet), or
     * none; ZERO_GAIN stops only where the deviance ratio falls or passes 0.999: glmnet sets
     * fdev = 0 when a coefficient limit is 0 (glmnet.R), since a path whose first models are held
     * at zero by their bounds gains nothing for several λ values and would stop there.
     */
    public enum EarlyStop {
        NONE, RELATIVE_GAIN, ABSOLUTE_GAIN, ZERO_GAIN
    }

    /** A solver of the (possibly restricted) problem at one λ. */
    public interface Solver<P extends PathPenalty<P>> {
        SolverResult solve(P penalty, double[] warmStart);
    }

    /** Warm starts from elsewhere than the path (a previous fit: {@code initialModel}). */
    public interface WarmStarts {
        /** The warm start of the solve at λ (internal coordinates). */
        double[] at(double lambda);
    }

    /**
     * One solved λ.
     *
     * @param devRatio   fraction of the null deviance explained, 1 − loss(b)/loss(0)
     * @param kktRounds  re-solves needed because screened-out features violated KKT
     * @param screened   features held out by the strong rule at the final solve
     */
    public record Step(double lambda, SolverResult result, double devRatio, int kktRounds, int screened) {
    }

    private RegularizationPath() {
    }

    /**
     * @param base           the penalty (its λ is ignored)
     * @param start          the warm start of the first λ (zeros, or the null model's intercepts)
     * @param gradientAtZero u at b = 0 (for the first strong set), or null to keep every feature
     * @param lambdaMax      λ to treat as the one before the first (for the first strong set)
     * @param nullLoss       loss at b = 0 (for the deviance ratio)
     * @param earlyStop      glmnet's early stop: {@link EarlyStop#NONE} for given λ lists
     */
    public static <P extends PathPenalty<P>> List<Step> solve(double[] lambdas, P base, double[] start,
                                   double[] gradientAtZero, double lambdaMax, double nullLoss, boolean screening,
                                   EarlyStop earlyStop, Solver<P> solver, Consumer<Step> progress) {
        return solve(lambdas, base, start, gradientAtZero, lambdaMax, nullLoss, screening, earlyStop, solver, progress,
                k -> true, null);
    }

    /**
     * As above, solving λ number k (0-based) only while {@code proceed.test(k)}: a fold model
     * running beside the full model stops where the full path stopped early; with
     * {@code initial} (not null), each λ starts from {@code initial.at(λ)} instead of the previous
     * λ's solution (its nonzeros join the strong set).
     */
    public static <P extends PathPenalty<P>> List<Step> solve(double[] lambdas, P base, double[] start,
                                   double[] gradientAtZero, double lambdaMax, double nullLoss, boolean screening,
                                   EarlyStop earlyStop, Solver<P> solver, Consumer<Step> progress,
                                   java.util.function.IntPredicate proceed, WarmStarts initial) {
        int p = base.features();
        double[] warm = start.clone();
        double[] prevU = gradientAtZero;
        double prevLambda = lambdaMax;
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < lambdas.length && proceed.test(k); k++) {
            double lambda = lambdas[k];
            P penalty = base.withLambda(lambda);
            if (initial != null) {
                warm = initial.at(lambda);
            }
            boolean[] keep = strongSet(penalty, warm, prevU, lambda, prevLambda, screening);
            SolverResult r = solver.solve(penalty.restrictedTo(keep), warm);
            int rounds = 0;
            while (true) {
                List<Integer> violators = kktViolators(penalty, keep, r.gradient());
                if (violators.isEmpty()) {
                    break;
                }
                for (int j : violators) {
                    keep[j] = true;
                }
                SolverResult again = solver.solve(penalty.restrictedTo(keep), r.coefficients());
                r = again.plus(r.iterations(), r.passes());
                rounds++;
            }
            int screened = 0;
            for (int j = 0; j < p; j++) {
                screened += penalty.isActive(j) && !keep[j] ? 1 : 0;
            }
            double devRatio = devRatio(r.loss(), nullLoss);
            Step step = new Step(lambda, r, devRatio, rounds, screened);
            steps.add(step);
            progress.accept(step);
            warm = r.coefficients();
            prevU = r.gradient();
            prevLambda = lambda;
            if (earlyStop != EarlyStop.NONE && k + 1 >= MIN_LAMBDAS) {
                double gain = devRatio - steps.get(k - 1).devRatio();
                double threshold = switch (earlyStop) {
                    case RELATIVE_GAIN -> MIN_DEV_GAIN * devRatio;
                    case ABSOLUTE_GAIN -> MIN_DEV_GAIN;
                    default -> 0;
                };
                if (gain < threshold || devRatio > MAX_DEV_RATIO) {
                    break;
                }
            }
        }
        return steps;
    }

    /** glmnet's dev.ratio of a model with this loss: 1 − loss/nullLoss, at least 0 (0 when nullLoss is 0). */
    static double devRatio(double loss, double nullLoss) {
        return nullLoss > 0 ? Math.max(0, 1 - loss / nullLoss) : 0;
    }

    /** The strong set: nonzero at the warm start, or score(uⱼ) ≥ αwⱼ(2λ − λprev). */
    static boolean[] strongSet(PathPenalty<?> penalty, double[] warm, double[] prevU, double lambda,
                               double prevLambda, boolean screening) {
        int p = penalty.features();
        boolean[] keep = new boolean[p];
        for (int j = 0; j < p; j++) {
            keep[j] = !screening || prevU == null || penalty.isNonzero(warm, j)
                    || penalty.featureScore(prevU, j) >= penalty.l1Weight(j) * (2 * lambda - prevLambda);
        }
        return keep;
    }

    /** Screened-out features with score(uⱼ) > λαwⱼ (beyond rounding). */
    static List<Integer> kktViolators(PathPenalty<?> penalty, boolean[] keep, double[] u) {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < keep.length; j++) {
            if (!keep[j] && penalty.isActive(j)
                    && penalty.featureScore(u, j) > penalty.lambda() * penalty.l1Weight(j) * (1 + 1e-9) + 1e-300) {
                out.add(j);
            }
        }
        return out;
    }
}
