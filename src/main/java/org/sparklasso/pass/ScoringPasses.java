package org.sparklasso.pass;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.broadcast.Broadcast;
import org.sparklasso.block.Block;
import org.sparklasso.spec.JobException;

/**
 * The passes that score rows with fitted models on the original scale at every λ of a path: each
 * fold's held-out errors under its own models (Gaussian cross-validation), and the AUC of binomial
 * models on each fold's held-out rows or on all rows. The driver packs the models
 * ({@code [fold][model·p + j]}) and broadcasts them; the executors compute the margins of each
 * fold's rows and sum their errors, or return the scores; the driver computes the AUCs ({@link Auc}).
 */
final class ScoringPasses {
    /** Largest number of held-out scores {@link #auc} collects on the driver. */
    static final long MAX_AUC_SCORES = 50_000_000L;

    private ScoringPasses() {
    }

    /**
     * One pass: each fold's held-out errors under its own models. {@code beta[k][l]} and
     * {@code intercept[k][l]} are fold k's original-scale model at the l-th λ; returns
     * {@code [k][l] = {Σ w r², Σ w |r|}} over fold k's rows.
     */
    static double[][][] heldOutErrors(PassEngine engine, double[][][] beta, double[][] intercept) {
        int k = engine.numFolds();
        int numFeatures = engine.numFeatures();
        int models = intercept[0].length;
        double[][] coef = packed(beta, k, models, numFeatures);
        try (PassEngine.Shared shared = engine.shared()) {
            Broadcast<double[][][]> bc = shared.broadcast(new double[][][] {coef, intercept});
            return engine.aggregate(() -> new double[k][models][2],
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
        }
    }

    /** One block's rows of one fold, scored by every model (model-major: model l's at l·n). */
    private record ScoredRows(int fold, double[] labels, double[] weights, double[] scores) implements Serializable {
    }

    /**
     * One pass: the rows scored by binomial models ({@code beta[k][l]}, {@code intercept[k][l]},
     * original scale), collected on the driver, and the weighted AUC of each (k, l) computed
     * exactly (ties count one half). With {@code allRows} one group k = 0 of all rows (training
     * AUC), else fold k's held-out rows under fold k's models.
     *
     * @throws JobException if the scores would exceed {@link #MAX_AUC_SCORES}
     */
    static double[][] auc(PassEngine engine, double[][][] beta, double[][] intercept, boolean allRows) {
        int foldsInBlocks = engine.numFolds();
        int k = allRows ? 1 : foldsInBlocks;
        int models = intercept[0].length;
        int numFeatures = engine.numFeatures();
        long rows = engine.rows();
        if (rows * (long) models > MAX_AUC_SCORES) {
            throw JobException.config("typeMeasure: auc collects " + rows + " × " + models
                    + " held-out scores on the driver, more than " + MAX_AUC_SCORES + "; use deviance or class");
        }
        double[][] coef = packed(beta, k, models, numFeatures);
        List<ScoredRows> scored;
        try (PassEngine.Shared shared = engine.shared()) {
            Broadcast<double[][][]> bc = shared.broadcast(new double[][][] {coef, intercept});
            scored = engine.perBlock(block -> {
                double[][] c = bc.value()[0];
                double[][] b0 = bc.value()[1];
                int[][] byFold = allRows ? new int[][] {IntStream.range(0, block.rows()).toArray()}
                        : block.rowsByFold(foldsInBlocks);
                List<ScoredRows> out = new ArrayList<>();
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
        }
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
            IntStream.range(0, models).parallel().forEach(
                    l -> foldAuc[l] = Auc.weighted(scores[l], labels, weights));
        }
        return auc;
    }

    /** Group f's models side by side, {@code [f][l·p + j] = beta[f][l][j]}, for one multiply per block. */
    private static double[][] packed(double[][][] beta, int groups, int models, int p) {
        double[][] coef = new double[groups][p * models];
        for (int f = 0; f < groups; f++) {
            for (int l = 0; l < models; l++) {
                System.arraycopy(beta[f][l], 0, coef[f], l * p, p);
            }
        }
        return coef;
    }
}
