package org.sparklasso.path;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.sparklasso.spec.FitSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relaxed lasso after a path (Meinshausen 2007; glmnet's {@code relax=TRUE}): the family's
 * refits and blends ({@link FamilyPaths#relax}), then, with cross-validation, cv.glmnet's choice
 * of (λ, γ) ({@code getOptcv.relaxed}): lambda.min and gamma.min minimize the mean error over
 * every (λ, γ) (ties: the largest λ, then the largest γ); lambda.1se and gamma.1se are the largest
 * λ, then γ, whose mean error is within one standard error of that minimum.
 */
final class RelaxedLasso {
    private static final Logger LOG = LoggerFactory.getLogger(RelaxedLasso.class);

    private RelaxedLasso() {
    }

    /** γ·lasso + (1−γ)·refit, coordinate by coordinate (γ = 1 is the lasso itself, exactly). */
    static double[] blend(double gamma, double[] lasso, double[] refit) {
        double[] out = new double[lasso.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = gamma == 1 ? lasso[j] : gamma == 0 ? refit[j] : gamma * lasso[j] + (1 - gamma) * refit[j];
        }
        return out;
    }

    /**
     * One model's refits, one per distinct active set (consecutive λ values often share theirs).
     *
     * @param <R> what a refit gives
     */
    static final class Refits<R> {
        private final Map<BitSet, R> byActiveSet = new HashMap<>();

        /** The refit on the features {@code nonzero} picks among {@code features}, fitted by {@code fit} once. */
        R of(int features, IntPredicate nonzero, Function<boolean[], R> fit) {
            BitSet active = new BitSet(features);
            for (int j = 0; j < features; j++) {
                active.set(j, nonzero.test(j));
            }
            return byActiveSet.computeIfAbsent(active, a -> {
                boolean[] keep = new boolean[features];
                a.stream().forEach(j -> keep[j] = true);
                return fit.apply(keep);
            });
        }
    }

    /** The blends and, with fold errors, the cross-validated choice. */
    static RelaxedPath relax(FamilyPaths family, FamilyPaths.Paths paths, FamilyPaths.FoldErrors lassoErrors,
                             FitSpec spec) {
        double[] gammas = spec.penaltyOptions().relax().gammas();
        FamilyPaths.Relaxed relaxed = family.relax(paths, gammas);
        List<List<FittedModel>> blends = relaxed.blends();
        int lambdas = paths.full().size();
        if (relaxed.foldErrors().isEmpty()) {
            LOG.info("relaxed lasso: {} λ × {} γ blends", lambdas, gammas.length);
            return new RelaxedPath(gammas, blends, null, null, null, -1, -1);
        }
        double[] lambdaValues = paths.full().stream().mapToDouble(RegularizationPath.Step::lambda).toArray();
        boolean maximize = spec.typeMeasure().equals("auc");
        double[][][] errors = relaxed.foldErrors().get(spec.typeMeasure());
        List<CrossValidationSummary> byGamma = new ArrayList<>();
        for (double[][] e : errors) {
            byGamma.add(maximize ? CrossValidationSummary.ofMaximized(lambdaValues, e, lassoErrors.weights())
                    : CrossValidationSummary.of(lambdaValues, e, lassoErrors.weights()));
        }
        double sign = maximize ? -1 : 1;
        // min: the smallest mean error; among ties the largest λ (smallest index), then the largest γ
        int[] min = best(byGamma, gammas, sign, Double.POSITIVE_INFINITY);
        double bound = sign * byGamma.get(min[1]).cvm()[min[0]] + byGamma.get(min[1]).cvsd()[min[0]];
        int[] se = best(byGamma, gammas, sign, bound);
        int[] chosen = spec.lambdaChoice().equals("lambda.min") ? min : se;
        LOG.info("relaxed lasso ({}): lambda.min={} gamma.min={} lambda.1se={} gamma.1se={} chosen λ={} γ={}",
                spec.typeMeasure(), String.format("%.6g", lambdaValues[min[0]]), gammas[min[1]],
                String.format("%.6g", lambdaValues[se[0]]), gammas[se[1]],
                String.format("%.6g", lambdaValues[chosen[0]]), gammas[chosen[1]]);
        return new RelaxedPath(gammas, blends, byGamma, min, se, chosen[0], chosen[1]);
    }

    /**
     * With {@code bound} infinite: the (λ, γ) of the smallest signed mean error; else the first (λ,
     * γ), by decreasing λ then decreasing γ, whose signed mean error is at most {@code bound}.
     * Returns {λ index, γ index}.
     */
    private static int[] best(List<CrossValidationSummary> byGamma, double[] gammas, double sign, double bound) {
        int lambdas = byGamma.get(0).cvm().length;
        double target = bound;
        if (Double.isInfinite(bound)) {
            target = Double.POSITIVE_INFINITY;
            for (CrossValidationSummary s : byGamma) {
                for (double v : s.cvm()) {
                    target = Math.min(target, sign * v);
                }
            }
        }
        for (int l = 0; l < lambdas; l++) {
            for (int g = gammas.length - 1; g >= 0; g--) {
                if (sign * byGamma.get(g).cvm()[l] <= target) {
                    return new int[] {l, g};
                }
            }
        }
        throw new IllegalStateException("no (λ, γ) within " + target);
    }
}
