package org.sparklasso.pass;

import org.apache.spark.api.java.JavaRDD;
import org.sparklasso.block.Block;
import org.sparklasso.block.LocalBlocks;
import org.sparklasso.block.Standardization;
import org.sparklasso.datafit.CovarianceStatistics;
import org.sparklasso.datafit.Datafit;
import org.sparklasso.datafit.LossOracle;
import org.sparklasso.datafit.LossOracle.Evaluation;
import org.sparklasso.datafit.StochasticEpoch;
import org.sparklasso.datafit.StochasticOracle;
import org.sparklasso.kernel.FeatureMoments;

/**
 * The passes over one data set's cached blocks, as the path drivers see them: each method is one
 * pass (one Spark job, or in local mode one fold on the driver's threads), counted by the
 * {@link PassCounter} given here, or a batcher whose every batch is one pass. Everything here runs
 * on the driver; it hands each pass to its class ({@link StatisticsPasses},
 * {@link LeastSquaresPass}, {@link GlmPass}, {@link ScoringPasses}), which builds its aggregator
 * and reads the result, and those run their executor side through one {@link PassEngine}. The
 * working-set passes ({@link WorkingSetPasses}) share the engine.
 */
public final class BlockPasses {
    /** Largest number of held-out scores {@link #heldOutAuc} collects on the driver. */
    public static final long MAX_AUC_SCORES = ScoringPasses.MAX_AUC_SCORES;

    private final PassEngine engine;

    /**
     * @param local    the same blocks by reference (local mode), or null: every pass a Spark job
     * @param numFolds folds K the rows carry (0 or 1: no cross-validation)
     * @param depth    treeAggregate depth, 0 = automatic ({@link PassEngine#automaticDepth})
     */
    public BlockPasses(JavaRDD<Block> blocks, LocalBlocks local, int numFeatures, int numFolds, int depth,
                       PassCounter counter) {
        this.engine = new PassEngine(blocks, local, numFeatures, numFolds, depth, counter);
    }

    /** {@link PassEngine#automaticDepth} (kept here for {@code AggregationDepthTest}). */
    static int automaticDepth(int configured, int partitions, long resultBytes) {
        return PassEngine.automaticDepth(configured, partitions, resultBytes);
    }

    PassEngine engine() {
        return engine;
    }

    public PassCounter counter() {
        return engine.counter();
    }

    /** One pass: weighted means and variances of features and label, per fold. */
    public FeatureMoments[] moments() {
        return StatisticsPasses.moments(engine);
    }

    /** One pass: every fold's coordinate statistics in the global coordinates {@code s}. */
    public CovarianceStatistics covariance(Standardization s) {
        return StatisticsPasses.covariance(engine, s, null);
    }

    /**
     * A set of points (internal coordinates) of one model, to evaluate in a shared pass, and
     * optionally (epoch not null) one stochastic epoch from the first point in the same pass.
     */
    public record Request(ModelSpec spec, double[][] points, StochasticEpoch epoch) {
        public Request(ModelSpec spec, double[][] points) {
            this(spec, points, null);
        }
    }

    /** Evaluations of a request's points, and where its epoch ended (null: no epoch asked). */
    public record Response(Evaluation[] evaluations, StochasticOracle.EpochEnd epochEnd) {
    }

    /** A batcher of least-squares requests over this data (for {@code participants} solvers). */
    public PassBatcher<Request, Response> leastSquaresBatcher(int participants) {
        return LeastSquaresPass.batcher(engine, participants);
    }

    /** A solver's view of a least-squares batcher: its evaluations and epochs go through the shared passes. */
    public StochasticOracle oracle(PassBatcher<Request, Response> batcher, ModelSpec spec) {
        return LeastSquaresPass.oracle(engine, batcher, spec);
    }

    /**
     * One pass: each fold's held-out errors under its own models. {@code beta[k][l]} and
     * {@code intercept[k][l]} are fold k's original-scale model at the l-th λ; returns
     * {@code [k][l] = {Σ w r², Σ w |r|}} over fold k's rows.
     */
    public double[][][] heldOutErrors(double[][][] beta, double[][] intercept) {
        return ScoringPasses.heldOutErrors(engine, beta, intercept);
    }

    /**
     * Points of one generalized-linear model to evaluate in a shared pass. Each point is laid out
     * as K blocks of p internal coefficients then K intercepts; with a working set, the pass also
     * returns the per-class Hessian of the first point restricted to it (plus the intercept); with
     * an epoch, one stochastic epoch from the first point in the same pass.
     */
    public record GlmRequest(ModelSpec spec, double[][] points, int[] workingSet, StochasticEpoch epoch) {
        public GlmRequest(ModelSpec spec, double[][] points, int[] workingSet) {
            this(spec, points, workingSet, null);
        }
    }

    /**
     * Evaluations of a request's points; Hessian blocks ((m+1)×(m+1), /n) indexed [c·K + c2]
     * for classes c, c2 (rows: class c's coordinates), or null; where the request's epoch ended (or null).
     */
    public record GlmResponse(Evaluation[] evaluations, double[][] hessians, StochasticOracle.EpochEnd epochEnd) {
        public GlmResponse(Evaluation[] evaluations, double[][] hessians) {
            this(evaluations, hessians, null);
        }
    }

    /** A batcher of GLM requests over this data (for {@code participants} solvers). */
    public PassBatcher<GlmRequest, GlmResponse> glmBatcher(Datafit datafit, int participants) {
        return GlmPass.batcher(engine, datafit, participants);
    }

    /**
     * One pass: each fold's held-out rows scored by that fold's binomial models at every λ
     * ({@code beta[k][l]}, {@code intercept[k][l]}, original scale), collected on the driver, and
     * the weighted AUC of each (fold, λ) computed exactly (ties count one half).
     */
    public double[][] heldOutAuc(double[][][] beta, double[][] intercept) {
        return ScoringPasses.auc(engine, beta, intercept, false);
    }

    /** One pass: the training-data AUC of binomial models ({@code beta[l]}, {@code intercept[l]}). */
    public double[] trainingAuc(double[][] beta, double[] intercept) {
        return ScoringPasses.auc(engine, new double[][][] {beta}, new double[][] {intercept}, true)[0];
    }
}
