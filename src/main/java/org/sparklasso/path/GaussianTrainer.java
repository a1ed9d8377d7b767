package org.sparklasso.path;

import java.util.List;
import java.util.function.BiFunction;
import org.sparklasso.aggregate.BlockPasses;
import org.sparklasso.aggregate.PassCounter;
import org.sparklasso.data.LoadedData;
import org.sparklasso.job.JobConfig;
import org.sparklasso.job.SolverChoice;
import org.sparklasso.model.FittedModel;
import org.sparklasso.model.Standardization;
import org.sparklasso.penalty.ElasticNet;
import org.sparklasso.solver.CoordinateDescent;
import org.sparklasso.solver.Fista;
import org.sparklasso.solver.QuadraticForm;
import org.sparklasso.solver.SolverResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the Gaussian family at the configured λ values: one pass of feature moments, then either
 * one pass of coordinate statistics and coordinate descent on the driver ({@code cd}), or one pass
 * per FISTA step ({@code fista}).
 */
public final class GaussianTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(GaussianTrainer.class);
    /** Default iteration limits: sweeps are cheap (driver only), FISTA steps are data passes. */
    static final int CD_MAX_SWEEPS = 100_000;
    static final int FISTA_MAX_STEPS = 10_000;

    /** The fits and how they were obtained. */
    public record Result(Standardization standardization, List<FittedModel> fits, SolverChoice solver,
                         double lambdaMax, int passes) {
    }

    private GaussianTrainer() {
    }

    public static SolverChoice resolve(SolverChoice choice, int p, int cdMaxFeatures) {
        if (choice != SolverChoice.AUTO) {
            return choice;
        }
        return p <= cdMaxFeatures ? SolverChoice.CD : SolverChoice.FISTA;
    }

    public static Result train(LoadedData data, JobConfig config) {
        long start = System.nanoTime();
        PassCounter counter = new PassCounter();
        BlockPasses passes = new BlockPasses(data.blocks(), data.numFeatures(), config.aggregationDepth(), counter);
        Standardization s = Standardization.of(passes.moments(), config.fitIntercept(), config.standardize());
        passes.withStandardization(s);
        ElasticNet penalty = new ElasticNet(config.lambdas().get(0), config.alpha(), s.penaltyWeight(), s.active());
        SolverChoice solver = resolve(config.solver(), data.numFeatures(), config.cdMaxFeatures());
        BiFunction<ElasticNet, double[], SolverResult> solve;
        double lambdaMax;
        if (solver == SolverChoice.CD) {
            QuadraticForm q = passes.gram();
            lambdaMax = config.alpha() > 0 ? penalty.lambdaMax(q.c()) : Double.NaN;
            CoordinateDescent cd = new CoordinateDescent(config.tol(),
                    config.maxIter() > 0 ? config.maxIter() : CD_MAX_SWEEPS);
            solve = (pen, warm) -> cd.solve(q, pen, warm);
        } else {
            lambdaMax = config.alpha() > 0
                    ? penalty.lambdaMax(passes.evaluate(new double[data.numFeatures()])[0].negGradient())
                    : Double.NaN;
            Fista fista = new Fista(config.tol(), config.maxIter() > 0 ? config.maxIter() : FISTA_MAX_STEPS);
            double[] lipschitz = {1.0};
            solve = (pen, warm) -> {
                SolverResult r = fista.solve(passes, pen, warm, lipschitz[0]);
                lipschitz[0] = fista.lastLipschitz();
                return r;
            };
        }
        LOG.info("solver {}: n={} p={} lambdaMax={}", solver.key(), data.rows(), data.numFeatures(),
                String.format("%.6g", lambdaMax));
        List<FittedModel> fits = LambdaSequence.solve(config.lambdas(), penalty, s, solve, m -> LOG.info(
                "lambda={} nnz={} r2={} relGap={} converged={} iterations={} passes={} elapsed={}s",
                String.format("%.6g", m.lambda()), m.nnz(), String.format("%.4f", m.r2()),
                String.format("%.2e", m.solve().relativeGap()), m.solve().converged(), m.solve().iterations(),
                counter.passes(), String.format("%.2f", (System.nanoTime() - start) / 1e9)));
        return new Result(s, fits, solver, lambdaMax, counter.passes());
    }
}
