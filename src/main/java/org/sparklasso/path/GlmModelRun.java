package org.sparklasso.path;

import org.sparklasso.spec.FeatureTerms;
import org.sparklasso.spec.FitSpec;

import org.sparklasso.pass.BlockPasses;
import org.sparklasso.pass.ModelSpec;
import org.sparklasso.pass.PassBatcher;
import org.sparklasso.spec.SolverChoice;
import org.sparklasso.block.Standardization;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import org.sparklasso.penalty.GroupLasso;
import org.sparklasso.penalty.MultiClassPenalty;
import org.sparklasso.penalty.PathPenalty;
import org.sparklasso.penalty.Penalty;
import org.sparklasso.solver.Convergence;
import org.sparklasso.solver.Fista;
import org.sparklasso.solver.StochasticGradient;
import org.sparklasso.solver.Subgradient;
import org.sparklasso.datafit.StochasticEpoch;
import org.sparklasso.datafit.StochasticOracle;
import org.sparklasso.datafit.NewtonOracle;
import org.sparklasso.solver.GroupProxNewton;
import org.sparklasso.solver.ProxNewton;
import org.sparklasso.solver.SolverResult;

/**
 * One binomial or multinomial model (the full model, or the model of one cross-validation fold)
 * with its coordinates, penalty and solver, evaluating through shared passes: its null model,
 * λ_max, and the solver a {@link RegularizationPath} drives.
 */
final class GlmModelRun implements NewtonOracle, StochasticOracle {
    /** Newton steps per λ: each is two passes; glmnet's IRLS needs a handful. */
    static final int NEWTON_MAX_STEPS = 100;

    private final BlockPasses passes;
    private final PassBatcher<BlockPasses.GlmRequest, BlockPasses.GlmResponse> batcher;
    private final ModelSpec spec;
    private final MultiClassPenalty base;
    /** The group lasso's penalty (penalty=group, binomial), or null; {@link #base} then serves the null model only. */
    private final GroupLasso group;
    private final SolverChoice solver;
    private final ProxNewton newton;
    private final GroupProxNewton groupNewton;
    /** fista, or gd (fista without momentum). */
    private final Fista fista;
    private final Subgradient subgradient;
    private final StochasticGradient sgd;
    /** sgd: finish each λ with (group) Newton from its answer. */
    private final boolean polish;
    private double lipschitz = 1;
    private Convergence<Penalty> convergence;
    /** The unpenalized features, or null when there are none. */
    private final boolean[] unpenalized;
    private SolverResult nullModel;
    private double nullLoss;
    private double lambdaMax;

    GlmModelRun(BlockPasses passes, PassBatcher<BlockPasses.GlmRequest, BlockPasses.GlmResponse> batcher,
                ModelSpec spec, int margins, FitSpec config, FeatureTerms terms, SolverChoice solver) {
        this.passes = passes;
        this.batcher = batcher;
        this.spec = spec;
        Standardization s = spec.standardization();
        this.base = Penalties.multiClass(config, s, terms, margins);
        this.group = Penalties.grouped(terms) ? Penalties.group(config, s, terms, true) : null;
        this.unpenalized = Penalties.unpenalized(s, terms);
        this.solver = solver;
        int newtonSteps = FirstOrderSolvers.budget(config, NEWTON_MAX_STEPS);
        this.newton = new ProxNewton(config.tol(), newtonSteps);
        this.groupNewton = new GroupProxNewton(config.tol(), newtonSteps);
        this.fista = FirstOrderSolvers.proximalGradient(solver, config);
        this.subgradient = FirstOrderSolvers.subgradient(config);
        this.sgd = FirstOrderSolvers.sgd(config);
        this.polish = config.solverOptions().sgdPolish();
    }

    private GlmModelRun(GlmModelRun fitted, PassBatcher<BlockPasses.GlmRequest, BlockPasses.GlmResponse> batcher) {
        this.passes = fitted.passes;
        this.batcher = batcher;
        this.spec = fitted.spec;
        this.base = fitted.base;
        this.group = fitted.group;
        this.unpenalized = fitted.unpenalized;
        this.nullLoss = fitted.nullLoss;
        this.solver = fitted.solver;
        this.newton = fitted.newton;
        this.groupNewton = fitted.groupNewton;
        this.fista = fitted.fista;
        this.subgradient = fitted.subgradient;
        this.sgd = fitted.sgd;
        this.polish = fitted.polish;
        this.nullModel = fitted.nullModel;
        this.lambdaMax = fitted.lambdaMax;
        this.convergence = fitted.convergence;
    }

