package org.sparklasso.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.sparklasso.block.Standardization;
import org.sparklasso.datafit.CovarianceStatistics;
import org.sparklasso.datafit.HeldOut;
import org.sparklasso.datafit.LossOracle;
import org.sparklasso.datafit.QuadraticForm;
import org.sparklasso.datafit.StochasticOracle;
import org.sparklasso.datafit.WorkingSetOracle;
import org.sparklasso.input.LoadedData;
import org.sparklasso.pass.BlockPasses;
import org.sparklasso.pass.ModelSpec;
import org.sparklasso.pass.WorkingSetPasses;
import org.sparklasso.penalty.DualPenalty;
import org.sparklasso.penalty.ElasticNet;
import org.sparklasso.penalty.PathPenalty;
import org.sparklasso.penalty.SubgradientPenalty;
import org.sparklasso.solver.BlockCoordinateDescent;
import org.sparklasso.solver.CoordinateDescent;
import org.sparklasso.solver.SolverResult;
import org.sparklasso.solver.Convergence;
import org.sparklasso.solver.Fista;
import org.sparklasso.solver.StochasticGradient;
import org.sparklasso.solver.Subgradient;
import org.sparklasso.solver.WorkingSetSolver;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.FitSpec;
import org.sparklasso.spec.JobException;
import org.sparklasso.spec.PenaltyKind;
import org.sparklasso.spec.SolverChoice;

/**
 * The Gaussian family's paths (least squares). {@code cd}: one more pass gives every fold's
 * coordinate statistics, and the full path and every fold's path run on the driver with no further
 * pass (a mae pass at the end, if asked). {@code workingset} (many features): each outer iteration
 * is a pass for the gradient of every feature and, when the working set changes, a pass for its
 * coordinate statistics; coordinate descent solves the working set on the driver. {@code fista}:
 * every step is a pass. With either, the fold models run in lockstep threads after the full path,
 * so that one pass serves every fold ({@link org.sparklasso.pass.PassBatcher}), and their held-out
 * errors come from the same passes.
 */
public final class GaussianPaths implements FamilyPaths {
    /** Default sweep limit: sweeps are cheap (driver only); the pass-based budgets: {@link FirstOrderSolvers}. */
    static final int CD_MAX_SWEEPS = 100_000;
    /** Outer iterations of the working-set solver (each one or two passes). */
    static final int WORKING_SET_MAX_ROUNDS = 1_000;
    /** Doubles of per-fold p×p statistics one aggregator may hold in auto mode (256 MB). */
    static final long CD_MAX_GRAM_DOUBLES = 32L << 20;

    /**
     * One model's path problem: its coordinates, penalty (the elastic net, or the group lasso), gradient
     * at zero and solver.
     */
    private record PathProblem<P extends PathPenalty<P> & DualPenalty & SubgradientPenalty>(Standardization standardization, P penalty,
                                                                        double[] gradientAtZero,
                                                                        RegularizationPath.Solver<P> solver) {

        /** The path over {@code lambdas} from {@code start}. */
        List<RegularizationPath.Step> path(double[] lambdas, double[] start, double[] startGradient, double lambdaMax,
                                           boolean screening, RegularizationPath.EarlyStop earlyStop,
                                           Consumer<RegularizationPath.Step> progress,
                                           RegularizationPath.WarmStarts initial) {
            return RegularizationPath.solve(lambdas, penalty, start, startGradient, lambdaMax,
                    0.5 * standardization.responseSquareMean(), screening, earlyStop, solver, progress, k -> true,
                    initial);
        }

        /** The fit with only the features {@code keep} free (the unpenalized features' start). */
        SolverResult solveOn(boolean[] keep, double[] warm) {
            return solver.solve(penalty.restrictedTo(keep), warm);
        }

        double lambdaMax(double[] gradient) {
            return penalty.lambdaMax(gradient);
        }

        /** The penalty's value at λ. */
        double penaltyValue(double lambda, double[] b) {
            return penalty.withLambda(lambda).value(b);
        }
    }

