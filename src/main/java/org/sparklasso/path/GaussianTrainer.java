package org.sparklasso.path;

import org.sparklasso.spec.FitSpec;

import org.sparklasso.datafit.HeldOut;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sparklasso.pass.BlockPasses;
import org.sparklasso.pass.ModelSpec;
import org.sparklasso.pass.PassCounter;
import org.sparklasso.pass.WorkingSetPasses;
import org.sparklasso.kernel.FeatureMoments;
import org.sparklasso.input.LoadedData;
import org.sparklasso.spec.JobException;
import org.sparklasso.spec.SolverChoice;
import org.sparklasso.block.Standardization;
import org.sparklasso.penalty.ElasticNet;
import org.sparklasso.solver.CoordinateDescent;
import org.sparklasso.datafit.CovarianceStatistics;
import org.sparklasso.solver.Fista;
import org.sparklasso.datafit.LossOracle;
import org.sparklasso.datafit.QuadraticForm;
import org.sparklasso.datafit.WorkingSetOracle;
import org.sparklasso.solver.WorkingSetSolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the Gaussian family: one pass of feature moments (per fold), then the λ path (given list
 * or glmnet's default grid) with warm starts and strong rules, and cross-validation when asked.
 *
 * <p>{@code cd}: one more pass gives every fold's coordinate statistics, and the full path and
 * every fold's path run on the driver with no further pass (a mae pass at the end, if asked).
 * {@code workingset} (many features): each outer iteration is a pass for the gradient of every
 * feature and, when the working set changes, a pass for its coordinate statistics; coordinate
 * descent solves the working set on the driver. {@code fista}: every step is a pass. With either,
 * the fold models run in lockstep threads so that one pass serves every fold
 * ({@link org.sparklasso.pass.PassBatcher}), and their held-out errors come from the same
 * passes.
 */
public final class GaussianTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(GaussianTrainer.class);
    /** Default iteration limits: sweeps are cheap (driver only), FISTA steps are data passes. */
    static final int CD_MAX_SWEEPS = 100_000;
    static final int FISTA_MAX_STEPS = 10_000;
    /** Outer iterations of the working-set solver (each one or two passes). */
    static final int WORKING_SET_MAX_ROUNDS = 1_000;

    /**
     * The fits and how they were obtained.
     *
     * @param fits       the path's models, largest λ first
     * @param chosen     index in {@code fits} of the model for coefficients/ (lambdaChoice), or -1
     *                   when every fit is written (no cross-validation)
     * @param cv         cross-validation, or null
     */
    public record Result(Standardization standardization, List<FittedModel> fits, SolverChoice solver,
                         double lambdaMax, int passes, boolean computedGrid, CrossValidationResult cv, int chosen) {
    }

    private GaussianTrainer() {
    }

    /** Doubles of per-fold p×p statistics one aggregator may hold in auto mode (256 MB). */
    static final long CD_MAX_GRAM_DOUBLES = 32L << 20;

    /**
     * {@code auto}: cd when p ≤ cdMaxFeatures and the K per-fold p×p statistics of one
     * aggregator fit in 256 MB; workingset otherwise.
     */
    public static SolverChoice resolve(SolverChoice choice, int p, int cdMaxFeatures, int folds) {
        if (choice != SolverChoice.AUTO) {
            return choice;
        }
        boolean fits = (long) Math.max(1, folds) * p * p <= CD_MAX_GRAM_DOUBLES;
        return p <= cdMaxFeatures && fits ? SolverChoice.CD : SolverChoice.WORKINGSET;
    }

    /** One model's path problem: its coordinates, penalty, gradient at zero and solver. */
    private record PathProblem(Standardization standardization, ElasticNet penalty, double[] gradientAtZero,
                               RegularizationPath.Solver<ElasticNet> solver) {
    }

    public static Result train(LoadedData data, FitSpec config) {
        long start = System.nanoTime();
        int p = data.numFeatures();
        int folds = data.numFolds();
        PassCounter counter = new PassCounter();
        BlockPasses passes = new BlockPasses(data.blocks(), data.local(), p, folds, config.aggregationDepth(), counter);
        FeatureMoments[] byFold = passes.moments();
        Standardization s = standardization(byFold, -1, config);
        SolverChoice solver = resolve(config.solver(), p, config.cdMaxFeatures(), folds);
        CovarianceStatistics cov = solver == SolverChoice.CD ? passes.covariance(s) : null;
        PathProblem full = switch (solver) {
            case CD -> cdProblem(cov, -1, s, config);
            case WORKINGSET -> workingSetProblem(workingSetPasses(passes, s, data, config, 1)
                    .oracle(ModelSpec.full(s)), s, config, true);
            default -> fistaProblem(passes.oracle(passes.leastSquaresBatcher(1), ModelSpec.full(s)), s, config, true);
        };
        double lambdaMax = config.alpha() > 0 ? full.penalty().lambdaMax(full.gradientAtZero()) : Double.NaN;
        boolean computed = config.lambdas().isEmpty();
        double[] grid = computed ? computedGrid(lambdaMax, data.rows(), p, config) : sortedDescending(config);
        LOG.info("solver {}: n={} p={} lambdaMax={} {} λ values{}", solver.key(), data.rows(), p,
                String.format("%.6g", lambdaMax), grid.length, computed ? " (path)" : "");
        List<RegularizationPath.Step> steps = RegularizationPath.solve(grid, full.penalty(), new double[p],
                full.gradientAtZero(),
                lambdaMax, 0.5 * s.responseSquareMean(), config.screening(),
                computed ? RegularizationPath.EarlyStop.RELATIVE_GAIN : RegularizationPath.EarlyStop.NONE, full.solver(),
                progress(grid.length, counter, start));
        List<FittedModel> fits = new ArrayList<>();
        for (RegularizationPath.Step st : steps) {
            fits.add(FittedModel.of(st.lambda(), st.result(), s));
        }
        CrossValidationResult cv = folds > 0
                ? crossValidate(passes, s, data, byFold, cov, solver, fits, config, counter, start) : null;
        int chosen = choose(cv, fits, config);
        return new Result(s, fits, solver, lambdaMax, counter.passes(), computed, cv, chosen);
    }

    /** The index of the lambdaChoice model after cross-validation (logged), or -1 without. */
    static int choose(CrossValidationResult cv, List<FittedModel> fits, FitSpec config) {
        if (cv == null) {
            return -1;
        }
        int chosen = config.lambdaChoice().equals("lambda.min") ? cv.summary().indexMin() : cv.summary().index1se();
        LOG.info("cross-validation ({} folds, {}): lambda.min={} lambda.1se={} chosen {}={} nnz={}", cv.nfolds(),
                cv.typeMeasure(), String.format("%.6g", cv.summary().lambdaMin()),
                String.format("%.6g", cv.summary().lambda1se()), config.lambdaChoice(),
                String.format("%.6g", fits.get(chosen).lambda()), fits.get(chosen).nnz());
        return chosen;
    }

    static Standardization standardization(FeatureMoments[] byFold, int excluded, FitSpec config) {
        FeatureMoments m = new FeatureMoments(byFold[0].numFeatures());
        for (int k = 0; k < byFold.length; k++) {
            if (k != excluded) {
                m.merge(byFold[k]);
            }
        }
        return Standardization.of(m, config.fitIntercept(), config.standardize());
    }

    static double[] computedGrid(double lambdaMax, long n, int p, FitSpec config) {
        if (!(lambdaMax > 0)) {
            throw JobException.input("lambda: λ_max is 0 (the label is constant or no feature varies), so there "
                    + "is no path to compute; give lambda explicitly");
        }
        double ratio = Double.isNaN(config.lambdaMinRatio()) ? LambdaGrid.defaultMinRatio(n, p)
                : config.lambdaMinRatio();
        return LambdaGrid.logSpaced(lambdaMax, ratio, config.nlambda());
    }

    static double[] sortedDescending(FitSpec config) {
        return config.lambdas().stream().mapToDouble(Double::doubleValue).boxed()
                .sorted((a, b) -> Double.compare(b, a)).mapToDouble(Double::doubleValue).toArray();
    }

    private static ElasticNet penalty(Standardization s, FitSpec config) {
        return new ElasticNet(1.0, config.alpha(), s.penaltyWeight(), s.active());
    }

    private static PathProblem cdProblem(CovarianceStatistics cov, int excluded, Standardization s,
                                         FitSpec config) {
        QuadraticForm q = cov.quadraticForm(excluded, s);
        CoordinateDescent cd = new CoordinateDescent(config.tol(),
                config.maxIter() > 0 ? config.maxIter() : CD_MAX_SWEEPS);
        return new PathProblem(s, penalty(s, config), q.c(), (pen, warm) -> cd.solve(q, pen, warm));
    }

    /**
     * @param evaluateAtZero spend one pass at b = 0 for λ_max and the first strong set (the full
     *                       model); fold models skip it and screen from their second λ on
     */
    private static PathProblem fistaProblem(LossOracle oracle, Standardization s, FitSpec config,
                                            boolean evaluateAtZero) {
        double[] u0 = evaluateAtZero ? oracle.evaluate(new double[s.numFeatures()])[0].negGradient() : null;
        Fista fista = new Fista(config.tol(), config.maxIter() > 0 ? config.maxIter() : FISTA_MAX_STEPS);
        double[] lipschitz = {1.0};
        return new PathProblem(s, penalty(s, config), u0, (pen, warm) -> {
            var r = fista.solve(oracle, pen, warm, lipschitz[0]);
            lipschitz[0] = fista.lastLipschitz();
            return r;
        });
    }

    /** Like {@link #fistaProblem}, with the working-set solver (its driver statistics within the cd limits). */
    private static PathProblem workingSetProblem(WorkingSetOracle oracle, Standardization s, FitSpec config,
                                                 boolean evaluateAtZero) {
        double[] u0 = evaluateAtZero ? oracle.evaluate(new double[s.numFeatures()])[0].negGradient() : null;
        WorkingSetSolver solver = new WorkingSetSolver(config.tol(),
                config.maxIter() > 0 ? config.maxIter() : WORKING_SET_MAX_ROUNDS, FISTA_MAX_STEPS);
        return new PathProblem(s, penalty(s, config), u0, (pen, warm) -> solver.solve(oracle, pen, warm));
    }

    /** The passes of working-set solvers over this data (statistics or gathered columns by density). */
    private static WorkingSetPasses workingSetPasses(BlockPasses passes, Standardization global, LoadedData data,
                                                     FitSpec config, int participants) {
        return new WorkingSetPasses(passes, global, data.storedValues(), data.rows(),
                workingSetLimit(config.cdMaxFeatures(), data.numFolds()), participants);
    }

    /** The largest working set: cdMaxFeatures, and K·|W|² within cd's limit on per-fold statistics. */
    static int workingSetLimit(int cdMaxFeatures, int folds) {
        return (int) Math.min(cdMaxFeatures, Math.sqrt((double) CD_MAX_GRAM_DOUBLES / Math.max(1, folds)));
    }

    static Consumer<RegularizationPath.Step> progress(int gridLength, PassCounter counter, long start) {
        int every = gridLength <= 20 ? 1 : 10;
        int[] index = {0};
        return st -> {
            int k = index[0]++;
            if (k % every == 0 || k == gridLength - 1) {
                LOG.info("lambda {}/{}={} nnz={} devRatio={} relGap={} converged={} passes={} elapsed={}s", k + 1,
                        gridLength, String.format("%.5g", st.lambda()), nnz(st), String.format("%.4f", st.devRatio()),
                        String.format("%.1e", st.result().relativeGap()), st.result().converged(), counter.passes(),
                        String.format("%.2f", (System.nanoTime() - start) / 1e9));
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

    /** Every fold's path at the full path's λ values, and cv.glmnet's summary of their errors. */
    private static CrossValidationResult crossValidate(BlockPasses passes, Standardization global,
                                                       LoadedData data, FeatureMoments[] byFold,
                                                       CovarianceStatistics cov, SolverChoice solver,
                                                       List<FittedModel> fits, FitSpec config, PassCounter counter,
                                                       long start) {
        int folds = byFold.length;
        double[] lambdas = fits.stream().mapToDouble(FittedModel::lambda).toArray();
        boolean mae = config.typeMeasure().equals("mae");
        double[][] errors = new double[folds][lambdas.length];
        double[] weights = new double[folds];
        FittedModel[][] foldFits = new FittedModel[folds][];
        if (solver == SolverChoice.CD) {
            for (int k = 0; k < folds; k++) {
                Standardization sk = standardization(byFold, k, config);
                PathProblem problem = cdProblem(cov, k, sk, config);
                foldFits[k] = solveFold(problem, lambdas, config, k, folds, counter, start);
                weights[k] = cov.foldWeight(k);
                for (int l = 0; l < lambdas.length; l++) {
                    errors[k][l] = cov.heldOutSquaredError(k, foldFits[k][l].intercept(),
                            foldFits[k][l].coefficients()) / weights[k];
                }
            }
            if (mae) {
                double[][][] beta = new double[folds][lambdas.length][];
                double[][] b0 = new double[folds][lambdas.length];
                for (int k = 0; k < folds; k++) {
                    for (int l = 0; l < lambdas.length; l++) {
                        beta[k][l] = foldFits[k][l].coefficients();
                        b0[k][l] = foldFits[k][l].intercept();
                    }
                }
                double[][][] sums = passes.heldOutErrors(beta, b0);
                for (int k = 0; k < folds; k++) {
                    for (int l = 0; l < lambdas.length; l++) {
                        errors[k][l] = sums[k][l][1] / weights[k];
                    }
                }
            }
        } else {
            // one batcher of shared passes, of the kind the solver makes
            java.util.function.BiFunction<ModelSpec, Standardization, PathProblem> problemOf;
            Runnable leave;
            if (solver == SolverChoice.WORKINGSET) {
                WorkingSetPasses shared = workingSetPasses(passes, global, data, config, folds);
                problemOf = (spec, sk) -> workingSetProblem(shared.oracle(spec), sk, config, false);
                leave = shared::leave;
            } else {
                var batcher = passes.leastSquaresBatcher(folds);
                problemOf = (spec, sk) -> fistaProblem(passes.oracle(batcher, spec), sk, config, false);
                leave = batcher::leave;
            }
            List<FittedModel[]> solved = LockstepFolds.run(folds, fold -> {
                Standardization sk = standardization(byFold, fold, config);
                PathProblem problem = problemOf.apply(new ModelSpec(sk, fold), sk);
                return solveFold(problem, lambdas, config, fold, folds, counter, start);
            }, leave);
            for (int k = 0; k < folds; k++) {
                foldFits[k] = solved.get(k);
            }
            for (int k = 0; k < folds; k++) {
                weights[k] = foldFits[k][0].solve().heldOut().weight();
                for (int l = 0; l < lambdas.length; l++) {
                    HeldOut held = foldFits[k][l].solve().heldOut();
                    errors[k][l] = (mae ? held.absoluteError() : held.squaredError()) / held.weight();
                }
            }
        }
        int[] nnz = fits.stream().mapToInt(FittedModel::nnz).toArray();
        return new CrossValidationResult(config.typeMeasure(), folds,
                CrossValidationSummary.of(lambdas, errors, weights), nnz, errors, weights, Map.of());
    }

    private static FittedModel[] solveFold(PathProblem problem, double[] lambdas, FitSpec config, int fold,
                                           int folds, PassCounter counter, long start) {
        double lambdaMax = config.alpha() > 0 && problem.gradientAtZero() != null
                ? problem.penalty().lambdaMax(problem.gradientAtZero()) : lambdas[0];
        List<RegularizationPath.Step> steps = RegularizationPath.solve(lambdas, problem.penalty(),
                new double[problem.penalty().features()], problem.gradientAtZero(), lambdaMax, 0.5 * problem.standardization().responseSquareMean(),
                config.screening(), RegularizationPath.EarlyStop.NONE, problem.solver(), st -> { });
        FittedModel[] out = new FittedModel[steps.size()];
        boolean converged = true;
        for (int l = 0; l < out.length; l++) {
            out[l] = FittedModel.of(steps.get(l).lambda(), steps.get(l).result(), problem.standardization());
            converged &= steps.get(l).result().converged();
        }
        LOG.info("fold {}/{}: {} λ values, converged={} passes={} elapsed={}s", fold + 1, folds, out.length, converged,
                counter.passes(), String.format("%.2f", (System.nanoTime() - start) / 1e9));
        return out;
    }
}
