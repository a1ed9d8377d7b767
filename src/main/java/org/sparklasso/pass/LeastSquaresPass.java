package org.sparklasso.pass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.sparklasso.block.Standardization;
import org.sparklasso.datafit.HeldOut;
import org.sparklasso.datafit.StochasticEpoch;
import org.sparklasso.datafit.StochasticOracle;
import org.sparklasso.datafit.LossOracle.Evaluation;
import org.sparklasso.pass.BlockPasses.Request;
import org.sparklasso.pass.BlockPasses.Response;

/**
 * The least-squares evaluation pass: loss, gradient and Σ w r ỹ at any number of points of any
 * number of models (the full model and the fold models share each pass), plus each fold model's
 * held-out sums. The driver moves every point to the original scale ({@link
 * LeastSquaresAggregator.Payload}); the executors sum residuals and raw gradients
 * ({@link LeastSquaresAggregator}); the driver turns the sums into evaluations in each model's
 * internal coordinates. A request may also ask for one stochastic epoch (solver sgd) from its first
 * point: the same pass then runs it ({@link LocalSgd}) beside the sums.
 */
final class LeastSquaresPass {
    private LeastSquaresPass() {
    }

    /** A batcher of least-squares requests (for {@code participants} solvers), one pass per batch. */
    static PassBatcher<Request, Response> batcher(PassEngine engine, int participants) {
        return new PassBatcher<>(requests -> evaluate(engine, requests), participants,
                Comparator.comparingInt(r -> r.spec().excludedFold()));
    }

    /** A solver's view of a least-squares batcher: its evaluations go through the shared passes. */
    static StochasticOracle oracle(PassEngine engine, PassBatcher<Request, Response> batcher, ModelSpec spec) {
        PassCounter counter = engine.counter();
        return new StochasticOracle() {
            @Override
            public Evaluation[] evaluate(double[]... points) {
                return batcher.submit(new Request(spec, points)).evaluations();
            }

            @Override
            public EpochResult epoch(double[] start, StochasticEpoch epoch) {
                Response r = batcher.submit(new Request(spec, new double[][] {start}, epoch));
                return new EpochResult(r.evaluations()[0], r.epochEnd());
            }

            @Override
            public int passes() {
                return counter.passes();
            }
        };
    }

    /** One pass: loss and gradient at every point of every request, and the epochs asked for. */
    static List<Response> evaluate(PassEngine engine, List<Request> requests) {
        int p = engine.numFeatures();
        int k = requests.stream().mapToInt(r -> r.points().length).sum();
        LocalSgd.Payload sgd = LocalSgd.Payload.of(null, p, requests, Request::spec, Request::points, Request::epoch);
        LeastSquaresAggregator agg;
        StochasticOracle.EpochEnd[] ends = null;
        try (PassEngine.Shared shared = engine.shared()) {
            Broadcast<LeastSquaresAggregator.Payload> bc = shared.broadcast(payload(requests, p, k));
            if (sgd == null) {
                agg = engine.aggregate(() -> new LeastSquaresAggregator(p, k),
                        (acc, block) -> acc.add(block, bc.value()),
                        LeastSquaresAggregator::merge, 8L * k * p);
            } else {
                Broadcast<LocalSgd.Payload> sb = shared.broadcast(sgd);
                EpochAggregator<LeastSquaresAggregator> both = engine.aggregateByPartition(
                        part -> new EpochAggregator<>(new LeastSquaresAggregator(p, k), new LocalSgd(sb.value(), part)),
                        (acc, block) -> acc.add(block, a -> a.add(block, bc.value())),
                        EpochAggregator.merging(LeastSquaresAggregator::merge), 8L * (k + sgd.models().length) * p);
                agg = both.evaluation();
                ends = both.epochs().averages(sgd);
            }
        }
        Evaluation[][] out = new Evaluation[requests.size()][];
        int q = 0;
        for (int r = 0; r < requests.size(); r++) {
            ModelSpec spec = requests.get(r).spec();
            Standardization s = spec.standardization();
            double n = s.weightSum();
            out[r] = new Evaluation[requests.get(r).points().length];
            for (int i = 0; i < out[r].length; i++, q++) {
                double[] u = new double[p];
                PartialSums.internalGradient(s, agg.rawGradient(q), agg.sumResiduals(q), u, 0);
                out[r][i] = new Evaluation(agg.sumSquares(q) / (2 * n), u, agg.sumResidualResponse(q) / n,
                        spec.excludedFold() >= 0 ? HeldOut.of(agg.heldOut(q)) : null);
            }
        }
        List<Response> responses = new ArrayList<>(requests.size());
        int m = 0;
        for (int r = 0; r < requests.size(); r++) {
            responses.add(new Response(out[r], requests.get(r).epoch() != null ? ends[m++] : null));
        }
        return responses;
    }

    /**
     * The k points on the original scale, column q = point q: β = b/s on the active features, the
     * shift Σ c_j β_j that centers its margins, its model's response center and excluded fold.
     */
    private static LeastSquaresAggregator.Payload payload(List<Request> requests, int p, int k) {
        double[] v = new double[p * k];
        double[] shift = new double[k];
        double[] yCenter = new double[k];
        int[] excluded = new int[k];
        int q = 0;
        for (Request r : requests) {
            Standardization s = r.spec().standardization();
            for (double[] point : r.points()) {
                double[] beta = s.toOriginal(point);
                System.arraycopy(beta, 0, v, q * p, p);
                for (int j = 0; j < p; j++) {
                    shift[q] += s.center()[j] * beta[j];
                }
                yCenter[q] = s.yCenter();
                excluded[q] = r.spec().excludedFold();
                q++;
            }
        }
        return new LeastSquaresAggregator.Payload(v, shift, yCenter, excluded, k);
    }
}
