package org.sparklasso.path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sparklasso.block.Standardization;
import org.sparklasso.input.LoadedData;
import org.sparklasso.kernel.FeatureMoments;
import org.sparklasso.pass.BlockPasses;
import org.sparklasso.pass.PassCounter;
import org.sparklasso.spec.FeatureTerms;
import org.sparklasso.spec.FitSpec;
import org.sparklasso.spec.JobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits a regularization path for every family, as glmnet does: one pass of feature moments (per
 * fold), the full model's problem and λ_max, the λ grid (given, or glmnet's log-spaced default),
 * the path with warm starts and strong rules, cross-validation with cv.glmnet's summary, and the
 * model lambdaChoice picks. What differs between families (their solvers, how the fold models
 * share passes, their error measures) is a {@link FamilyPaths}: {@link GaussianPaths} or
 * {@link GlmPaths}.
 */
public final class PathDriver {
    private static final Logger LOG = LoggerFactory.getLogger(PathDriver.class);

    private PathDriver() {
    }

    /**
     * Fits {@code spec} to the cached blocks of {@code data}; the adaptive lasso (penalty options
     * with {@link org.sparklasso.spec.AdaptiveOptions}) fits its initial estimate first, in the same call.
     */
    public static TrainingResult fit(LoadedData data, FitSpec spec) {
        long start = System.nanoTime();
        PassCounter counter = new PassCounter();
        if (spec.solverOptions().initialModel() != null && spec.lambdas().isEmpty()) {
            LOG.info("initialModel {}: not used on a computed λ path, whose own warm starts (the previous λ's "
                    + "solution) are closer; it warm-starts given λ values (lambda=)", spec.solverOptions()
                    .initialModel().source());
        }
        if (spec.penaltyOptions().adaptive() != null) {
            return AdaptiveLasso.fit(data, spec, counter, start);
        }
        return fit(data, spec, spec.penaltyOptions().resolve(data.featureNames()), counter, start, null);
    }

    /** Fits {@code spec} with the given per-feature terms, counting passes on {@code counter}. */
    static TrainingResult fit(LoadedData data, FitSpec spec, FeatureTerms terms, PassCounter counter, long start,
                              AdaptiveWeights adaptive) {
        FamilyPaths family = family(data, spec, terms, counter, start);
        int p = data.numFeatures();
        int folds = data.numFolds();
        double lambdaMax = family.lambdaMax();
        boolean computed = spec.lambdas().isEmpty();
        double[] grid = computed ? computedGrid(lambdaMax, data.rows(), p, spec) : sortedDescending(spec);
        LOG.info("solver {}: {}n={} p={} lambdaMax={} {} λ values{}", family.solver().key(), family.describe(),
                data.rows(), p, String.format("%.6g", lambdaMax), grid.length, computed ? " (path)" : "");
        FamilyPaths.Paths paths = family.solve(grid,
                !computed ? RegularizationPath.EarlyStop.NONE
                        : terms.anyZeroBound() ? RegularizationPath.EarlyStop.ZERO_GAIN : family.earlyStop(),
                progress(grid.length, counter, start));
        List<FittedModel> fits = new ArrayList<>();
        for (RegularizationPath.Step st : paths.full()) {
            fits.add(family.model(st));
        }
        FamilyPaths.FoldErrors foldErrors = folds > 0 ? family.foldErrors(fits, paths) : null;
        CrossValidationResult cv = folds > 0 ? crossValidate(foldErrors, fits, spec) : null;
        int chosen = choose(cv, fits, spec);
        RelaxedPath relaxed = spec.penaltyOptions().relax() == null ? null
                : RelaxedLasso.relax(family, paths, foldErrors, spec);
        family.addTrainingQuality(relaxed != null ? relaxed.written() : chosen >= 0 ? List.of(fits.get(chosen)) : fits);
        return new TrainingResult(family.standardization(), terms, fits, family.solver(), lambdaMax,
                counter.passes(), computed, cv, chosen, adaptive, relaxed);
    }

    /**
     * The unpenalized fit of {@code spec}'s family (least squares or maximum likelihood, within
     * any bounds): the start of a path on which no feature is penalized.
     */
    static FittedModel unpenalizedFit(LoadedData data, FitSpec spec, FeatureTerms terms, PassCounter counter,
                                      long start) {
        return family(data, spec, terms.unpenalized(), counter, start).startModel();
    }

    /** One pass of feature moments (per fold), then the family's full problem. */
    private static FamilyPaths family(LoadedData data, FitSpec spec, FeatureTerms terms, PassCounter counter,
                                      long start) {
        BlockPasses passes = new BlockPasses(data.blocks(), data.local(), data.numFeatures(), data.numFolds(),
                spec.aggregationDepth(), counter);
        FeatureMoments[] byFold = passes.moments();
        Standardization s = standardization(byFold, -1, spec);
        PathContext context = new PathContext(data, spec, terms, passes, byFold, s, counter, start);
        return spec.family().isClassification() ? new GlmPaths(context) : new GaussianPaths(context);
    }

