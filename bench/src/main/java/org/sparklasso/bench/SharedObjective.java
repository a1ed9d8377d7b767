package org.sparklasso.bench;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The one function both fits are scored with: glmnet's Gaussian objective
 * {@code (1/2n) Σ (y − b₀ − xᵀβ)² + λ Σⱼ [α sⱼ|βⱼ| + (1−α)/2 sⱼ² βⱼ²]} of original-scale models,
 * evaluated in one pass over a {@code label}/{@code features} DataFrame, which also yields the
 * feature moments (sⱼ = population standard deviation, or 1 without standardization) and λ_max.
 * Unit weights (the benchmark data have none). Moments come from Σx and Σx² (the generated
 * features have mean ≈ 0 and unit variance, so there is no cancellation to fear).
 *
 * <p>{@link #evaluateGlm} does the same for the binomial and multinomial families: glmnet's
 * {@code (1/n) Σ −log L(yᵢ | b₀ + xᵢᵀβ) + λ Σₖ Σⱼ [α sⱼ|βₖⱼ| + (1−α)/2 sⱼ² βₖⱼ²]} (mean negative
 * log-likelihood, intercepts unpenalized) and glmnet's λ_max for a fitted intercept.
 */
public final class SharedObjective {

    /** An original-scale model. */
    public record Model(double intercept, double[] beta) implements Serializable {
    }

    /**
     * @param sd          population standard deviation of each feature
     * @param labelSd     population standard deviation of the label
     * @param lambdaMax   smallest λ with an all-zero solution (intercept fitted)
     * @param objectives  one per model, in order
     * @param losses      (1/2n) Σ r², one per model
     */
    public record Result(long n, double[] sd, double labelSd, double lambdaMax, double[] objectives,
                         double[] losses) {
    }

    private SharedObjective() {
    }

    /** Sums of one partition (or of several, merged). */
    private static final class Acc implements Serializable {
        long n;
        double sy;
        double syy;
        final double[] sx;
        final double[] sxx;
        final double[] sxy;
        final double[] ssr;

        Acc(int p, int models) {
            sx = new double[p];
            sxx = new double[p];
            sxy = new double[p];
            ssr = new double[models];
        }

        Acc add(Row row, Model[] models) {
            double y = row.getDouble(0);
            Vector v = (Vector) row.get(1);
            n++;
            sy += y;
            syy += y * y;
            if (v instanceof SparseVector sv) {
                int[] idx = sv.indices();
                double[] val = sv.values();
                for (int e = 0; e < idx.length; e++) {
                    int j = idx[e];
                    double x = val[e];
                    sx[j] += x;
                    sxx[j] += x * x;
                    sxy[j] += x * y;
                }
                for (int m = 0; m < models.length; m++) {
                    double[] beta = models[m].beta();
                    double r = y - models[m].intercept();
                    for (int e = 0; e < idx.length; e++) {
                        r -= val[e] * beta[idx[e]];
                    }
                    ssr[m] += r * r;
                }
            } else {
                double[] x = ((DenseVector) v).values();
                for (int j = 0; j < x.length; j++) {
                    sx[j] += x[j];
                    sxx[j] += x[j] * x[j];
                    sxy[j] += x[j] * y;
                }
                for (int m = 0; m < models.length; m++) {
                    double[] beta = models[m].beta();
                    double r = y - models[m].intercept();
                    for (int j = 0; j < x.length; j++) {
                        r -= x[j] * beta[j];
                    }
                    ssr[m] += r * r;
                }
            }
            return this;
        }

        Acc merge(Acc o) {
            n += o.n;
            sy += o.sy;
            syy += o.syy;
            for (int j = 0; j < sx.length; j++) {
                sx[j] += o.sx[j];
                sxx[j] += o.sxx[j];
                sxy[j] += o.sxy[j];
            }
            for (int m = 0; m < ssr.length; m++) {
                ssr[m] += o.ssr[m];
            }
            return this;
        }
    }

    /** Adds one row, scored by every (broadcast) model, to an accumulator. */
    private interface RowAdder<A, M> extends Serializable {
        A add(A acc, Row row, M[] models);
    }

    /** One treeAggregate over {@code df}'s label and features, with the models broadcast. */
    private static <A, M> A overRows(Dataset<Row> df, M[] models, A zero, RowAdder<A, M> add,
                                     org.apache.spark.api.java.function.Function2<A, A, A> merge) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(df.sparkSession().sparkContext());
        Broadcast<M[]> bc = jsc.broadcast(models);
        try {
            return df.select("label", "features").javaRDD()
                    .treeAggregate(zero, (a, row) -> add.add(a, row, bc.value()), merge, 2);
        } finally {
            bc.destroy();
        }
    }

    /**
     * One pass over {@code df} (columns {@code label}, {@code features}): the objective of every
     * model at (λ, α), and the data's moments and λ_max (for α = 0, λ_max is computed as for α = 1).
     */
    public static Result evaluate(Dataset<Row> df, int p, double lambda, double alpha, boolean standardize,
                                  List<Model> models) {
        int k = models.size();
        Acc acc = overRows(df, models.toArray(new Model[0]), new Acc(p, k), Acc::add, Acc::merge);
        double n = acc.n;
        double yMean = acc.sy / n;
        double labelSd = Math.sqrt(Math.max(0, acc.syy / n - yMean * yMean));
        double[] sd = standardDeviations(acc.sx, acc.sxx, n);
        double lambdaMax = 0;
        double a = alpha > 0 ? alpha : 1;
        for (int j = 0; j < p; j++) {
            double s = standardize ? sd[j] : 1.0;
            if (sd[j] > 0) {
                lambdaMax = Math.max(lambdaMax, Math.abs(acc.sxy[j] - acc.sx[j] * yMean) / (n * a * s));
            }
        }
        double[] objectives = new double[k];
        double[] losses = new double[k];
        for (int m = 0; m < k; m++) {
            double[] beta = models.get(m).beta();
            double penalty = 0;
            for (int j = 0; j < p; j++) {
                double s = standardize ? sd[j] : 1.0;
                penalty += alpha * s * Math.abs(beta[j]) + (1 - alpha) / 2 * s * s * beta[j] * beta[j];
            }
            losses[m] = acc.ssr[m] / (2 * n);
            objectives[m] = losses[m] + lambda * penalty;
        }
        return new Result(acc.n, sd, labelSd, lambdaMax, objectives, losses);
    }

    /**
     * An original-scale classification model: M = 1 (binomial: the logit of class 1) or K
     * (multinomial) intercepts and M blocks of p coefficients (margin-major).
     */
    public record ClassModel(double[] intercepts, double[] beta) implements Serializable {
    }

    /**
     * @param classCounts rows per class (labels 0 … K−1)
     * @param lambdaMax   smallest λ with an all-zero solution (intercepts fitted): max over j, k of
     *                    |x̃ⱼᵀ(yₖ − ȳₖ)|/(nα) with x̃ⱼ standardized (glmnet's definition)
     * @param losses      mean negative log-likelihood, one per model
     */
    public record GlmResult(long n, double[] sd, long[] classCounts, double lambdaMax, double[] objectives,
                            double[] losses) {
    }

    /** Sums of one partition for the classification families. */
    private static final class GlmAcc implements Serializable {
        long n;
        final long[] counts;
        final double[] sx;
        final double[] sxx;
        /** Σ x over the rows of each class, class-major. */
        final double[] sxc;
        final double[] nll;

        GlmAcc(int p, int classes, int models) {
            counts = new long[classes];
            sx = new double[p];
            sxx = new double[p];
            sxc = new double[classes * p];
            nll = new double[models];
        }

        GlmAcc add(Row row, ClassModel[] models) {
            int y = (int) row.getDouble(0);
            Vector v = (Vector) row.get(1);
            int p = sx.length;
            n++;
            counts[y]++;
            int[] idx = v instanceof SparseVector sv ? sv.indices() : null;
            double[] x = v instanceof SparseVector sv ? sv.values() : ((DenseVector) v).values();
            for (int e = 0; e < x.length; e++) {
                int j = idx == null ? e : idx[e];
                sx[j] += x[e];
                sxx[j] += x[e] * x[e];
                sxc[y * p + j] += x[e];
            }
            for (int m = 0; m < models.length; m++) {
                double[] b0 = models[m].intercepts();
                double[] beta = models[m].beta();
                double[] eta = new double[b0.length];
                for (int c = 0; c < b0.length; c++) {
                    double s = b0[c];
                    for (int e = 0; e < x.length; e++) {
                        s += x[e] * beta[c * p + (idx == null ? e : idx[e])];
                    }
                    eta[c] = s;
                }
                nll[m] += negLogLikelihood(eta, y);
            }
            return this;
        }

        GlmAcc merge(GlmAcc o) {
            n += o.n;
            for (int c = 0; c < counts.length; c++) {
                counts[c] += o.counts[c];
            }
            for (int j = 0; j < sx.length; j++) {
                sx[j] += o.sx[j];
                sxx[j] += o.sxx[j];
            }
            for (int i = 0; i < sxc.length; i++) {
                sxc[i] += o.sxc[i];
            }
            for (int m = 0; m < nll.length; m++) {
                nll[m] += o.nll[m];
            }
            return this;
        }
    }

    /**
     * −log L of one observation of class y: binomial (one margin, logit of class 1)
     * log(1 + e^η) − yη; multinomial log Σₖ e^{ηₖ} − η_y. Computed without overflow.
     */
    static double negLogLikelihood(double[] eta, int y) {
        if (eta.length == 1) {
            double e = eta[0];
            return Math.max(e, 0) + Math.log1p(Math.exp(-Math.abs(e))) - (y == 1 ? e : 0);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double e : eta) {
            max = Math.max(max, e);
        }
        double sum = 0;
        for (double e : eta) {
            sum += Math.exp(e - max);
        }
        return max + Math.log(sum) - eta[y];
    }

    /** Population standard deviations from the sums Σx and Σx² over n rows. */
    private static double[] standardDeviations(double[] sx, double[] sxx, double n) {
        double[] sd = new double[sx.length];
        for (int j = 0; j < sx.length; j++) {
            double mean = sx[j] / n;
            sd[j] = Math.sqrt(Math.max(0, sxx[j] / n - mean * mean));
        }
        return sd;
    }

    /**
     * One pass over {@code df} ({@code label} = class index 0 … K−1, {@code features}): glmnet's
     * binomial/multinomial objective of every model at (λ, α), the feature moments and λ_max
     * (for α = 0 computed as for α = 1).
     */
    public static GlmResult evaluateGlm(Dataset<Row> df, int p, int classes, double lambda, double alpha,
                                        boolean standardize, List<ClassModel> models) {
        int k = models.size();
        GlmAcc acc = overRows(df, models.toArray(new ClassModel[0]), new GlmAcc(p, classes, k), GlmAcc::add,
                GlmAcc::merge);
        double n = acc.n;
        double[] sd = standardDeviations(acc.sx, acc.sxx, n);
        double lambdaMax = 0;
        double a = alpha > 0 ? alpha : 1;
        for (int j = 0; j < p; j++) {
            if (!(sd[j] > 0)) {
                continue;
            }
            double s = standardize ? sd[j] : 1.0;
            for (int c = 0; c < classes; c++) {
                // x̃ⱼᵀ(yₖ − ȳₖ) = (Σ_{y=k} xⱼ − Σ xⱼ·nₖ/n) / sⱼ
                double g = acc.sxc[c * p + j] - acc.sx[j] * acc.counts[c] / n;
                lambdaMax = Math.max(lambdaMax, Math.abs(g) / (n * a * s));
            }
        }
        double[] objectives = new double[k];
        double[] losses = new double[k];
        for (int m = 0; m < k; m++) {
            double[] beta = models.get(m).beta();
            double penalty = 0;
            for (int i = 0; i < beta.length; i++) {
                int j = i % p;
                double s = standardize ? sd[j] : 1.0;
                penalty += alpha * s * Math.abs(beta[i]) + (1 - alpha) / 2 * s * s * beta[i] * beta[i];
            }
            losses[m] = acc.nll[m] / n;
            objectives[m] = losses[m] + lambda * penalty;
        }
        return new GlmResult(acc.n, sd, acc.counts, lambdaMax, objectives, losses);
    }
}