    /**
     * This model, its null model already fitted, evaluating through another batcher from now on (the
     * full model joining the fold models' lockstep); this run is not to be used afterwards.
     */
    GlmModelRun sharing(PassBatcher<BlockPasses.GlmRequest, BlockPasses.GlmResponse> other) {
        return new GlmModelRun(this, other);
    }

    /** The path's λ values (descending), so that Newton can take each next λ's first step early. */
    void followGrid(double[] grid) {
        double[] lambdas = grid.clone();
        newton.lookahead(lambda -> {
            for (int i = 0; i + 1 < lambdas.length; i++) {
                if (lambdas[i] == lambda) {
                    return lambdas[i + 1];
                }
            }
            return Double.NaN;
        });
    }

    Standardization standardization() {
        return spec.standardization();
    }

    /**
     * Where Newton starts the intercepts-only fit: for one margin (binomial, labels 0/1) with an
     * intercept, its closed form, the log-odds of the weighted label mean (Σ w (y − p) = 0 at
     * p = ȳ), so that the first pass finds it converged; zeros otherwise. From zeros it took four or
     * five passes (B2's path with 5-fold CV: 103 passes, 98 with this start; on a cluster each is a
     * Spark job and a scan).
     */
    static double[] interceptsOnlyStart(MultiClassPenalty base, double labelMean) {
        double[] start = new double[base.size()];
        if (base.classes() == 1 && base.fitIntercept() && labelMean > 0 && labelMean < 1) {
            start[base.interceptIndex(0)] = Math.log(labelMean / (1 - labelMean));
        }
        return start;
    }

    /**
     * Fits the path's starting model, the intercepts and the unpenalized features with every other
     * feature held at zero (glmnet's first λ), and sets λ_max and the scale of the KKT stopping rule
     * from its gradient, and the null loss (intercepts only) that deviance ratios divide by.
     */
    SolverResult fitNullModel() {
        Convergence<Penalty> absolute = Convergence.kkt(1.0);
        ProxNewton tight = new ProxNewton(1e-12, NEWTON_MAX_STEPS);
        SolverResult interceptsOnly = tight.solve(this, base.restrictedTo(new boolean[base.features()]),
                interceptsOnlyStart(base, spec.standardization().labelMean()), absolute);
        nullLoss = interceptsOnly.loss();
        nullModel = unpenalized != null ? tight.solve(this, base.restrictedTo(unpenalized), interceptsOnly.coefficients(),
                absolute) : interceptsOnly;
        double[] u0 = nullModel.gradient();
        PathPenalty<?> path = group != null ? group : base;
        lambdaMax = path.lambdaMax(u0);
        double scale = 0;
        for (int j = 0; j < path.features(); j++) {
            if (path.isActive(j)) {
                scale = Math.max(scale, path.featureScore(u0, j));
            }
        }
        convergence = Convergence.kkt(scale);
        return nullModel;
    }

    SolverResult nullModel() {
        return nullModel;
    }

    /** The loss of the intercept-only model (the null deviance / 2n). */
    double nullLoss() {
        return nullLoss;
    }

    double lambdaMax() {
        return lambdaMax;
    }

    /**
     * The path over {@code grid} from {@code start} (the null model), with the model's penalty: the
     * elastic net or the group lasso (newton or fista); each λ from {@code initial} when not null.
     */
    List<RegularizationPath.Step> path(double[] grid, SolverResult start, boolean screening,
                                       RegularizationPath.EarlyStop earlyStop,
                                       Consumer<RegularizationPath.Step> progress, IntPredicate proceed,
                                       RegularizationPath.WarmStarts initial) {
        if (group != null) {
            return RegularizationPath.solve(grid, group, start.coefficients(), start.gradient(), lambdaMax, nullLoss,
                    screening, earlyStop, this::solveGroup, progress, proceed, initial);
        }
        return RegularizationPath.solve(grid, base, start.coefficients(), start.gradient(), lambdaMax, nullLoss,
                screening, earlyStop, this::solve, progress, proceed, initial);
    }

