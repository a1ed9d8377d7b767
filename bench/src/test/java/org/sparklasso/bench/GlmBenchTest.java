package org.sparklasso.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sparklasso.SparkTestSession;

/** The classification parts of the benchmark: the shared GLM objective, λ_max, the MLlib mapping, the label model. */
class GlmBenchTest {

    @Test
    void negLogLikelihoodIsTheLogLossAndShiftInvariant() {
        double eta = 0.7;
        double p1 = 1 / (1 + Math.exp(-eta));
        assertEquals(-Math.log(p1), SharedObjective.negLogLikelihood(new double[] {eta}, 1), 1e-15);
        assertEquals(-Math.log(1 - p1), SharedObjective.negLogLikelihood(new double[] {eta}, 0), 1e-15);
        assertEquals(800, SharedObjective.negLogLikelihood(new double[] {-800}, 1), 1e-12);
        double[] e = {0.3, -1.2, 2.0};
        double z = Math.exp(0.3) + Math.exp(-1.2) + Math.exp(2.0);
        assertEquals(-Math.log(Math.exp(-1.2) / z), SharedObjective.negLogLikelihood(e, 1), 1e-14);
        assertEquals(SharedObjective.negLogLikelihood(e, 2),
                SharedObjective.negLogLikelihood(new double[] {5.3, 3.8, 7.0}, 2), 1e-14);
    }

    @Test
    void lassoRegParamUsesSampleStandardDeviations() {
        double[] m = GlmCases.logisticParams(0.01, 1, true, 100);
        assertEquals(0.01 * Math.sqrt(99 / 100.0), m[0], 1e-17);
        assertEquals(1, m[1]);
        assertArrayEquals(new double[] {0.01, 1}, GlmCases.logisticParams(0.01, 1, false, 100));
    }

    @Test
    void labelModelScalesEachLinearPredictorAndShiftsTheClasses() {
        BenchData.Spec spec = new BenchData.Spec(10, 30, 0, 5, 0.5, 1, 1, 0, 3, 2);
        double[] beta = BenchData.labelBeta(spec);
        assertEquals(3 * 30, beta.length);
        for (int k = 0; k < 3; k++) {
            double sum = 0;
            double sq = 0;
            for (int j = 0; j < 30; j++) {
                sum += beta[k * 30 + j];
                sq += beta[k * 30 + j] * beta[k * 30 + j];
            }
            assertEquals(4, 0.5 * sq + 0.5 * sum * sum, 1e-12);
        }
        assertNotEquals(0, beta[0]);
        assertEquals(0, beta[30]);
        assertNotEquals(0, beta[30 + 2]);
    }

    @Test
    void sharedGlmObjectiveMatchesADirectComputation() {
        SparkSession spark = SparkTestSession.get();
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 200;
        int p = 3;
        double[][] x = new double[n][p];
        int[] y = new int[n];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = rnd.nextGaussian() * (j + 1) + j;
            }
            y[i] = rnd.nextInt(3);
            rows.add(RowFactory.create((double) y[i], Vectors.dense(x[i])));
        }
        StructType schema = new StructType().add("label", DataTypes.DoubleType, false)
                .add(new AttributeGroup("features", p).toStructField());
        Dataset<Row> df = spark.createDataFrame(rows, schema).repartition(2);
        double[] b0 = {0.1, -0.2, 0.3};
        double[] beta = {0.5, 0, -0.25, 0, 0.1, 0, -0.3, 0, 0.2};
        double lambda = 0.05;
        SharedObjective.GlmResult r = SharedObjective.evaluateGlm(df, p, 3, lambda, 1, true,
                List.of(new SharedObjective.ClassModel(b0, beta)));

        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            for (double[] xi : x) {
                mean[j] += xi[j] / n;
            }
            for (double[] xi : x) {
                sd[j] += (xi[j] - mean[j]) * (xi[j] - mean[j]) / n;
            }
            sd[j] = Math.sqrt(sd[j]);
        }
        double lambdaMax = 0;
        for (int k = 0; k < 3; k++) {
            double share = 0;
            for (int yi : y) {
                share += yi == k ? 1.0 / n : 0;
            }
            for (int j = 0; j < p; j++) {
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g += (x[i][j] - mean[j]) / sd[j] * ((y[i] == k ? 1 : 0) - share);
                }
                lambdaMax = Math.max(lambdaMax, Math.abs(g) / n);
            }
        }
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double[] eta = new double[3];
            double z = 0;
            for (int k = 0; k < 3; k++) {
                eta[k] = b0[k];
                for (int j = 0; j < p; j++) {
                    eta[k] += x[i][j] * beta[k * p + j];
                }
                z += Math.exp(eta[k]);
            }
            loss -= Math.log(Math.exp(eta[y[i]]) / z) / n;
        }
        double penalty = 0;
        for (int i = 0; i < beta.length; i++) {
            penalty += sd[i % p] * Math.abs(beta[i]);
        }
        assertEquals(lambdaMax, r.lambdaMax(), 1e-12);
        assertEquals(loss, r.losses()[0], 1e-12);
        assertEquals(loss + lambda * penalty, r.objectives()[0], 1e-12);
        assertEquals(n, r.n());
    }
}
