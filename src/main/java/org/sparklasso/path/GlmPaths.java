package org.sparklasso.path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.sparklasso.block.Standardization;
import org.sparklasso.datafit.Datafit;
import org.sparklasso.datafit.HeldOut;
import org.sparklasso.datafit.Logistic;
import org.sparklasso.datafit.Multinomial;
import org.sparklasso.input.LoadedData;
import org.sparklasso.kernel.FeatureMoments;
import org.sparklasso.pass.BlockPasses;
import org.sparklasso.pass.ModelSpec;
import org.sparklasso.pass.PassBatcher;
import org.sparklasso.solver.SolverResult;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.FitSpec;
import org.sparklasso.spec.SolverChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The binomial and multinomial families' paths: the null (intercept-only) model, then the path
 * solved by proximal Newton (or FISTA); with cross-validation the full model and every fold model
 * run in lockstep threads so that each pass serves all of them, with the held-out errors of every
 * cv.glmnet measure from the same passes.
 */
final class GlmPaths implements FamilyPaths {
    private static final Logger LOG = LoggerFactory.getLogger(GlmPaths.class);

    private final PathContext context;
    private final Datafit datafit;
    private final SolverChoice solver;
    private final GlmModelRun full;
    private final SolverResult nullModel;
    /** The unpenalized features (centred over classes in the models written), or null. */
    private final boolean[] unpenalized;

    GlmPaths(PathContext context) {
        this.context = context;
        LoadedData data = context.data();
        FitSpec spec = context.spec();
        BlockPasses passes = context.passes();
        Standardization s = context.global();
        this.datafit = spec.family() == Family.BINOMIAL ? new Logistic()
                : new Multinomial(data.classes().numClasses());
        this.solver = spec.solver() != SolverChoice.AUTO ? spec.solver() : SolverChoice.auto(spec.family(),
                Penalties.kind(context.terms()), true);
        this.full = new GlmModelRun(passes, passes.glmBatcher(datafit, 1), ModelSpec.full(s), datafit.margins(), spec,
                context.terms(), solver);
        this.nullModel = full.fitNullModel();
        this.unpenalized = Penalties.unpenalized(s, context.terms());
    }

    /** The warm starts from {@code initialModel} in coordinates {@code s}, or null without one. */
    private RegularizationPath.WarmStarts initial(Standardization s) {
        LoadedData data = context.data();
        return InitialWarmStarts.glm(context.spec(), data.featureNames(),
                datafit.margins() > 1 ? data.classes().classNames() : null, s, datafit.margins());
    }

    @Override
    public Standardization standardization() {
        return context.global();
    }

    @Override
    public SolverChoice solver() {
        return solver;
    }

    @Override
    public double lambdaMax() {
        return full.lambdaMax();
    }

    @Override
    public String describe() {
        return "family " + context.spec().family().key() + " with " + context.data().classes().numClasses()
                + " classes, ";
    }

    @Override
    public RegularizationPath.EarlyStop earlyStop() {
        return RegularizationPath.EarlyStop.ABSOLUTE_GAIN;
    }

    @Override
    public Paths solve(double[] grid, RegularizationPath.EarlyStop earlyStop,
                       Consumer<RegularizationPath.Step> progress) {
        full.followGrid(grid);
        int folds = context.data().numFolds();
        if (folds == 0) {
            return new Paths(full.path(grid, nullModel, context.spec().screening(), earlyStop, progress, k -> true,
                    initial(full.standardization())), List.of());
        }
        List<List<RegularizationPath.Step>> all = pathsInLockstep(grid, earlyStop, progress);
        List<RegularizationPath.Step> steps = all.get(folds);
        List<FoldPath> foldPaths = new ArrayList<>();
        for (int k = 0; k < folds; k++) {
            foldPaths.add(new FoldPath(context.foldStandardization(k),
                    all.get(k).subList(0, steps.size())));
        }
        return new Paths(steps, foldPaths);
    }

    /**
     * The full model's path and every fold model's path, all in lockstep threads sharing each pass
     * (element k: fold k; the last: the full model). The folds follow the full model's grid and
     * stop where its path stops early (a fold a λ ahead solves one λ more, dropped by the caller),
     * so the whole cross-validation costs about the passes of one path.
     */
    private List<List<RegularizationPath.Step>> pathsInLockstep(double[] grid, RegularizationPath.EarlyStop earlyStop,
                                                               Consumer<RegularizationPath.Step> progress) {
        int folds = context.data().numFolds();
        PassBatcher<BlockPasses.GlmRequest, BlockPasses.GlmResponse> batcher =
                context.passes().glmBatcher(datafit, folds + 1);
        AtomicInteger stopAt = new AtomicInteger(grid.length);
        return LockstepFolds.run(folds + 1, task -> {
            boolean isFull = task == folds;
            GlmModelRun run = isFull ? full.sharing(batcher) : new GlmModelRun(context.passes(), batcher,
                    new ModelSpec(context.foldStandardization(task), task), datafit.margins(),
                    context.spec(), context.terms(), solver);
            run.followGrid(grid);
            SolverResult start0 = isFull ? run.nullModel() : run.fitNullModel();
            List<RegularizationPath.Step> steps = run.path(grid, start0, context.spec().screening(),
                    isFull ? earlyStop : RegularizationPath.EarlyStop.NONE, isFull ? progress : st -> { },
                    k -> k < stopAt.get(), initial(run.standardization()));
            if (isFull) {
                stopAt.set(steps.size());
            } else {
                context.logFold(task, steps);
            }
            return steps;
        }, batcher::leave);
    }

