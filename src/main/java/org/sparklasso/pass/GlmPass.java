package org.sparklasso.pass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.broadcast.Broadcast;
import org.sparklasso.block.Standardization;
import org.sparklasso.datafit.Datafit;
import org.sparklasso.datafit.HeldOut;
import org.sparklasso.datafit.StochasticOracle;
import org.sparklasso.datafit.LossOracle.Evaluation;
import org.sparklasso.pass.BlockPasses.GlmRequest;
import org.sparklasso.pass.BlockPasses.GlmResponse;

/**
 * The generalized-linear evaluation pass: loss and gradient at any number of points of any number
 * of models (K margins each), each fold model's held-out sums, and for a Newton step the per-class
 * Hessian of a request's first point restricted to its working set. The driver moves the points to
 * the original scale and lays out the Hessians' columns ({@link GlmAggregator.Payload}); the
 * executors sum ({@link GlmAggregator}); the driver turns the sums into evaluations in each model's
 * internal coordinates and moves each Hessian to its model's center and scale. A request may also ask
 * for one stochastic epoch (solver sgd) from its first point, run in the same pass ({@link LocalSgd}).
 */
final class GlmPass {
    private GlmPass() {
    }

    /** A batcher of GLM requests (for {@code participants} solvers), one pass per batch. */
    static PassBatcher<GlmRequest, GlmResponse> batcher(PassEngine engine, Datafit datafit, int participants) {
        return new PassBatcher<>(requests -> evaluate(engine, datafit, requests), participants,
                Comparator.comparingInt(r -> r.spec().excludedFold()));
    }

    /** One pass: loss, gradient (and Hessians where asked) at every point of every request. */
    static List<GlmResponse> evaluate(PassEngine engine, Datafit datafit, List<GlmRequest> requests) {
        int p = engine.numFeatures();
        int k = datafit.margins();
        int points = requests.stream().mapToInt(r -> r.points().length).sum();
        HessianColumns columns = HessianColumns.of(requests, points);
        LocalSgd.Payload sgd = LocalSgd.Payload.of(datafit, p, requests, GlmRequest::spec, GlmRequest::points,
                GlmRequest::epoch);
        GlmAggregator agg;
        StochasticOracle.EpochEnd[] ends = null;
        try (PassEngine.Shared shared = engine.shared()) {
            Broadcast<GlmAggregator.Payload> bc = shared.broadcast(payload(datafit, requests, p, points, columns));
            if (sgd == null) {
                agg = engine.aggregate(() -> new GlmAggregator(p, k, points),
                        (acc, block) -> acc.add(block, bc.value()), GlmAggregator::merge,
                        resultBytes(columns.requested(), p, points, k));
            } else {
                Broadcast<LocalSgd.Payload> sb = shared.broadcast(sgd);
                EpochAggregator<GlmAggregator> both = engine.aggregateByPartition(
                        part -> new EpochAggregator<>(new GlmAggregator(p, k, points), new LocalSgd(sb.value(), part)),
                        (acc, block) -> acc.add(block, a -> a.add(block, bc.value())),
                        EpochAggregator.merging(GlmAggregator::merge),
                        resultBytes(columns.requested(), p, points, k) + 8L * sgd.models().length * (p + 1) * k);
                agg = both.evaluation();
                ends = both.epochs().averages(sgd);
            }
        }
        int epochIndex = 0;
        List<GlmResponse> out = new ArrayList<>();
        int q = 0;
        for (GlmRequest r : requests) {
            Standardization s = r.spec().standardization();
            double n = s.weightSum();
            Evaluation[] evals = new Evaluation[r.points().length];
            double[][] hessians = null;
            for (int i = 0; i < evals.length; i++, q++) {
                double[] u = new double[(p + 1) * k];
                for (int c = 0; c < k; c++) {
                    double sumR = agg.sumResiduals(q, c);
                    PartialSums.internalGradient(s, agg.rawGradient(q, c), sumR, u, c * p);
                    u[p * k + c] = sumR / n;
                }
                evals[i] = new Evaluation(agg.loss(q) / n, u, Double.NaN, HeldOut.of(agg.heldOut(q)));
                if (i == 0 && r.workingSet() != null) {
                    hessians = hessians(agg, q, k, r.workingSet(), s, columns.shiftCenter());
                }
            }
            out.add(new GlmResponse(evals, hessians, r.epoch() != null ? ends[epochIndex++] : null));
        }
        return out;
    }

