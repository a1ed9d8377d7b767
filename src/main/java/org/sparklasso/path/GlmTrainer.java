package org.sparklasso.path;

import org.sparklasso.spec.FitSpec;

import org.sparklasso.datafit.HeldOut;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparklasso.pass.BlockPasses;
import org.sparklasso.pass.ModelSpec;
import org.sparklasso.pass.PassBatcher;
import org.sparklasso.pass.PassCounter;
import org.sparklasso.kernel.FeatureMoments;
import org.sparklasso.input.LoadedData;
import org.sparklasso.datafit.Datafit;
import org.sparklasso.datafit.Logistic;
import org.sparklasso.datafit.Multinomial;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.SolverChoice;
import org.sparklasso.block.Standardization;
import org.sparklasso.solver.SolverResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the binomial and multinomial families: one pass of feature moments (per fold), the null
 * (intercept-only) model, then the λ path with warm starts and strong rules solved by proximal
 * Newton (or FISTA), and cross-validation with every fold's model running in lockstep threads so
 * that each pass serves all of them, with the held-out errors from the same passes.
 */
public final class GlmTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(GlmTrainer.class);

    private GlmTrainer() {
    }

    public static GaussianTrainer.Result train(LoadedData data, FitSpec config) {
        long start = System.nanoTime();
        int p = data.numFeatures();
        int folds = data.numFolds();
        int classes = data.classes().numClasses();
        Datafit datafit = config.family() == Family.BINOMIAL ? new Logistic() : new Multinomial(classes);
        int margins = datafit.margins();
        PassCounter counter = new PassCounter();
        BlockPasses passes = new BlockPasses(data.blocks(), data.local(), p, folds, config.aggregationDepth(), counter);
        FeatureMoments[] byFold = passes.moments();
        Standardization s = GaussianTrainer.standardization(byFold, -1, config);
        SolverChoice solver = config.solver() == SolverChoice.AUTO ? SolverChoice.NEWTON : config.solver();
        GlmModelRun full = new GlmModelRun(passes, passes.glmBatcher(datafit, 1), ModelSpec.full(s), margins,
                config, solver);
        SolverResult nullModel = full.fitNullModel();
        double lambdaMax = full.lambdaMax();
        boolean computed = config.lambdas().isEmpty();
        double[] grid = computed ? GaussianTrainer.computedGrid(lambdaMax, data.rows(), p, config)
                : GaussianTrainer.sortedDescending(config);
        LOG.info("solver {}: family {} with {} classes, n={} p={} lambdaMax={} {} λ values{}", solver.key(),
                config.family().key(), classes, data.rows(), p, String.format("%.6g", lambdaMax), grid.length,
                computed ? " (path)" : "");
        full.followGrid(grid);
        RegularizationPath.EarlyStop earlyStop = computed ? RegularizationPath.EarlyStop.ABSOLUTE_GAIN
                : RegularizationPath.EarlyStop.NONE;
        var progress = GaussianTrainer.progress(grid.length, counter, start);
        List<RegularizationPath.Step> steps;
        List<List<RegularizationPath.Step>> foldSteps = null;
        if (folds > 0) {
            List<List<RegularizationPath.Step>> all = pathsInLockstep(passes, byFold, datafit, full, grid,
                    earlyStop, progress, config, solver, counter, start);
            steps = all.get(folds);
            foldSteps = new ArrayList<>();
            for (int k = 0; k < folds; k++) {
                foldSteps.add(all.get(k).subList(0, steps.size()));
            }
        } else {
            steps = RegularizationPath.solve(grid, full.penalty(), nullModel.coefficients(), nullModel.gradient(),
                    lambdaMax, nullModel.loss(), config.screening(), earlyStop, full::solve, progress);
        }
        List<FittedModel> fits = new ArrayList<>();
        for (RegularizationPath.Step st : steps) {
            fits.add(model(st, s, margins));
        }
        CrossValidationResult cv = folds > 0
                ? crossValidate(passes, byFold, datafit, fits, foldSteps, config) : null;
        int chosen = GaussianTrainer.choose(cv, fits, config);
        if (config.family() == Family.BINOMIAL) {
            addTrainingAuc(passes, chosen >= 0 ? List.of(fits.get(chosen)) : fits, data.rows());
        }
        return new GaussianTrainer.Result(s, fits, solver, lambdaMax, counter.passes(), computed, cv, chosen);
    }

    /** Training AUC of the models written to coefficients/ (one pass), unless too many scores. */
    private static void addTrainingAuc(BlockPasses passes, List<FittedModel> models, long rows) {
        if (rows * models.size() > BlockPasses.MAX_AUC_SCORES) {
            LOG.warn("training auc skipped: {} rows × {} models exceed {} scores", rows, models.size(),
                    BlockPasses.MAX_AUC_SCORES);
            return;
        }
        double[][] beta = models.stream().map(FittedModel::coefficients).toArray(double[][]::new);
        double[] b0 = models.stream().mapToDouble(FittedModel::intercept).toArray();
        double[] auc = passes.trainingAuc(beta, b0);
        for (int l = 0; l < models.size(); l++) {
            models.get(l).quality().put("auc", auc[l]);
        }
    }

    private static FittedModel model(RegularizationPath.Step st, Standardization s, int margins) {
        SolverResult r = st.result();
        Map<String, Double> quality = new LinkedHashMap<>();
        quality.put("logLoss", r.loss());
        quality.put("accuracy", 1 - r.heldOut().trainingMissed() / s.weightSum());
        return FittedModel.ofClasses(st.lambda(), r, s, margins, st.devRatio(), quality);
    }

    /** Per-observation held-out error of a measure, from a fold model's held-out sums. */
    static double foldError(String measure, HeldOut held, boolean binomial) {
        double w = held.weight();
        // glmnet scores binomial mse/mae on both class columns: (y−p)² + ((1−y)−(1−p))²
        double columns = binomial ? 2 : 1;
        return switch (measure) {
            case "deviance" -> 2 * held.loss() / w;
            case "class" -> held.missed() / w;
            case "mse" -> columns * held.squaredError() / w;
            case "mae" -> columns * held.absoluteError() / w;
            default -> throw new IllegalArgumentException(measure);
        };
    }

    /**
     * The full model's path and every fold model's path, all in lockstep threads sharing each pass
     * (element k: fold k; the last: the full model). The folds follow the full model's grid and
     * stop where its path stops early (a fold a λ ahead solves one λ more, dropped by the caller),
     * so the whole cross-validation costs about the passes of one path.
     */
    private static List<List<RegularizationPath.Step>> pathsInLockstep(
            BlockPasses passes, FeatureMoments[] byFold, Datafit datafit, GlmModelRun full, double[] grid,
            RegularizationPath.EarlyStop earlyStop, java.util.function.Consumer<RegularizationPath.Step> progress,
            FitSpec config, SolverChoice solver, PassCounter counter, long start) {
        int folds = byFold.length;
        PassBatcher<BlockPasses.GlmRequest, BlockPasses.GlmResponse> batcher = passes.glmBatcher(datafit, folds + 1);
        java.util.concurrent.atomic.AtomicInteger stopAt = new java.util.concurrent.atomic.AtomicInteger(grid.length);
        return LockstepFolds.run(folds + 1, task -> {
            boolean isFull = task == folds;
            GlmModelRun run = isFull ? full.sharing(batcher) : new GlmModelRun(passes, batcher,
                    new ModelSpec(GaussianTrainer.standardization(byFold, task, config), task), datafit.margins(),
                    config, solver);
            run.followGrid(grid);
            SolverResult nullModel = isFull ? run.nullModel() : run.fitNullModel();
            List<RegularizationPath.Step> steps = RegularizationPath.solve(grid, run.penalty(),
                    nullModel.coefficients(), nullModel.gradient(), run.lambdaMax(), nullModel.loss(),
                    config.screening(), isFull ? earlyStop : RegularizationPath.EarlyStop.NONE, run::solve,
                    isFull ? progress : st -> { }, k -> k < stopAt.get());
            if (isFull) {
                stopAt.set(steps.size());
            } else {
                boolean converged = steps.stream().allMatch(st -> st.result().converged());
                LOG.info("fold {}/{}: {} λ values, converged={} passes={} elapsed={}s", task + 1, folds,
                        steps.size(), converged, counter.passes(),
                        String.format("%.2f", (System.nanoTime() - start) / 1e9));
            }
            return steps;
        }, batcher::leave);
    }

    private static CrossValidationResult crossValidate(BlockPasses passes, FeatureMoments[] byFold, Datafit datafit,
                                                       List<FittedModel> fits,
                                                       List<List<RegularizationPath.Step>> foldSteps,
                                                       FitSpec config) {
        int folds = byFold.length;
        double[] lambdas = fits.stream().mapToDouble(FittedModel::lambda).toArray();
        boolean binomial = config.family() == Family.BINOMIAL;
        double[] weights = new double[folds];
        Map<String, double[][]> errors = new LinkedHashMap<>();
        List<String> measures = new ArrayList<>(List.of("deviance", "class", "mse", "mae"));
        for (String m : measures) {
            errors.put(m, new double[folds][lambdas.length]);
        }
        for (int k = 0; k < folds; k++) {
            weights[k] = foldSteps.get(k).get(0).result().heldOut().weight();
            for (int l = 0; l < lambdas.length; l++) {
                HeldOut held = foldSteps.get(k).get(l).result().heldOut();
                for (String m : measures) {
                    errors.get(m)[k][l] = foldError(m, held, binomial);
                }
            }
        }
        long scores = 0;
        for (FeatureMoments m : byFold) {
            scores += m.rows() * (long) lambdas.length;
        }
        if (binomial && (config.typeMeasure().equals("auc") || scores <= BlockPasses.MAX_AUC_SCORES)) {
            errors.put("auc", heldOutAuc(passes, datafit, foldSteps, byFold, config, lambdas.length));
        }
        double[][] chosen = errors.get(config.typeMeasure());
        CrossValidationSummary summary = config.typeMeasure().equals("auc")
                ? CrossValidationSummary.ofMaximized(lambdas, chosen, weights)
                : CrossValidationSummary.of(lambdas, chosen, weights);
        Map<String, double[]> others = new LinkedHashMap<>();
        for (var e : errors.entrySet()) {
            others.put(e.getKey(), CrossValidationSummary.of(lambdas, e.getValue(), weights).cvm());
        }
        int[] nnz = fits.stream().mapToInt(FittedModel::nnz).toArray();
        return new CrossValidationResult(config.typeMeasure(), folds, summary, nnz, chosen, weights, others);
    }

    /** Each fold's held-out AUC at every λ, from one prediction pass (binomial). */
    private static double[][] heldOutAuc(BlockPasses passes, Datafit datafit, List<List<RegularizationPath.Step>> folds,
                                         FeatureMoments[] byFold, FitSpec config, int lambdas) {
        int k = folds.size();
        double[][][] beta = new double[k][lambdas][];
        double[][] b0 = new double[k][lambdas];
        for (int f = 0; f < k; f++) {
            Standardization sk = GaussianTrainer.standardization(byFold, f, config);
            for (int l = 0; l < lambdas; l++) {
                FittedModel m = FittedModel.ofClasses(0, folds.get(f).get(l).result(), sk, 1, 0, Map.of());
                beta[f][l] = m.coefficients();
                b0[f][l] = m.intercept();
            }
        }
        return passes.heldOutAuc(beta, b0);
    }
}