    /**
     * The relaxed lasso: the full model and every fold model refit their active sets and evaluate
     * their blends in lockstep threads sharing each pass; the fold blends' held-out sums give every
     * cv.glmnet measure (auc from one more prediction pass).
     */
    @Override
    public Relaxed relax(Paths paths, double[] gammas) {
        int folds = context.data().numFolds();
        int lambdas = paths.full().size();
        PassBatcher<BlockPasses.GlmRequest, BlockPasses.GlmResponse> batcher =
                context.passes().glmBatcher(datafit, folds + 1);
        List<GlmModelRun.Blend[][]> all = LockstepFolds.run(folds + 1, task -> {
            boolean isFull = task == folds;
            Standardization s = isFull ? context.global() : paths.folds().get(task).standardization();
            List<RegularizationPath.Step> steps = isFull ? paths.full() : paths.folds().get(task).steps();
            GlmModelRun run = new GlmModelRun(context.passes(), batcher, isFull ? ModelSpec.full(s)
                    : new ModelSpec(s, task), datafit.margins(), context.spec(), context.terms(), solver);
            return run.relaxedBlends(context.spec(), context.terms(), steps.subList(0, lambdas), gammas);
        }, batcher::leave);
        GlmModelRun.Blend[][] fullBlends = all.get(folds);
        List<List<FittedModel>> models = new ArrayList<>();
        for (GlmModelRun.Blend[] byLambda : fullBlends) {
            List<FittedModel> row = new ArrayList<>();
            for (int l = 0; l < lambdas; l++) {
                RegularizationPath.Step st = paths.full().get(l);
                GlmModelRun.Blend b = byLambda[l];
                double loss = b.evaluation().loss();
                SolverResult r = st.result();
                SolverResult blended = new SolverResult(b.point(), loss, loss + b.penalty(), r.gap(), r.relativeGap(),
                        r.converged(), r.iterations(), r.passes(), b.evaluation().negGradient(),
                        b.evaluation().heldOut());
                row.add(model(new RegularizationPath.Step(st.lambda(), blended,
                        RegularizationPath.devRatio(loss, full.nullLoss()), 0, 0)));
            }
            models.add(row);
        }
        if (folds == 0) {
            return new Relaxed(models, Map.of());
        }
        boolean binomial = context.spec().family() == Family.BINOMIAL;
        Map<String, double[][][]> errors = new LinkedHashMap<>();
        for (String m : List.of("deviance", "class", "mse", "mae")) {
            double[][][] e = new double[gammas.length][folds][lambdas];
            for (int g = 0; g < gammas.length; g++) {
                for (int k = 0; k < folds; k++) {
                    for (int l = 0; l < lambdas; l++) {
                        e[g][k][l] = foldError(m, all.get(k)[g][l].evaluation().heldOut(), binomial);
                    }
                }
            }
            errors.put(m, e);
        }
        if (binomial && context.spec().typeMeasure().equals("auc")) {
            double[][][] points = new double[folds][gammas.length * lambdas][];
            for (int k = 0; k < folds; k++) {
                for (int g = 0; g < gammas.length; g++) {
                    for (int l = 0; l < lambdas; l++) {
                        points[k][g * lambdas + l] = all.get(k)[g][l].point();
                    }
                }
            }
            double[][] auc = heldOutAuc(paths.folds(), points);
            double[][][] e = new double[gammas.length][folds][lambdas];
            for (int g = 0; g < gammas.length; g++) {
                for (int k = 0; k < folds; k++) {
                    System.arraycopy(auc[k], g * lambdas, e[g][k], 0, lambdas);
                }
            }
            errors.put("auc", e);
        }
        return new Relaxed(models, errors);
    }

    @Override
    public FittedModel startModel() {
        return model(new RegularizationPath.Step(0, nullModel,
                RegularizationPath.devRatio(nullModel.loss(), full.nullLoss()), 0, 0));
    }