    /**
     * The points on the original scale: class c of point q in column q·K+c of V, β = b/s on the
     * active features, the intercept a − Σ c_j β_j; each point's excluded fold; the Hessians' columns.
     */
    private static GlmAggregator.Payload payload(Datafit datafit, List<GlmRequest> requests, int p, int points,
                                                 HessianColumns columns) {
        int k = datafit.margins();
        double[] v = new double[p * k * points];
        double[] intercepts = new double[k * points];
        int[] excluded = new int[points];
        int q = 0;
        for (GlmRequest r : requests) {
            Standardization s = r.spec().standardization();
            for (int i = 0; i < r.points().length; i++, q++) {
                double[] x = r.points()[i];
                for (int c = 0; c < k; c++) {
                    double a = x[p * k + c];
                    for (int j = 0; j < p; j++) {
                        double beta = s.active()[j] ? x[c * p + j] / s.scale()[j] : 0;
                        v[(q * k + c) * p + j] = beta;
                        a -= s.center()[j] * beta;
                    }
                    intercepts[q * k + c] = a;
                }
                excluded[q] = r.spec().excludedFold();
            }
        }
        return new GlmAggregator.Payload(datafit, v, intercepts, excluded, points, columns.positions(),
                columns.union(), columns.unionCenter());
    }

    /**
     * Where the Hessians' columns come from. Every Hessian's columns are gathered once per block: the
     * union of the working sets, all shifted by one model's centers ({@code shiftCenter}, the first
     * Newton request's); each Hessian is moved to its own model's after the pass
     * ({@link GlmAggregator#recenter}).
     *
     * @param requested   per point, the working set whose Hessian it asks for (null: none)
     * @param union       the requested features, sorted (null: no Hessian)
     * @param positions   per point, its working set as positions into the union (null: none)
     * @param unionCenter the union's shift
     * @param shiftCenter the centers of the model whose shift the gathered columns carry (null: none)
     */
    private record HessianColumns(int[][] requested, int[] union, int[][] positions, double[] unionCenter,
                                  double[] shiftCenter) {
        static HessianColumns of(List<GlmRequest> requests, int points) {
            int[][] requested = new int[points][];
            double[] shiftCenter = null;
            int q = 0;
            for (GlmRequest r : requests) {
                if (r.workingSet() != null && r.points().length > 0) {
                    requested[q] = r.workingSet();
                    shiftCenter = shiftCenter == null ? r.spec().standardization().center() : shiftCenter;
                }
                q += r.points().length;
            }
            int[] union = shiftCenter == null ? null
                    : Arrays.stream(requested).filter(Objects::nonNull).flatMapToInt(Arrays::stream).distinct()
                            .sorted().toArray();
            int[][] positions = new int[points][];
            double[] unionCenter = null;
            if (union != null) {
                unionCenter = new double[union.length];
                for (int c = 0; c < union.length; c++) {
                    unionCenter[c] = shiftCenter[union[c]];
                }
                for (int t = 0; t < points; t++) {
                    if (requested[t] != null) {
                        positions[t] = new int[requested[t].length];
                        for (int c = 0; c < positions[t].length; c++) {
                            positions[t][c] = Arrays.binarySearch(union, requested[t][c]);
                        }
                    }
                }
            }
            return new HessianColumns(requested, union, positions, unionCenter, shiftCenter);
        }
    }

    /**
     * Point q's Hessian blocks ((m+1)×(m+1), /n) indexed [c·K + c2], moved from the columns' shared
     * shift to the model's own center and scale.
     */
    private static double[][] hessians(GlmAggregator agg, int q, int k, int[] set, Standardization s,
                                       double[] shiftCenter) {
        double n = s.weightSum();
        int m1 = set.length + 1;
        double[] delta = new double[set.length];
        double[] scale = new double[set.length];
        for (int c = 0; c < set.length; c++) {
            delta[c] = s.center()[set[c]] - shiftCenter[set[c]];
            scale[c] = s.scale()[set[c]];
        }
        double[][] hessians = new double[k * k][];
        for (int c = 0; c < k; c++) {
            for (int c2 = 0; c2 < k; c2++) {
                double[] block = agg.hessian(q, c, c2, m1);
                GlmAggregator.recenter(block, m1, delta, scale);
                for (int e = 0; e < block.length; e++) {
                    block[e] /= n;
                }
                hessians[c * k + c2] = block;
            }
        }
        return hessians;
    }

    /** One partial result's size: the gradients, sums and held-out sums of every point, and the Hessians. */
    private static long resultBytes(int[][] requested, int p, int points, int margins) {
        long bytes = 8L * points * margins * (p + 2);
        for (int[] set : requested) {
            if (set != null) {
                bytes += 8L * margins * margins * (set.length + 1) * (set.length + 1);
            }
        }
        return bytes;
    }
}
