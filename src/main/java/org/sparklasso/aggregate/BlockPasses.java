package org.sparklasso.aggregate;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparklasso.data.Block;
import org.sparklasso.data.FeatureMoments;
import org.sparklasso.data.GramStatistics;
import org.sparklasso.model.Standardization;
import org.sparklasso.solver.CovarianceStatistics;
import org.sparklasso.solver.LeastSquaresOracle.Evaluation;

/**
 * The distributed passes over cached blocks, each exactly one {@code treeAggregate}: feature
 * moments per fold, coordinate statistics per fold, and least-squares evaluations of any number of
 * points of any number of models (the full model and the fold models share each pass).
 * Broadcasts are destroyed after each pass; everything else happens on the driver.
 */
public final class BlockPasses {
    private final JavaRDD<Block> blocks;
    private final int p;
    private final int numFolds;
    private final int depth;
    private final PassCounter counter;

    /**
     * @param numFolds folds K the rows carry (0 or 1: no cross-validation)
     */
    public BlockPasses(JavaRDD<Block> blocks, int numFeatures, int numFolds, int depth, PassCounter counter) {
        this.blocks = blocks;
        this.p = numFeatures;
        this.numFolds = Math.max(1, numFolds);
        this.depth = Math.max(1, depth);
        this.counter = counter;
    }

    public PassCounter counter() {
        return counter;
    }

    /** One pass: weighted means and variances of features and label, per fold. */
    public FeatureMoments[] moments() {
        int numFeatures = p;
        int k = numFolds;
        FeatureMoments[] zero = new FeatureMoments[k];
        for (int f = 0; f < k; f++) {
            zero[f] = new FeatureMoments(numFeatures);
        }
        FeatureMoments[] m = blocks.treeAggregate(zero,
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
                }, depth);
        counter.increment();
        return m;
    }

    /** One pass: every fold's coordinate statistics in the global coordinates {@code s}. */
    public CovarianceStatistics covariance(Standardization s) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<double[][]> bc = jsc.broadcast(new double[][] {s.center(), s.scale(), {s.yCenter()}});
        int numFeatures = p;
        int k = numFolds;
        GramStatistics[] zero = new GramStatistics[k];
        for (int f = 0; f < k; f++) {
            zero[f] = new GramStatistics(numFeatures);
        }
        GramStatistics[] g;
        try {
            g = blocks.treeAggregate(zero,
                    (acc, block) -> {
                        double[][] c = bc.value();
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
                    }, depth);
        } finally {
            bc.destroy();
        }
        counter.increment();
        for (GramStatistics stats : g) {
            stats.gram();
            stats.xy();
            stats.xSum();
        }
        return new CovarianceStatistics(s, g);
    }

    /** A set of points (internal coordinates) of one model, to evaluate in a shared pass. */
    public record Request(ModelSpec spec, double[][] points) {
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
            agg = blocks.treeAggregate(new LeastSquaresAggregator(numFeatures, columns),
                    (acc, block) -> acc.add(block, bc.value()),
                    LeastSquaresAggregator::merge, depth);
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
                        spec.excludedFold() >= 0 ? agg.heldOut(q) : null);
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
            sums = blocks.treeAggregate(new double[k][models][2],
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
                    }, depth);
        } finally {
            bc.destroy();
        }
        counter.increment();
        return sums;
    }
}