    /** The model of the folds other than {@code excluded} (-1: every fold) in its own coordinates. */
    static Standardization standardization(FeatureMoments[] byFold, int excluded, FitSpec spec) {
        FeatureMoments m = new FeatureMoments(byFold[0].numFeatures());
        for (int k = 0; k < byFold.length; k++) {
            if (k != excluded) {
                m.merge(byFold[k]);
            }
        }
        return Standardization.of(m, spec.fitIntercept(), spec.standardize());
    }

    static double[] computedGrid(double lambdaMax, long n, int p, FitSpec spec) {
        if (!(lambdaMax > 0)) {
            throw JobException.input("lambda: λ_max is 0 (the label is constant or no feature varies), so there "
                    + "is no path to compute; give lambda explicitly");
        }
        double ratio = Double.isNaN(spec.lambdaMinRatio()) ? LambdaGrid.defaultMinRatio(n, p)
                : spec.lambdaMinRatio();
        return LambdaGrid.logSpaced(lambdaMax, ratio, spec.nlambda());
    }

    static double[] sortedDescending(FitSpec spec) {
        return spec.lambdas().stream().mapToDouble(Double::doubleValue).boxed()
                .sorted((a, b) -> Double.compare(b, a)).mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * cv.glmnet's summary of the chosen measure (auc maximized, the others minimized) and, when the
     * family measures several, the mean error of each.
     */
    private static CrossValidationResult crossValidate(FamilyPaths.FoldErrors errors, List<FittedModel> fits,
                                                       FitSpec spec) {
        double[] lambdas = fits.stream().mapToDouble(FittedModel::lambda).toArray();
        double[] weights = errors.weights();
        double[][] chosen = errors.byMeasure().get(spec.typeMeasure());
        CrossValidationSummary summary = spec.typeMeasure().equals("auc")
                ? CrossValidationSummary.ofMaximized(lambdas, chosen, weights)
                : CrossValidationSummary.of(lambdas, chosen, weights);
        Map<String, double[]> others = new LinkedHashMap<>();
        if (errors.byMeasure().size() > 1) {
            for (var e : errors.byMeasure().entrySet()) {
                others.put(e.getKey(), CrossValidationSummary.of(lambdas, e.getValue(), weights).cvm());
            }
        }
        int[] nnz = fits.stream().mapToInt(FittedModel::nnz).toArray();
        return new CrossValidationResult(spec.typeMeasure(), weights.length, summary, nnz, chosen, weights,
                others.isEmpty() ? Map.of() : others);
    }

    /** The index of the lambdaChoice model after cross-validation (logged), or -1 without. */
    private static int choose(CrossValidationResult cv, List<FittedModel> fits, FitSpec spec) {
        if (cv == null) {
            return -1;
        }
        int chosen = spec.lambdaChoice().equals("lambda.min") ? cv.summary().indexMin() : cv.summary().index1se();
        LOG.info("cross-validation ({} folds, {}): lambda.min={} lambda.1se={} chosen {}={} nnz={}", cv.nfolds(),
                cv.typeMeasure(), String.format("%.6g", cv.summary().lambdaMin()),
                String.format("%.6g", cv.summary().lambda1se()), spec.lambdaChoice(),
                String.format("%.6g", fits.get(chosen).lambda()), fits.get(chosen).nnz());
        return chosen;
    }

    /** The progress line of the full path: every λ of a short grid, every tenth of a long one, and the last. */
    private static Consumer<RegularizationPath.Step> progress(int gridLength, PassCounter counter, long start) {
        int every = gridLength <= 20 ? 1 : 10;
        int[] index = {0};
        return st -> {
            int k = index[0]++;
            if (k % every == 0 || k == gridLength - 1) {
                LOG.info("lambda {}/{}={} nnz={} devRatio={} relGap={} converged={} passes={} elapsed={}s", k + 1,
                        gridLength, String.format("%.5g", st.lambda()), nnz(st), String.format("%.4f", st.devRatio()),
                        String.format("%.1e", st.result().relativeGap()), st.result().converged(), counter.passes(),
                        seconds(start));
            }
        };
    }

    private static int nnz(RegularizationPath.Step st) {
        int n = 0;
        for (double b : st.result().coefficients()) {
            n += b != 0 ? 1 : 0;
        }
        return n;
    }

    /** Seconds since {@code start} (System.nanoTime()), for progress lines. */
    static String seconds(long start) {
        return String.format("%.2f", (System.nanoTime() - start) / 1e9);
    }

    /** The progress line of a fold model's path. */
    static void logFold(int fold, int folds, List<RegularizationPath.Step> steps, PassCounter counter, long start) {
        boolean converged = steps.stream().allMatch(st -> st.result().converged());
        LOG.info("fold {}/{}: {} λ values, converged={} passes={} elapsed={}s", fold + 1, folds, steps.size(),
                converged, counter.passes(), seconds(start));
    }
}
