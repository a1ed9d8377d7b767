package org.sparklasso.pass;

import org.sparklasso.datafit.HeldOut;

import org.sparklasso.datafit.Datafit;
import org.sparklasso.datafit.LossOracle;
import org.sparklasso.spec.JobException;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparklasso.block.Block;
import org.sparklasso.block.ColumnSubset;
import org.sparklasso.kernel.FeatureMoments;
import org.sparklasso.kernel.GramStatistics;
import org.sparklasso.block.LocalBlocks;
import org.sparklasso.block.Standardization;
import org.sparklasso.datafit.CovarianceStatistics;
import org.sparklasso.datafit.LossOracle.Evaluation;

/**
 * The distributed passes over cached blocks, each exactly one Spark job ({@link #aggregate}), or in
 * local mode one fold of the blocks on the driver's threads ({@link LocalFold}): feature
 * moments per fold, coordinate statistics per fold, and least-squares evaluations of any number of
 * points of any number of models (the full model and the fold models share each pass).
 * Broadcasts are destroyed after each pass; everything else happens on the driver.
 */
public final class BlockPasses {
    private final JavaRDD<Block> blocks;
    /** The blocks by reference in local mode (passes without Spark jobs), else null. */
    private final LocalBlocks local;
    private final int p;
    private final int numFolds;
    /** Configured treeAggregate depth, 0 = automatic. */
    private final int depth;
    private final int partitions;
    private final PassCounter counter;

    /**
     * @param local    the same blocks by reference (local mode), or null: every pass a Spark job
     * @param numFolds folds K the rows carry (0 or 1: no cross-validation)
     */
    public BlockPasses(JavaRDD<Block> blocks, LocalBlocks local, int numFeatures, int numFolds, int depth,
                       PassCounter counter) {
        this.blocks = blocks;
        this.local = local;
        this.p = numFeatures;
        this.numFolds = Math.max(1, numFolds);
        this.depth = depth;
        this.partitions = blocks.getNumPartitions();
        this.counter = counter;
    }

    /** Partitions up to which results go straight to the driver ({@code aggregationDepth} 0). */
    static final int DIRECT_AGGREGATION_PARTITIONS = 16;
    /** Total partial results the driver may receive directly (spark.driver.maxResultSize is 1g). */
    static final long DIRECT_AGGREGATION_BYTES = 256L << 20;

    /**
     * The treeAggregate depth of a pass whose partial result takes {@code resultBytes}: the
     * configured one, or 1 for few partitions with small results. Spark's treeAggregate at depth 2
     * adds an intermediate shuffle stage once partitions > s + ⌈partitions/s⌉ with s = ⌈√partitions⌉
     * (from 6 partitions on): a fixed cost on every pass, which pays off only when many large
     * partial results would otherwise all meet on the driver.
     */
    static int automaticDepth(int configured, int partitions, long resultBytes) {
        if (configured > 0) {
            return configured;
        }
        return partitions <= DIRECT_AGGREGATION_PARTITIONS && partitions * resultBytes <= DIRECT_AGGREGATION_BYTES
                ? 1 : 2;
    }

    private int depth(long resultBytes) {
        return automaticDepth(depth, partitions, resultBytes);
    }

    /**
     * One pass: seqOp over every block from a zero value per partition (Spark ships each task a copy
     * of one; locally each partition gets its own), the partition results merged by combOp. In local
     * mode no job ({@link LocalFold}); else at depth 1 one plain job ({@link PartitionFold}), deeper
     * Spark's treeAggregate. The pass is named after the calling line.
     */
    private <U> U aggregate(java.util.function.Supplier<U> zeroValue,
                            org.apache.spark.api.java.function.Function2<U, Block, U> seqOp,
                            org.apache.spark.api.java.function.Function2<U, U, U> combOp, long resultBytes) {
        if (local != null) {
            return LocalFold.run(local, callSite(), zeroValue, seqOp, combOp);
        }
        U zero = zeroValue.get();
        int d = depth(resultBytes);
        if (d > 1) {
            return blocks.treeAggregate(zero, seqOp, combOp, d);
        }
        return PartitionFold.run(blocks, zero, seqOp, combOp, callSite());
    }

    /** "pass at File.java:line" of the pass method that called the caller (for Spark's UI and the logs). */
    private static String callSite() {
        StackWalker.StackFrame caller = StackWalker.getInstance().walk(s -> s.skip(2).findFirst()).orElseThrow();
        return "pass at " + caller.getFileName() + ":" + caller.getLineNumber();
    }