    private final PathContext context;
    private final SolverChoice solver;
    private final CovarianceStatistics cov;
    private final PathProblem<?> full;
    /** The full path's warm start and the gradient there: zero, or the fit of the unpenalized features. */
    private final SolverResult startResult;
    private final double[] start;
    private final double[] startGradient;
    private final double lambdaMax;

    GaussianPaths(PathContext context) {
        this.context = context;
        LoadedData data = context.data();
        FitSpec spec = context.spec();
        BlockPasses passes = context.passes();
        Standardization s = context.global();
        this.solver = resolve(spec.solver(), data.numFeatures(), spec.cdMaxFeatures(), data.numFolds(),
                Penalties.kind(context.terms()));
        this.cov = solver == SolverChoice.CD || polishesWithCd(spec) ? passes.covariance(s) : null;
        this.full = switch (solver) {
            case CD -> cdProblem(-1, s);
            case WORKINGSET -> workingSetProblem(workingSetPasses(1).oracle(ModelSpec.full(s)), s, true);
            case SGD -> sgdProblem(passes.oracle(passes.leastSquaresBatcher(1), ModelSpec.full(s)), s, -1, true);
            default -> fistaProblem(passes.oracle(passes.leastSquaresBatcher(1), ModelSpec.full(s)), s, true);
        };
        boolean[] unpenalized = Penalties.unpenalized(s, context.terms());
        if (unpenalized != null) {
            // glmnet's first λ fits the unpenalized features alone; λ_max comes from the gradient there
            SolverResult r = full.solveOn(unpenalized, new double[data.numFeatures()]);
            this.startResult = r;
            this.start = r.coefficients();
            this.startGradient = r.gradient();
        } else {
            this.startResult = null;
            this.start = new double[data.numFeatures()];
            this.startGradient = full.gradientAtZero();
        }
        this.lambdaMax = full.lambdaMax(startGradient);
    }

    /**
     * {@code auto}: cd when p ≤ cdMaxFeatures and the K per-fold p×p statistics of one
     * aggregator fit in 256 MB; workingset otherwise.
     */
    public static SolverChoice resolve(SolverChoice choice, int p, int cdMaxFeatures, int folds) {
        return resolve(choice, p, cdMaxFeatures, folds, PenaltyKind.ELASTIC_NET);
    }

    /** As above for a penalty ({@link SolverChoice#auto}: fista for a penalty with neither prox cd and workingset take). */
    public static SolverChoice resolve(SolverChoice choice, int p, int cdMaxFeatures, int folds, PenaltyKind penalty) {
        if (choice != SolverChoice.AUTO) {
            return choice;
        }
        boolean fits = (long) Math.max(1, folds) * p * p <= CD_MAX_GRAM_DOUBLES;
        return SolverChoice.auto(Family.GAUSSIAN, penalty, p <= cdMaxFeatures && fits);
    }

    /** The largest working set: cdMaxFeatures, and K·|W|² within cd's limit on per-fold statistics. */
    static int workingSetLimit(int cdMaxFeatures, int folds) {
        return (int) Math.min(cdMaxFeatures, Math.sqrt((double) CD_MAX_GRAM_DOUBLES / Math.max(1, folds)));
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
        return lambdaMax;
    }

    @Override
    public String describe() {
        return "";
    }

    @Override
    public RegularizationPath.EarlyStop earlyStop() {
        return RegularizationPath.EarlyStop.RELATIVE_GAIN;
    }

    @Override
    public Paths solve(double[] grid, RegularizationPath.EarlyStop earlyStop,
                       Consumer<RegularizationPath.Step> progress) {
        List<RegularizationPath.Step> steps = full.path(grid, start, startGradient, lambdaMax,
                context.spec().screening(), earlyStop, progress, initial(context.global()));
        if (context.data().numFolds() == 0) {
            return new Paths(steps, List.of());
        }
        double[] lambdas = steps.stream().mapToDouble(RegularizationPath.Step::lambda).toArray();
        return new Paths(steps, solveFolds(lambdas));
    }

    @Override
    public FittedModel startModel() {
        if (startResult == null) {
            throw new IllegalStateException("no unpenalized feature: the start is the null model");
        }
        return FittedModel.of(0, startResult, context.global());
    }