    /** The group lasso at one λ (warm-started). */
    private SolverResult solveGroup(GroupLasso penalty, double[] warm) {
        return switch (solver) {
            case FISTA, GD -> solveWithFista(penalty, warm);
            case SUBGRADIENT -> subgradient.solve(this, penalty, warm, convergence);
            case SGD -> FirstOrderSolvers.polished(sgd.solve(this, penalty, warm, convergence),
                    polish ? w -> groupNewton.solve(this, penalty, w, convergence) : null);
            default -> groupNewton.solve(this, penalty, warm, convergence);
        };
    }

    /** FISTA at one λ (warm-started), its step constant carried along the path. */
    private SolverResult solveWithFista(Penalty penalty, double[] warm) {
        SolverResult r = fista.solve(this, penalty, warm, lipschitz, convergence);
        lipschitz = fista.lastLipschitz();
        return r;
    }

    /** The solver at one λ (warm-started), as the path calls it. */
    SolverResult solve(MultiClassPenalty penalty, double[] warm) {
        return switch (solver) {
            case FISTA, GD -> solveWithFista(penalty, warm);
            case SUBGRADIENT -> subgradient.solve(this, penalty, warm, convergence);
            case SGD -> FirstOrderSolvers.polished(sgd.solve(this, penalty, warm, convergence),
                    polish ? w -> newton.solve(this, penalty, w, convergence) : null);
            default -> newton.solve(this, penalty, warm, convergence);
        };
    }

    /** A blend of the relaxed lasso, its evaluation (loss, held-out sums, training misses) and its penalty at its λ. */
    record Blend(double[] point, Evaluation evaluation, double penalty) {
    }

    /**
     * The relaxed lasso on this model's path {@code steps}: each distinct active set's unpenalized
     * refit (proximal Newton with every factor 0, to an absolute KKT residual of tol/100), then
     * every blend γ·lasso + (1−γ)·refit evaluated in one pass. Returns [γ][λ].
     */
    Blend[][] relaxedBlends(FitSpec config, FeatureTerms terms, java.util.List<RegularizationPath.Step> steps,
                            double[] gammas) {
        MultiClassPenalty free = Penalties.multiClass(config, spec.standardization(), terms.unpenalized(),
                base.classes());
        ProxNewton refitter = new ProxNewton(config.tol() / 100, NEWTON_MAX_STEPS);
        Convergence<Penalty> absolute = Convergence.kkt(1.0);
        RelaxedLasso.Refits<double[]> refits = new RelaxedLasso.Refits<>();
        int lambdas = steps.size();
        double[][] points = new double[gammas.length * lambdas][];
        for (int l = 0; l < lambdas; l++) {
            double[] x = steps.get(l).result().coefficients();
            double[] refit = refits.of(base.features(), j -> base.isNonzero(x, j),
                    keep -> refitter.solve(this, free.restrictedTo(keep), x, absolute).coefficients());
            for (int g = 0; g < gammas.length; g++) {
                points[g * lambdas + l] = RelaxedLasso.blend(gammas[g], x, refit);
            }
        }
        Evaluation[] evaluations = evaluate(points);
        Blend[][] out = new Blend[gammas.length][lambdas];
        for (int g = 0; g < gammas.length; g++) {
            for (int l = 0; l < lambdas; l++) {
                double[] point = points[g * lambdas + l];
                out[g][l] = new Blend(point, evaluations[g * lambdas + l],
                        penaltyValue(steps.get(l).lambda(), point));
            }
        }
        return out;
    }

    /** The model's penalty value at λ (the group lasso's, or the elastic net's). */
    private double penaltyValue(double lambda, double[] x) {
        return group != null ? group.withLambda(lambda).value(x) : base.withLambda(lambda).value(x);
    }

    @Override
    public Evaluation[] evaluate(double[]... points) {
        return batcher.submit(new BlockPasses.GlmRequest(spec, points, null)).evaluations();
    }

    @Override
    public NewtonPoints evaluateWithHessian(double[][] points, int[] workingSet) {
        BlockPasses.GlmResponse r = batcher.submit(new BlockPasses.GlmRequest(spec, points, workingSet));
        return new NewtonPoints(r.evaluations(), r.hessians());
    }

    @Override
    public EpochResult epoch(double[] start, StochasticEpoch epoch) {
        BlockPasses.GlmResponse r = batcher.submit(new BlockPasses.GlmRequest(spec, new double[][] {start}, null, epoch));
        return new EpochResult(r.evaluations()[0], r.epochEnd());
    }

    @Override
    public int passes() {
        return passes.counter().passes();
    }
}