    /** {@code f} of every block, in order, on the driver: one Spark job, or in local mode none. */
    private <R> List<R> perBlock(org.apache.spark.api.java.function.Function<Block, R> f) {
        return local != null ? LocalFold.map(local, callSite(), f) : blocks.map(f).collect();
    }

    public PassCounter counter() {
        return counter;
    }

    /** One pass: weighted means and variances of features and label, per fold. */
    public FeatureMoments[] moments() {
        int numFeatures = p;
        int k = numFolds;
        FeatureMoments[] m = aggregate(() -> {
                    FeatureMoments[] zero = new FeatureMoments[k];
                    for (int f = 0; f < k; f++) {
                        zero[f] = new FeatureMoments(numFeatures);
                    }
                    return zero;
                },
                (acc, block) -> {
                    if (k == 1) {
                        block.addMoments(acc[0]);
                    } else {
                        int[][] rows = block.rowsByFold(k);
                        for (int f = 0; f < k; f++) {
                            if (rows[f].length > 0) {
                                block.subset(rows[f]).addMoments(acc[f]);
                            }
                        }
                    }
                    return acc;
                },
                (a, b) -> {
                    for (int f = 0; f < a.length; f++) {
                        a[f].merge(b[f]);
                    }
                    return a;
                }, 8L * k * numFeatures * 3);
        counter.increment();
        return m;
    }

    /** One pass: every fold's coordinate statistics in the global coordinates {@code s}. */
    public CovarianceStatistics covariance(Standardization s) {
        return covariance(s, null);
    }

    /**
     * One pass: every fold's coordinate statistics of the features {@code features} (strictly
     * increasing; null: all) in the global coordinates {@code s}, as statistics over those
     * features alone (renumbered 0..|features|−1). A working-set solver's restricted problem.
     */
    public CovarianceStatistics covariance(Standardization s, int[] features) {
        Standardization restricted = features == null ? s : s.restrictedTo(features);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<double[][]> bc = jsc.broadcast(
                new double[][] {restricted.center(), restricted.scale(), {restricted.yCenter()}});
        Broadcast<int[]> selected = features == null ? null : jsc.broadcast(features);
        int numFeatures = restricted.numFeatures();
        int k = numFolds;
        GramStatistics[] g;
        try {
            g = aggregate(() -> {
                        GramStatistics[] zero = new GramStatistics[k];
                        for (int f = 0; f < k; f++) {
                            zero[f] = new GramStatistics(numFeatures);
                        }
                        return zero;
                    },
                    (acc, whole) -> {
                        double[][] c = bc.value();
                        Block block = selected == null ? whole : whole.selectColumns(selected.value());
                        if (k == 1) {
                            block.addGram(c[0], c[1], c[2][0], acc[0]);
                        } else {
                            int[][] rows = block.rowsByFold(k);
                            for (int f = 0; f < k; f++) {
                                if (rows[f].length > 0) {
                                    block.subset(rows[f]).addGram(c[0], c[1], c[2][0], acc[f]);
                                }
                            }
                        }
                        return acc;
                    },
                    (a, b) -> {
                        for (int f = 0; f < a.length; f++) {
                            a[f].merge(b[f]);
                        }
                        return a;
                    }, 8L * k * numFeatures * numFeatures);
        } finally {
            bc.destroy();
            if (selected != null) {
                selected.destroy();
            }
        }
        counter.increment();
        for (GramStatistics stats : g) {
            stats.gram();
            stats.xy();
            stats.xSum();
        }
        return new CovarianceStatistics(restricted, g);
    }