    @Override
    public FittedModel model(RegularizationPath.Step step) {
        return FittedModel.of(step.lambda(), step.result(), context.global());
    }

    /** Every fold's path at the full path's λ values: on the driver (cd) or in lockstep sharing context.passes(). */
    private List<FoldPath> solveFolds(double[] lambdas) {
        int folds = context.data().numFolds();
        List<FoldPath> out = new ArrayList<>();
        if (solver == SolverChoice.CD) {
            for (int k = 0; k < folds; k++) {
                Standardization sk = context.foldStandardization(k);
                out.add(solveFold(cdProblem(k, sk), lambdas, k));
            }
            return out;
        }
        // one batcher of shared context.passes(), of the kind the solver makes
        BiFunction<ModelSpec, Standardization, PathProblem<?>> problemOf;
        Runnable leave;
        if (solver == SolverChoice.WORKINGSET) {
            WorkingSetPasses shared = workingSetPasses(folds);
            problemOf = (model, sk) -> workingSetProblem(shared.oracle(model), sk, false);
            leave = shared::leave;
        } else {
            var batcher = context.passes().leastSquaresBatcher(folds);
            problemOf = (model, sk) -> solver == SolverChoice.SGD
                    ? sgdProblem(context.passes().oracle(batcher, model), sk, model.excludedFold(), false)
                    : fistaProblem(context.passes().oracle(batcher, model), sk, false);
            leave = batcher::leave;
        }
        return LockstepFolds.run(folds, fold -> {
            Standardization sk = context.foldStandardization(fold);
            return solveFold(problemOf.apply(new ModelSpec(sk, fold), sk), lambdas, fold);
        }, leave);
    }

    private FoldPath solveFold(PathProblem<?> problem, double[] lambdas, int fold) {
        double foldLambdaMax = problem.gradientAtZero() != null
                ? problem.lambdaMax(problem.gradientAtZero()) : lambdas[0];
        List<RegularizationPath.Step> steps = problem.path(lambdas,
                new double[problem.standardization().numFeatures()], problem.gradientAtZero(), foldLambdaMax,
                context.spec().screening(), RegularizationPath.EarlyStop.NONE, st -> { },
                initial(problem.standardization()));
        context.logFold(fold, steps);
        return new FoldPath(problem.standardization(), steps);
    }

    @Override
    public FoldErrors foldErrors(List<FittedModel> fits, Paths paths) {
        int folds = paths.folds().size();
        int lambdas = fits.size();
        boolean mae = context.spec().typeMeasure().equals("mae");
        double[][] errors = new double[folds][lambdas];
        double[] weights = new double[folds];
        if (cov != null) {
            FittedModel[][] foldFits = new FittedModel[folds][lambdas];
            for (int k = 0; k < folds; k++) {
                FoldPath fp = paths.folds().get(k);
                weights[k] = cov.foldWeight(k);
                for (int l = 0; l < lambdas; l++) {
                    RegularizationPath.Step st = fp.steps().get(l);
                    foldFits[k][l] = FittedModel.of(st.lambda(), st.result(), fp.standardization());
                    errors[k][l] = cov.heldOutSquaredError(k, foldFits[k][l].intercept(),
                            foldFits[k][l].coefficients()) / weights[k];
                }
            }
            if (mae) {
                heldOutAbsoluteErrors(foldFits, weights, errors);
            }
        } else {
            for (int k = 0; k < folds; k++) {
                List<RegularizationPath.Step> steps = paths.folds().get(k).steps();
                weights[k] = steps.get(0).result().heldOut().weight();
                for (int l = 0; l < lambdas; l++) {
                    HeldOut held = steps.get(l).result().heldOut();
                    errors[k][l] = (mae ? held.absoluteError() : held.squaredError()) / held.weight();
                }
            }
        }
        return new FoldErrors(Map.of(context.spec().typeMeasure(), errors), weights);
    }

