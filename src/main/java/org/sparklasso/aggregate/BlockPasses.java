package org.sparklasso.aggregate;

import java.util.Arrays;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.sparklasso.data.Block;
import org.sparklasso.data.FeatureMoments;
import org.sparklasso.data.GramStatistics;
import org.sparklasso.model.Standardization;
import org.sparklasso.solver.LeastSquaresOracle;
import org.sparklasso.solver.QuadraticForm;

/**
 * The distributed passes over cached blocks, each exactly one {@code treeAggregate}: feature
 * moments, coordinate statistics (Gram) and least-squares loss/gradient evaluations. Broadcasts
 * are destroyed after each pass; everything else happens on the driver.
 */
public final class BlockPasses implements LeastSquaresOracle {
    private final JavaRDD<Block> blocks;
    private final int p;
    private final int depth;
    private final PassCounter counter;
    private Standardization standardization;

    public BlockPasses(JavaRDD<Block> blocks, int numFeatures, int depth, PassCounter counter) {
        this.blocks = blocks;
        this.p = numFeatures;
        this.depth = Math.max(1, depth);
        this.counter = counter;
    }

    /** Sets the coordinates the loss evaluations work in. */
    public BlockPasses withStandardization(Standardization s) {
        this.standardization = s;
        return this;
    }

    /** One pass: weighted means and variances of features and label. */
    public FeatureMoments moments() {
        int numFeatures = p;
        FeatureMoments m = blocks.treeAggregate(new FeatureMoments(numFeatures),
                (acc, block) -> {
                    block.addMoments(acc);
                    return acc;
                },
                FeatureMoments::merge, depth);
        counter.increment();
        return m;
    }

    /** One pass: the normalized coordinate statistics of the centered, scaled problem. */
    public QuadraticForm gram() {
        Standardization s = standardization;
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<double[][]> bc = jsc.broadcast(new double[][] {s.center(), s.scale(), {s.yCenter()}});
        int numFeatures = p;
        GramStatistics g;
        try {
            g = blocks.treeAggregate(new GramStatistics(numFeatures),
                    (acc, block) -> {
                        double[][] c = bc.value();
                        block.addGram(c[0], c[1], c[2][0], acc);
                        return acc;
                    },
                    GramStatistics::merge, depth);
        } finally {
            bc.destroy();
        }
        counter.increment();
        double n = s.weightSum();
        double[] gram = g.gram();
        for (int col = 0; col < p; col++) {
            for (int row = 0; row <= col; row++) {
                double v = gram[row + col * p] / n;
                gram[row + col * p] = v;
                gram[col + row * p] = v;
            }
        }
        boolean[] active = s.active();
        for (int j = 0; j < p; j++) {
            if (!active[j]) {
                for (int k = 0; k < p; k++) {
                    gram[j + k * p] = 0;
                    gram[k + j * p] = 0;
                }
                gram[j + j * p] = 1;
            }
        }
        double[] c = g.xy();
        for (int j = 0; j < p; j++) {
            c[j] = active[j] ? c[j] / n : 0;
        }
        return new QuadraticForm(p, gram, c, g.yy() / n);
    }

    @Override
    public Evaluation[] evaluate(double[]... points) {
        Standardization s = standardization;
        int k = points.length;
        double[] v = new double[p * k];
        double[] shift = new double[k];
        for (int q = 0; q < k; q++) {
            double[] beta = s.toOriginal(points[q]);
            System.arraycopy(beta, 0, v, q * p, p);
            for (int j = 0; j < p; j++) {
                shift[q] += s.center()[j] * beta[j];
            }
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(blocks.context());
        Broadcast<LeastSquaresAggregator.Payload> bc =
                jsc.broadcast(new LeastSquaresAggregator.Payload(v, shift, k, s.yCenter()));
        int numFeatures = p;
        LeastSquaresAggregator agg;
        try {
            agg = blocks.treeAggregate(new LeastSquaresAggregator(numFeatures, k),
                    (acc, block) -> acc.add(block, bc.value()),
                    LeastSquaresAggregator::merge, depth);
        } finally {
            bc.destroy();
        }
        counter.increment();
        double n = s.weightSum();
        Evaluation[] out = new Evaluation[k];
        for (int q = 0; q < k; q++) {
            double[] raw = agg.rawGradient(q);
            double sumR = agg.sumResiduals(q);
            double[] u = new double[p];
            for (int j = 0; j < p; j++) {
                u[j] = s.active()[j] ? (raw[j] - s.center()[j] * sumR) / (n * s.scale()[j]) : 0;
            }
            out[q] = new Evaluation(agg.sumSquares(q) / (2 * n), u, agg.sumResidualResponse(q) / n);
        }
        return out;
    }

    @Override
    public int passes() {
        return counter.passes();
    }

    @Override
    public String toString() {
        return "BlockPasses" + Arrays.asList(p, depth);
    }
}