    /**
     * One pass: the columns {@code features} (strictly increasing) of every row, with labels,
     * weights and folds, collected on the driver in column form.
     */
    public ColumnSubset gatherColumns(int[] features) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<int[]> selected = jsc.broadcast(features);
        List<Block> parts;
        try {
            parts = perBlock(b -> b.selectColumns(selected.value()));
        } finally {
            selected.destroy();
        }
        counter.increment();
        return ColumnSubset.of(parts, features.length);
    }

    /** A set of points (internal coordinates) of one model, to evaluate in a shared pass. */
    public record Request(ModelSpec spec, double[][] points) {
    }

    /** A batcher of least-squares requests over this data (for {@code participants} solvers). */
    public PassBatcher<Request, Evaluation[]> leastSquaresBatcher(int participants) {
        return new PassBatcher<>(requests -> java.util.Arrays.asList(evaluate(requests)), participants);
    }

    /** A solver's view of a least-squares batcher: its evaluations go through the shared passes. */
    public org.sparklasso.datafit.LossOracle oracle(PassBatcher<Request, Evaluation[]> batcher, ModelSpec spec) {
        return new org.sparklasso.datafit.LossOracle() {
            @Override
            public Evaluation[] evaluate(double[]... points) {
                return batcher.submit(new Request(spec, points));
            }

            @Override
            public int passes() {
                return counter.passes();
            }
        };
    }

    /** One pass: loss and gradient at every point of every request. */
    public Evaluation[][] evaluate(List<Request> requests) {
        int k = requests.stream().mapToInt(r -> r.points().length).sum();
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
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<LeastSquaresAggregator.Payload> bc =
                jsc.broadcast(new LeastSquaresAggregator.Payload(v, shift, yCenter, excluded, k));
        int numFeatures = p;
        int columns = k;
        LeastSquaresAggregator agg;
        try {
            agg = aggregate(() -> new LeastSquaresAggregator(numFeatures, columns),
                    (acc, block) -> acc.add(block, bc.value()),
                    LeastSquaresAggregator::merge, 8L * columns * numFeatures);
        } finally {
            bc.destroy();
        }
        counter.increment();
        Evaluation[][] out = new Evaluation[requests.size()][];
        q = 0;
        for (int r = 0; r < requests.size(); r++) {
            ModelSpec spec = requests.get(r).spec();
            Standardization s = spec.standardization();
            double n = s.weightSum();
            out[r] = new Evaluation[requests.get(r).points().length];
            for (int i = 0; i < out[r].length; i++, q++) {
                double[] raw = agg.rawGradient(q);
                double sumR = agg.sumResiduals(q);
                double[] u = new double[p];
                for (int j = 0; j < p; j++) {
                    u[j] = s.active()[j] ? (raw[j] - s.center()[j] * sumR) / (n * s.scale()[j]) : 0;
                }
                out[r][i] = new Evaluation(agg.sumSquares(q) / (2 * n), u, agg.sumResidualResponse(q) / n,
                        spec.excludedFold() >= 0 ? HeldOut.of(agg.heldOut(q)) : null);
            }
        }
        return out;
    }

    /**
     * One pass: each fold's held-out errors under its own models. {@code beta[k][l]} and
     * {@code intercept[k][l]} are fold k's original-scale model at the l-th λ; returns
     * {@code [k][l] = {Σ w r², Σ w |r|}} over fold k's rows.
     */
    public double[][][] heldOutErrors(double[][][] beta, double[][] intercept) {
        int k = numFolds;
        int numFeatures = p;
        int models = intercept[0].length;
        double[][] coef = new double[k][];
        for (int f = 0; f < k; f++) {
            coef[f] = new double[numFeatures * models];
            for (int l = 0; l < models; l++) {
                System.arraycopy(beta[f][l], 0, coef[f], l * numFeatures, numFeatures);
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<double[][][]> bc = jsc.broadcast(new double[][][] {coef, intercept});
        double[][][] sums;
        try {
            sums = aggregate(() -> new double[k][models][2],
                    (acc, block) -> {
                        double[][] c = bc.value()[0];
                        double[][] b0 = bc.value()[1];
                        int[][] rows = block.rowsByFold(k);
                        for (int f = 0; f < k; f++) {
                            if (rows[f].length == 0) {
                                continue;
                            }
                            Block sub = block.subset(rows[f]);
                            int n = sub.rows();
                            double[] m = new double[n * models];
                            sub.multiply(c[f], models, m);
                            for (int l = 0; l < models; l++) {
                                for (int i = 0; i < n; i++) {
                                    double r = sub.label(i) - b0[f][l] - m[l * n + i];
                                    acc[f][l][0] += sub.weight(i) * r * r;
                                    acc[f][l][1] += sub.weight(i) * Math.abs(r);
                                }
                            }
                        }
                        return acc;
                    },
                    (a, b) -> {
                        for (int f = 0; f < a.length; f++) {
                            for (int l = 0; l < a[f].length; l++) {
                                a[f][l][0] += b[f][l][0];
                                a[f][l][1] += b[f][l][1];
                            }
                        }
                        return a;
                    }, 8L * numFeatures);
        } finally {
            bc.destroy();
        }
        counter.increment();
        return sums;
    }

    /**
     * Points of one generalized-linear model to evaluate in a shared pass. Each point is laid out
     * as K blocks of p internal coefficients then K intercepts; with a working set, the pass also
     * returns the per-class Hessian of the first point restricted to it (plus the intercept).
     */
    public record GlmRequest(ModelSpec spec, double[][] points, int[] workingSet) {
    }

    /**
     * Evaluations of a request's points; Hessian blocks ((m+1)×(m+1), /n) indexed [c·K + c2]
     * for classes c, c2 (rows: class c's coordinates), or null.
     */
    public record GlmResponse(Evaluation[] evaluations, double[][] hessians) {
    }

    /** A batcher of GLM requests over this data. */
    public PassBatcher<GlmRequest, GlmResponse> glmBatcher(org.sparklasso.datafit.Datafit datafit,
                                                          int participants) {
        return new PassBatcher<>(requests -> evaluateGlm(datafit, requests), participants);
    }

    /** One pass: loss, gradient (and Hessians where asked) at every point of every request. */
    public List<GlmResponse> evaluateGlm(org.sparklasso.datafit.Datafit datafit, List<GlmRequest> requests) {
        int k = datafit.margins();
        int points = requests.stream().mapToInt(r -> r.points().length).sum();
        double[] v = new double[p * k * points];
        double[] intercepts = new double[k * points];
        int[] excluded = new int[points];
        int[][] hessianColumns = new int[points][];
        double[] shiftCenter = null;
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
                if (i == 0 && r.workingSet() != null) {
                    hessianColumns[q] = r.workingSet();
                    shiftCenter = shiftCenter == null ? s.center() : shiftCenter;
                }
            }
        }
        // every Hessian's columns are gathered once per block: the union of the working sets, all
        // shifted by one model's centers (each Hessian is moved to its own model's after the pass)
        int[] union = shiftCenter == null ? null
                : java.util.Arrays.stream(hessianColumns).filter(java.util.Objects::nonNull)
                        .flatMapToInt(java.util.Arrays::stream).distinct().sorted().toArray();
        int[][] positions = new int[points][];
        double[] unionCenter = null;
        if (union != null) {
            unionCenter = new double[union.length];
            for (int c = 0; c < union.length; c++) {
                unionCenter[c] = shiftCenter[union[c]];
            }
            for (int t = 0; t < points; t++) {
                if (hessianColumns[t] != null) {
                    positions[t] = new int[hessianColumns[t].length];
                    for (int c = 0; c < positions[t].length; c++) {
                        positions[t][c] = java.util.Arrays.binarySearch(union, hessianColumns[t][c]);
                    }
                }
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<GlmAggregator.Payload> bc = jsc.broadcast(new GlmAggregator.Payload(datafit, v, intercepts,
                excluded, points, positions, union, unionCenter));
        int numFeatures = p;
        int total = points;
        GlmAggregator agg;
        try {
            agg = aggregate(() -> new GlmAggregator(numFeatures, k, total),
                    (acc, block) -> acc.add(block, bc.value()), GlmAggregator::merge, glmResultBytes(hessianColumns, total, k));
        } finally {
            bc.destroy();
        }
        counter.increment();
        List<GlmResponse> out = new java.util.ArrayList<>();
        q = 0;
        for (GlmRequest r : requests) {
            Standardization s = r.spec().standardization();
            double n = s.weightSum();
            Evaluation[] evals = new Evaluation[r.points().length];
            double[][] hessians = null;
            for (int i = 0; i < evals.length; i++, q++) {
                double[] u = new double[(p + 1) * k];
                for (int c = 0; c < k; c++) {
                    double[] raw = agg.rawGradient(q, c);
                    double sumR = agg.sumResiduals(q, c);
                    for (int j = 0; j < p; j++) {
                        u[c * p + j] = s.active()[j] ? (raw[j] - s.center()[j] * sumR) / (n * s.scale()[j]) : 0;
                    }
                    u[p * k + c] = sumR / n;
                }
                evals[i] = new Evaluation(agg.loss(q) / n, u, Double.NaN, HeldOut.of(agg.heldOut(q)));
                if (i == 0 && r.workingSet() != null) {
                    int[] set = r.workingSet();
                    int m1 = set.length + 1;
                    double[] delta = new double[set.length];
                    double[] scale = new double[set.length];
                    for (int c = 0; c < set.length; c++) {
                        delta[c] = s.center()[set[c]] - shiftCenter[set[c]];
                        scale[c] = s.scale()[set[c]];
                    }
                    hessians = new double[k * k][];
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
                }
            }
            out.add(new GlmResponse(evals, hessians));
        }
        return out;
    }

    private long glmResultBytes(int[][] hessianColumns, int points, int margins) {
        long bytes = 8L * points * margins * (p + 2);
        for (int[] set : hessianColumns) {
            if (set != null) {
                bytes += 8L * margins * margins * (set.length + 1) * (set.length + 1);
            }
        }
        return bytes;
    }

    /** Largest number of held-out scores {@link #heldOutAuc} collects on the driver. */
    public static final long MAX_AUC_SCORES = 50_000_000L;

    /**
     * One pass: each fold's held-out rows scored by that fold's binomial models at every λ
     * ({@code beta[k][l]}, {@code intercept[k][l]}, original scale), collected on the driver, and
     * the weighted AUC of each (fold, λ) computed exactly (ties count one half).
     */
    public double[][] heldOutAuc(double[][][] beta, double[][] intercept) {
        return auc(beta, intercept, false);
    }

    /** One pass: the training-data AUC of binomial models ({@code beta[l]}, {@code intercept[l]}). */
    public double[] trainingAuc(double[][] beta, double[] intercept) {
        return auc(new double[][][] {beta}, new double[][] {intercept}, true)[0];
    }

    /** One block's rows of one fold, scored by every model (model-major: model l's at l·n). */
    private record ScoredRows(int fold, double[] labels, double[] weights, double[] scores)
            implements java.io.Serializable {
    }

    private double[][] auc(double[][][] beta, double[][] intercept, boolean allRows) {
        int k = allRows ? 1 : numFolds;
        int foldsInBlocks = numFolds;
        int models = intercept[0].length;
        int numFeatures = p;
        long rows = local != null ? local.partitions().stream().flatMap(List::stream).mapToLong(Block::rows).sum()
                : blocks.map(Block::rows).fold(0, Integer::sum);
        if (rows * (long) models > MAX_AUC_SCORES) {
            throw org.sparklasso.spec.JobException.config("typeMeasure: auc collects " + rows + " × " + models
                    + " held-out scores on the driver, more than " + MAX_AUC_SCORES + "; use deviance or class");
        }
        double[][] coef = new double[k][numFeatures * models];
        for (int f = 0; f < k; f++) {
            for (int l = 0; l < models; l++) {
                System.arraycopy(beta[f][l], 0, coef[f], l * numFeatures, numFeatures);
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<double[][][]> bc = jsc.broadcast(new double[][][] {coef, intercept});
        List<ScoredRows> scored;
        try {
            scored = perBlock(block -> {
                double[][] c = bc.value()[0];
                double[][] b0 = bc.value()[1];
                int[][] byFold = allRows ? new int[][] {java.util.stream.IntStream.range(0, block.rows()).toArray()}
                        : block.rowsByFold(foldsInBlocks);
                List<ScoredRows> out = new java.util.ArrayList<>();
                for (int f = 0; f < k; f++) {
                    if (byFold[f].length == 0) {
                        continue;
                    }
                    Block sub = block.subset(byFold[f]);
                    int n = sub.rows();
                    double[] m = new double[n * models];
                    sub.multiply(c[f], models, m);
                    double[] labels = new double[n];
                    double[] weights = new double[n];
                    for (int i = 0; i < n; i++) {
                        labels[i] = sub.label(i);
                        weights[i] = sub.weight(i);
                    }
                    for (int l = 0; l < models; l++) {
                        for (int i = 0; i < n; i++) {
                            m[l * n + i] += b0[f][l];
                        }
                    }
                    out.add(new ScoredRows(f, labels, weights, m));
                }
                return out;
            }).stream().flatMap(List::stream).toList();
        } finally {
            bc.destroy();
        }
        counter.increment();
        double[][] auc = new double[k][models];
        for (int f = 0; f < k; f++) {
            int fold = f;
            List<ScoredRows> parts = scored.stream().filter(r -> r.fold() == fold).toList();
            int n = parts.stream().mapToInt(r -> r.labels().length).sum();
            double[] labels = new double[n];
            double[] weights = new double[n];
            double[][] scores = new double[models][n];
            int at = 0;
            for (ScoredRows part : parts) {
                int len = part.labels().length;
                System.arraycopy(part.labels(), 0, labels, at, len);
                System.arraycopy(part.weights(), 0, weights, at, len);
                for (int l = 0; l < models; l++) {
                    System.arraycopy(part.scores(), l * len, scores[l], at, len);
                }
                at += len;
            }
            // independent sorts: on the driver's cores in parallel (the executors idle meanwhile)
            double[] foldAuc = auc[f];
            java.util.stream.IntStream.range(0, models).parallel().forEach(
                    l -> foldAuc[l] = org.sparklasso.pass.Auc.weighted(scores[l], labels, weights));
        }
        return auc;
    }
}