    /** cd's fold models' mean absolute errors: one prediction pass (the statistics give only squares). */
    private void heldOutAbsoluteErrors(FittedModel[][] foldFits, double[] weights, double[][] errors) {
        int folds = foldFits.length;
        int lambdas = foldFits[0].length;
        double[][][] beta = new double[folds][lambdas][];
        double[][] b0 = new double[folds][lambdas];
        for (int k = 0; k < folds; k++) {
            for (int l = 0; l < lambdas; l++) {
                beta[k][l] = foldFits[k][l].coefficients();
                b0[k][l] = foldFits[k][l].intercept();
            }
        }
        double[][][] sums = context.passes().heldOutErrors(beta, b0);
        for (int k = 0; k < folds; k++) {
            for (int l = 0; l < lambdas; l++) {
                errors[k][l] = sums[k][l][1] / weights[k];
            }
        }
    }

    /**
     * The relaxed lasso on the coordinate statistics: each distinct active set's least-squares refit
     * by coordinate descent with every penalty factor 0 (bounds kept), no pass; the folds' held-out
     * squared errors from the statistics, and mae from one prediction pass of every fold blend.
     */
    @Override
    public Relaxed relax(Paths paths, double[] gammas) {
        if (solver != SolverChoice.CD) {
            throw JobException.config("relax: the relaxed lasso's refits run on the coordinate statistics (solver cd), "
                    + "and this fit runs " + solver.key() + " (p=" + context.data().numFeatures() + "); set solver=cd "
                    + "or cdMaxFeatures >= p");
        }
        List<List<FittedModel>> full = blends(-1, context.global(), paths.full(), gammas);
        int folds = context.data().numFolds();
        if (folds == 0) {
            return new Relaxed(full, Map.of());
        }
        int lambdas = paths.full().size();
        boolean mae = context.spec().typeMeasure().equals("mae");
        double[][][] errors = new double[gammas.length][folds][lambdas];
        double[][][] beta = new double[folds][gammas.length * lambdas][];
        double[][] b0 = new double[folds][gammas.length * lambdas];
        for (int k = 0; k < folds; k++) {
            FoldPath fp = paths.folds().get(k);
            List<List<FittedModel>> fb = blends(k, fp.standardization(), fp.steps().subList(0, lambdas), gammas);
            for (int g = 0; g < gammas.length; g++) {
                for (int l = 0; l < lambdas; l++) {
                    FittedModel m = fb.get(g).get(l);
                    if (mae) {
                        beta[k][g * lambdas + l] = m.coefficients();
                        b0[k][g * lambdas + l] = m.intercept();
                    } else {
                        errors[g][k][l] = cov.heldOutSquaredError(k, m.intercept(), m.coefficients())
                                / cov.foldWeight(k);
                    }
                }
            }
        }
        if (mae) {
            // absolute errors need the rows: one prediction pass for every fold's blends
            double[][][] sums = context.passes().heldOutErrors(beta, b0);
            for (int g = 0; g < gammas.length; g++) {
                for (int k = 0; k < folds; k++) {
                    for (int l = 0; l < lambdas; l++) {
                        errors[g][k][l] = sums[k][g * lambdas + l][1] / cov.foldWeight(k);
                    }
                }
            }
        }
        return new Relaxed(full, Map.of(context.spec().typeMeasure(), errors));
    }

    /** One model's blends [γ][λ]: refits cached by active set, losses from the quadratic form. */
    private List<List<FittedModel>> blends(int fold, Standardization s, List<RegularizationPath.Step> steps,
                                           double[] gammas) {
        QuadraticForm q = cov.quadraticForm(fold, s);
        ElasticNet free = Penalties.elasticNet(context.spec(), s, context.terms().unpenalized());
        CoordinateDescent cd = new CoordinateDescent(context.spec().tol(), maxIter(CD_MAX_SWEEPS));
        PathProblem<?> problem = fold < 0 ? full : null;
        RelaxedLasso.Refits<SolverResult> refits = new RelaxedLasso.Refits<>();
        List<List<FittedModel>> out = new ArrayList<>();
        for (double ignored : gammas) {
            out.add(new ArrayList<>());
        }
        for (RegularizationPath.Step step : steps) {
            double[] x = step.result().coefficients();
            SolverResult refit = refits.of(x.length, j -> x[j] != 0, keep -> cd.solve(q, free.restrictedTo(keep), x));
            for (int g = 0; g < gammas.length; g++) {
                double[] y = RelaxedLasso.blend(gammas[g], x, refit.coefficients());
                double loss = quadraticLoss(q, y);
                double objective = problem == null ? Double.NaN : loss + problem.penaltyValue(step.lambda(), y);
                SolverResult r = step.result();
                out.get(g).add(FittedModel.of(step.lambda(), new SolverResult(y, loss, objective, r.gap(),
                        r.relativeGap(), r.converged(), r.iterations(), r.passes(), null, null), s));
            }
        }
        return out;
    }

