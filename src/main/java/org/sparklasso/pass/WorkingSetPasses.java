package org.sparklasso.pass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.broadcast.Broadcast;
import org.sparklasso.block.Block;
import org.sparklasso.block.ColumnSubset;
import org.sparklasso.block.Standardization;
import org.sparklasso.datafit.CovarianceStatistics;
import org.sparklasso.datafit.LossOracle.Evaluation;
import org.sparklasso.datafit.QuadraticForm;
import org.sparklasso.datafit.WorkingSetOracle;
import org.sparklasso.pass.BlockPasses.Request;

/**
 * The passes of working-set solvers, shared between solvers running in lockstep threads (the full
 * model or every cross-validation fold model). Each solver alternates evaluations and restricted
 * problems in its own order, so both kinds go through one {@link PassBatcher}: a round serves
 * every waiting request with at most one evaluation pass and one pass for the union of the
 * requested features (every fold's restricted problem comes from the same pass). All of it runs
 * on the driver except the passes' executor-side sums ({@link LeastSquaresPass},
 * {@link StatisticsPasses#covariance}) and the column gather.
 *
 * <p>A restricted problem is built from the features' coordinate statistics (|W|² numbers per
 * fold; dense data, where the columns would cost n·|W|) or from their gathered columns (sparse
 * data, where they cost about density·n·|W| and the statistics would be mostly zeros).
 */
public final class WorkingSetPasses {
    /** One solver's request: evaluation points, or the features of a restricted form. */
    private record Round(Request evaluation, int[] features) {
    }

    private record Answer(Evaluation[] evaluation, int[] features, CovarianceStatistics statistics,
                          ColumnSubset columns) {
    }

    /** Gathered entries the driver may hold for a working set (32M: about 400 MB). */
    static final long MAX_GATHERED_ENTRIES = 32L << 20;

    private final PassEngine engine;
    private final Standardization global;
    private final int p;
    private final boolean gather;
    private final int maxFeatures;
    private final PassBatcher<Round, Answer> batcher;

    /**
     * @param global         the full data's coordinates, in which the statistics are stored
     * @param storedValues   feature values the blocks hold; below half of rows·p the columns are gathered
     * @param maxGramFeatures the largest working set whose statistics may be held (dense data)
     * @param participants   solvers that will submit until they {@link #leave}
     */
    public WorkingSetPasses(BlockPasses passes, Standardization global, long storedValues, long rows,
                            int maxGramFeatures, int participants) {
        this.engine = passes.engine();
        this.global = global;
        this.p = global.numFeatures();
        this.gather = storedValues < 0.5 * rows * p;
        long perFeature = Math.max(1, storedValues / Math.max(1, p));
        this.maxFeatures = gather ? (int) Math.min(p, MAX_GATHERED_ENTRIES / perFeature) : maxGramFeatures;
        this.batcher = new PassBatcher<>(this::round, participants, Comparator.comparingInt(
                r -> r.evaluation() != null ? r.evaluation().spec().excludedFold() : Integer.MAX_VALUE));
    }

    private List<Answer> round(List<Round> rounds) {
        List<Request> evaluations = new ArrayList<>();
        boolean[] wanted = new boolean[p];
        boolean anyStatistics = false;
        for (Round r : rounds) {
            if (r.evaluation() != null) {
                evaluations.add(r.evaluation());
            } else {
                anyStatistics = true;
                for (int j : r.features()) {
                    wanted[j] = true;
                }
            }
        }
        Evaluation[][] evaluated = evaluations.isEmpty() ? new Evaluation[0][]
                : LeastSquaresPass.evaluate(engine, evaluations).stream().map(BlockPasses.Response::evaluations)
                        .toArray(Evaluation[][]::new);
        int[] union = IntStream.range(0, p).filter(j -> wanted[j]).toArray();
        CovarianceStatistics statistics = anyStatistics && !gather
                ? StatisticsPasses.covariance(engine, global, union) : null;
        ColumnSubset columns = anyStatistics && gather ? gatherColumns(engine, union) : null;
        List<Answer> out = new ArrayList<>();
        int e = 0;
        for (Round r : rounds) {
            out.add(r.evaluation() != null ? new Answer(evaluated[e++], null, null, null)
                    : new Answer(null, union, statistics, columns));
        }
        return out;
    }

    /**
     * A solver's view of the shared passes, for the model {@code spec}. It remembers its last
     * single-point evaluation: the path's re-solve after a KKT check, and the first λ after the
     * evaluation at zero, start where the last solve ended, and cost no pass for it.
     */
    public WorkingSetOracle oracle(ModelSpec spec) {
        return new WorkingSetOracle() {
            private double[] lastPoint;
            private Evaluation lastEvaluation;

            @Override
            public Evaluation[] evaluate(double[]... points) {
                if (points.length == 1 && lastPoint != null && java.util.Arrays.equals(points[0], lastPoint)) {
                    return new Evaluation[] {lastEvaluation};
                }
                Evaluation[] e = batcher.submit(new Round(new Request(spec, points), null)).evaluation();
                if (points.length == 1) {
                    lastPoint = points[0].clone();
                    lastEvaluation = e[0];
                }
                return e;
            }

            @Override
            public Restricted restricted(int[] features) {
                Answer a = batcher.submit(new Round(null, features));
                Standardization own = spec.standardization().restrictedTo(a.features());
                QuadraticForm form = a.columns() != null ? null
                        : a.statistics().quadraticForm(spec.excludedFold(), own);
                return new Restricted(a.features(), form, a.columns(), own, spec.excludedFold());
            }

            @Override
            public int maxFeatures() {
                return maxFeatures;
            }

            @Override
            public int passes() {
                return engine.counter().passes();
            }
        };
    }

    /**
     * One pass: the columns {@code features} (strictly increasing) of every row, with labels,
     * weights and folds, selected on the executors and collected on the driver in column form.
     */
    private static ColumnSubset gatherColumns(PassEngine engine, int[] features) {
        List<Block> parts;
        try (PassEngine.Shared shared = engine.shared()) {
            Broadcast<int[]> selected = shared.broadcast(features);
            parts = engine.perBlock(b -> b.selectColumns(selected.value()));
        }
        return ColumnSubset.of(parts, features.length);
    }

    /** A solver is finished: the others no longer wait for it. */
    public void leave() {
        batcher.leave();
    }
}