    @Override
    public FittedModel model(RegularizationPath.Step st) {
        SolverResult r = st.result();
        Map<String, Double> quality = new LinkedHashMap<>();
        quality.put("logLoss", r.loss());
        quality.put("accuracy", 1 - r.heldOut().trainingMissed() / context.global().weightSum());
        return FittedModel.ofClasses(st.lambda(), r, context.global(), datafit.margins(), st.devRatio(), quality,
                unpenalized);
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

    @Override
    public FoldErrors foldErrors(List<FittedModel> fits, Paths paths) {
        int folds = paths.folds().size();
        int lambdas = fits.size();
        boolean binomial = context.spec().family() == Family.BINOMIAL;
        double[] weights = new double[folds];
        Map<String, double[][]> errors = new LinkedHashMap<>();
        List<String> measures = List.of("deviance", "class", "mse", "mae");
        for (String m : measures) {
            errors.put(m, new double[folds][lambdas]);
        }
        for (int k = 0; k < folds; k++) {
            List<RegularizationPath.Step> steps = paths.folds().get(k).steps();
            weights[k] = steps.get(0).result().heldOut().weight();
            for (int l = 0; l < lambdas; l++) {
                HeldOut held = steps.get(l).result().heldOut();
                for (String m : measures) {
                    errors.get(m)[k][l] = foldError(m, held, binomial);
                }
            }
        }
        if (binomial) {
            // The AUC curve over every λ when it is the measure; otherwise only where cvMeasuresChosen can
            // report it, at lambda.min and lambda.1se: 2 models per fold to score and sort instead of the
            // path's 100 (sorting them was a fifth of B2's cold fit), NaN at the other λ.
            boolean curve = context.spec().typeMeasure().equals("auc");
            int[] at = curve ? IntStream.range(0, lambdas).toArray()
                    : candidates(fits, errors.get(context.spec().typeMeasure()), weights);
            long scores = 0;
            for (FeatureMoments m : context.byFold()) {
                scores += m.rows() * (long) at.length;
            }
            if (curve || scores <= BlockPasses.MAX_AUC_SCORES) {
                double[][][] points = new double[folds][at.length][];
                for (int k = 0; k < folds; k++) {
                    for (int i = 0; i < at.length; i++) {
                        points[k][i] = paths.folds().get(k).steps().get(at[i]).result().coefficients();
                    }
                }
                double[][] scored = heldOutAuc(paths.folds(), points);
                double[][] auc = new double[folds][lambdas];
                for (int k = 0; k < folds; k++) {
                    java.util.Arrays.fill(auc[k], Double.NaN);
                    for (int i = 0; i < at.length; i++) {
                        auc[k][at[i]] = scored[k][i];
                    }
                }
                errors.put("auc", auc);
            }
        }
        return new FoldErrors(errors, weights);
    }

    /** The λ indices lambdaChoice can pick from the minimized measure's errors: lambda.min's and lambda.1se's. */
    private static int[] candidates(List<FittedModel> fits, double[][] errors, double[] weights) {
        double[] lambdas = fits.stream().mapToDouble(FittedModel::lambda).toArray();
        CrossValidationSummary summary = CrossValidationSummary.of(lambdas, errors, weights);
        return IntStream.of(summary.indexMin(), summary.index1se()).distinct().sorted().toArray();
    }

    /**
     * Each fold's held-out AUC of its models {@code points[fold][i]} (internal coordinates of that
     * fold's model), from one prediction pass (binomial).
     */
    private double[][] heldOutAuc(List<FoldPath> folds, double[][][] points) {
        double[][][] beta = new double[points.length][][];
        double[][] b0 = new double[points.length][];
        for (int f = 0; f < points.length; f++) {
            beta[f] = new double[points[f].length][];
            b0[f] = new double[points[f].length];
            for (int i = 0; i < points[f].length; i++) {
                FittedModel m = FittedModel.ofClasses(0, new SolverResult(points[f][i], 0, 0, 0, 0, true, 0, 0, null,
                        null), folds.get(f).standardization(), 1, 0, Map.of(), null);
                beta[f][i] = m.coefficients();
                b0[f][i] = m.intercept();
            }
        }
        return context.passes().heldOutAuc(beta, b0);
    }

    /** Training AUC of the models written to coefficients/ (one pass), unless too many scores (binomial). */
    @Override
    public void addTrainingQuality(List<FittedModel> models) {
        if (context.spec().family() != Family.BINOMIAL) {
            return;
        }
        long rows = context.data().rows();
        if (rows * models.size() > BlockPasses.MAX_AUC_SCORES) {
            LOG.warn("training auc skipped: {} rows × {} models exceed {} scores", rows, models.size(),
                    BlockPasses.MAX_AUC_SCORES);
            return;
        }
        double[][] beta = models.stream().map(FittedModel::coefficients).toArray(double[][]::new);
        double[] b0 = models.stream().mapToDouble(FittedModel::intercept).toArray();
        double[] auc = context.passes().trainingAuc(beta, b0);
        for (int l = 0; l < models.size(); l++) {
            models.get(l).quality().put("auc", auc[l]);
        }
    }
}