    /** ½(yy − 2cᵀb + bᵀGb): the least-squares loss of b from the statistics. */
    private static double quadraticLoss(QuadraticForm q, double[] b) {
        int p = q.p();
        double v = q.yy();
        for (int j = 0; j < p; j++) {
            if (b[j] == 0) {
                continue;
            }
            v -= 2 * q.c()[j] * b[j];
            double gb = 0;
            for (int k = 0; k < p; k++) {
                gb += q.gram()[k + j * p] * b[k];
            }
            v += b[j] * gb;
        }
        return Math.max(0, 0.5 * v);
    }

    /** The user's maxIter, or the solver's default. */
    private int maxIter(int solverDefault) {
        return FirstOrderSolvers.budget(context.spec(), solverDefault);
    }

    private ElasticNet penalty(Standardization s) {
        return Penalties.elasticNet(context.spec(), s, context.terms());
    }

    /** The warm starts from {@code initialModel} in coordinates {@code s}, or null without one. */
    private RegularizationPath.WarmStarts initial(Standardization s) {
        return InitialWarmStarts.leastSquares(context.spec(), context.data().featureNames(), s);
    }

    /** Whether the fit is the group lasso. */
    private boolean grouped() {
        return Penalties.grouped(context.terms());
    }

    /** Coordinate descent on the statistics: a coordinate at a time, or a group at a time for the group lasso. */
    private PathProblem<?> cdProblem(int excluded, Standardization s) {
        QuadraticForm q = cov.quadraticForm(excluded, s);
        if (grouped()) {
            BlockCoordinateDescent bcd = new BlockCoordinateDescent(context.spec().tol(), maxIter(CD_MAX_SWEEPS));
            return new PathProblem<>(s, Penalties.group(context.spec(), s, context.terms(), false), q.c(),
                    (pen, warm) -> bcd.solve(q, pen, warm));
        }
        CoordinateDescent cd = new CoordinateDescent(context.spec().tol(), maxIter(CD_MAX_SWEEPS));
        return new PathProblem<>(s, penalty(s), q.c(), (pen, warm) -> cd.solve(q, pen, warm));
    }

    /**
     * @param evaluateAtZero spend one pass at b = 0 for λ_max and the first strong set (the full
     *                       model); fold models skip it and screen from their second λ on
     */
    private PathProblem<?> fistaProblem(LossOracle oracle, Standardization s, boolean evaluateAtZero) {
        double[] u0 = gradientAtZero(oracle, s, evaluateAtZero);
        return grouped() ? fistaProblem(oracle, s, Penalties.group(context.spec(), s, context.terms(), false), u0)
                : fistaProblem(oracle, s, penalty(s), u0);
    }

    /** The full-pass first-order solvers (fista, gd, subgradient) at each λ, their step constant carried along the path. */
    private <P extends PathPenalty<P> & DualPenalty & SubgradientPenalty> PathProblem<P> fistaProblem(
            LossOracle oracle, Standardization s, P penalty, double[] u0) {
        double tol = context.spec().tol();
        if (solver == SolverChoice.SUBGRADIENT) {
            Subgradient subgradient = FirstOrderSolvers.subgradient(context.spec());
            return new PathProblem<>(s, penalty, u0,
                    (pen, warm) -> subgradient.solve(oracle, pen, warm, Convergence.DUALITY_GAP));
        }
        Fista fista = FirstOrderSolvers.proximalGradient(solver, context.spec());
        double[] lipschitz = {1.0};
        return new PathProblem<>(s, penalty, u0, (pen, warm) -> {
            var r = fista.solve(oracle, pen, warm, lipschitz[0]);
            lipschitz[0] = fista.lastLipschitz();
            return r;
        });
    }

    /** −∇ at b = 0 (one pass) for λ_max and the first strong set when {@code evaluate}, else null. */
    private static double[] gradientAtZero(LossOracle oracle, Standardization s, boolean evaluate) {
        return evaluate ? oracle.evaluate(new double[s.numFeatures()])[0].negGradient() : null;
    }

    /** sgd with sgdPolish: its answers are finished by coordinate descent on the statistics. */
    private boolean polishesWithCd(FitSpec spec) {
        boolean polish = solver == SolverChoice.SGD && spec.solverOptions().sgdPolish();
        int p = context.data().numFeatures();
        if (polish && p > spec.cdMaxFeatures()) {
            throw JobException.config("sgdPolish: the gaussian polish is coordinate descent on the p×p statistics, and p="
                    + p + " > cdMaxFeatures=" + spec.cdMaxFeatures() + "; raise cdMaxFeatures or use solver=workingset");
        }
        return polish;
    }

    /**
     * Like {@link #fistaProblem}, with proximal stochastic gradient; with sgdPolish, each λ's answer
     * finished by coordinate descent (block cd for groups) on model {@code excluded}'s statistics.
     */
    private PathProblem<?> sgdProblem(StochasticOracle oracle, Standardization s, int excluded, boolean evaluateAtZero) {
        double[] u0 = gradientAtZero(oracle, s, evaluateAtZero);
        StochasticGradient sgd = FirstOrderSolvers.sgd(context.spec());
        QuadraticForm q = cov != null ? cov.quadraticForm(excluded, s) : null;
        if (grouped()) {
            BlockCoordinateDescent bcd = new BlockCoordinateDescent(context.spec().tol(), maxIter(CD_MAX_SWEEPS));
            return new PathProblem<>(s, Penalties.group(context.spec(), s, context.terms(), false), u0,
                    (pen, warm) -> FirstOrderSolvers.polished(sgd.solve(oracle, pen, warm, Convergence.DUALITY_GAP),
                            q != null ? w -> bcd.solve(q, pen, w) : null));
        }
        CoordinateDescent cd = new CoordinateDescent(context.spec().tol(), maxIter(CD_MAX_SWEEPS));
        return new PathProblem<>(s, penalty(s), u0,
                (pen, warm) -> FirstOrderSolvers.polished(sgd.solve(oracle, pen, warm, Convergence.DUALITY_GAP),
                        q != null ? w -> cd.solve(q, pen, w) : null));
    }

    /** Like {@link #fistaProblem}, with the working-set solver (its driver statistics within the cd limits). */
    private PathProblem<?> workingSetProblem(WorkingSetOracle oracle, Standardization s, boolean evaluateAtZero) {
        double[] u0 = gradientAtZero(oracle, s, evaluateAtZero);
        WorkingSetSolver ws = new WorkingSetSolver(context.spec().tol(),
                maxIter(WORKING_SET_MAX_ROUNDS), FirstOrderSolvers.FISTA_MAX_STEPS);
        if (grouped()) {
            return new PathProblem<>(s, Penalties.group(context.spec(), s, context.terms(), false), u0,
                    (pen, warm) -> ws.solveGroups(oracle, pen, warm));
        }
        return new PathProblem<>(s, penalty(s), u0, (pen, warm) -> ws.solve(oracle, pen, warm));
    }

    /** The passes of working-set solvers over this data (statistics or gathered columns by density). */
    private WorkingSetPasses workingSetPasses(int participants) {
        return new WorkingSetPasses(context.passes(), context.global(), context.data().storedValues(),
                context.data().rows(),
                workingSetLimit(context.spec().cdMaxFeatures(), context.data().numFolds()), participants);
    }
}
