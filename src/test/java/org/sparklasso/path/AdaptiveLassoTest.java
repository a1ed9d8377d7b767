package org.sparklasso.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.ReferenceProblem;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.WrittenCoefficients;
import org.sparklasso.cli.Main;

/**
 * penalty=adaptive's initial estimates and what the weights do, beyond the glmnet fixtures
 * (PenaltyOptionsFixtureTest: ols and a binomial ridge init, and the path with glmnet's
 * penalty.factor): the gaussian ridge init against the closed-form ridge solution written here,
 * the cross-validated ridge init at lambda.min, the multinomial init as the L2 norm over classes,
 * and an init read from a previous output, whose zero coefficients leave features out.
 */
class AdaptiveLassoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIABETES = TestFits.resource("sample-data/diabetes.csv");

    @TempDir
    Path tmp;

    /**
     * Without cross-validation the ridge init is at the smallest λ of glmnet's ridge path,
     * 1000·λ_max(lasso)·1e-4 for n > p, where it is the solution of
     * (Xc'WXc/n + λ S²) b = Xc'W yc / n (S = the feature sds: the penalty on standardized coefficients).
     */
    @Test
    void gaussianRidgeInitIsTheClosedFormRidgeFit() {
        TrainingResult r = TestFits.fit("--input", DIABETES, "--labelCol", "progression", "--penalty",
                "adaptive", "--tol", "1e-12", "--plots", "false");
        AdaptiveWeights a = r.adaptive();
        assertEquals("ridge", a.init());
        ReferenceProblem d = ReferenceProblem.readCsv(Path.of(DIABETES), "progression", null);
        int p = d.p();
        double n = d.weightSum();
        double[] m = d.means();
        double[] s = d.penaltyScale(true);
        double ybar = 0;
        for (int i = 0; i < d.n(); i++) {
            ybar += d.w[i] * d.y[i] / n;
        }
        double[][] a2 = new double[p][p + 1];
        double lassoMax = 0;
        for (int j = 0; j < p; j++) {
            double xy = 0;
            for (int i = 0; i < d.n(); i++) {
                xy += d.w[i] * (d.x[i][j] - m[j]) * (d.y[i] - ybar) / n;
                for (int k = 0; k < p; k++) {
                    a2[j][k] += d.w[i] * (d.x[i][j] - m[j]) * (d.x[i][k] - m[k]) / n;
                }
            }
            a2[j][p] = xy;
            lassoMax = Math.max(lassoMax, Math.abs(xy) / s[j]);
        }
        double lambda = 1000 * lassoMax * 1e-4;
        assertEquals(lambda, a.initLambda(), 1e-9 * lambda, "the ridge path's smallest λ");
        for (int j = 0; j < p; j++) {
            a2[j][j] += lambda * s[j] * s[j];
        }
        double[] ridge = solve(a2);
        double scale = 0;
        for (double v : ridge) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int j = 0; j < p; j++) {
            // a relative duality gap of 1e-12 bounds ‖b − b*‖ by √(2·gap/μ) (μ: the least eigenvalue of the
            // system; s1, s2 and s4 are strongly collinear): seen 7.6e-7 on age, against a largest |b| of ~60
            assertEquals(Math.abs(ridge[j]), a.initial()[j], 1e-6 * scale, "ridge |b| of " + d.names.get(j));
            assertEquals(1 / a.initial()[j], a.weights()[j], 1e-15 * a.weights()[j], "weight (gamma 1)");
        }
    }

    /** With cross-validation the ridge init is the ridge path's lambda.min model, same folds. */
    @Test
    void crossValidatedRidgeInitIsAtLambdaMin() {
        String[] common = {"--input", DIABETES, "--labelCol", "progression", "--nfolds", "5", "--seed", "7",
                "--plots", "false"};
        TrainingResult adaptive = TestFits.fit(concat(common, "--penalty", "adaptive", "--adaptiveGamma", "2"));
        TrainingResult ridge = TestFits.fit(concat(common, "--alpha", "0"));
        FittedModel min = ridge.fits().get(ridge.cv().summary().indexMin());
        assertEquals(min.lambda(), adaptive.adaptive().initLambda(), 0, "lambda.min of the ridge path");
        for (int j = 0; j < min.coefficients().length; j++) {
            double b = Math.abs(min.coefficients()[j]);
            assertEquals(b, adaptive.adaptive().initial()[j], 1e-12 * b);
            assertEquals(Math.pow(b, -2), adaptive.adaptive().weights()[j], 1e-9 * Math.pow(b, -2), "1/|b|^2");
        }
        assertTrue(adaptive.cv() != null && adaptive.chosen() >= 0, "the adaptive path is cross-validated too");
    }

    /** Multinomial: |bⱼ| is the L2 norm of feature j's class coefficients in the ridge fit. */
    @Test
    void multinomialInitIsTheNormOverClasses() {
        String iris = TestFits.resource("src/test/resources/data/iris.csv");
        TrainingResult r = TestFits.fit("--input", iris, "--labelCol", "label", "--family", "multinomial",
                "--penalty", "adaptive", "--tol", "1e-10", "--plots", "false");
        double lambda = r.adaptive().initLambda();
        TrainingResult ridge = TestFits.fit("--input", iris, "--labelCol", "label", "--family",
                "multinomial", "--alpha", "0", "--lambda", Double.toString(lambda), "--tol", "1e-10");
        FittedModel m = ridge.fits().get(0);
        int p = r.adaptive().initial().length;
        for (int j = 0; j < p; j++) {
            double norm = 0;
            for (int k = 0; k < m.classes(); k++) {
                norm += m.coefficients()[k * p + j] * m.coefficients()[k * p + j];
            }
            norm = Math.sqrt(norm);
            assertEquals(norm, r.adaptive().initial()[j], 1e-6 * norm, "feature " + j);
        }
    }

    /**
     * adaptiveInit = a previous output: its zero coefficients leave features out (weight and
     * factor Infinity, coefficient 0 at every λ), and the fit is the lasso with penaltyFactor
     * 1/|b| (Infinity for b = 0): adaptive lasso = the lasso with the same weights.
     */
    @Test
    void initFromAPreviousOutputLeavesZerosOutAndIsTheLassoWithThoseFactors() throws IOException {
        SparkTestSession.get();
        String first = tmp.resolve("first").toString();
        assertEquals(0, run("train", "--input", DIABETES, "--labelCol", "progression", "--lambda", "3",
                "--plots", "false", "--output", first));
        List<String> features = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6");
        double[] b = WrittenCoefficients.read(first + "/coefficients", null, features).get(0).beta()[0];
        List<String> factors = new ArrayList<>();
        int zeros = 0;
        for (double v : b) {
            factors.add(v == 0 ? "Infinity" : Double.toString(1 / Math.abs(v)));
            zeros += v == 0 ? 1 : 0;
        }
        assertTrue(zeros >= 1 && zeros < features.size(), "the first fit has zero and non-zero coefficients");
        String lambdas = "20,5,1,0.2";
        String adaptive = tmp.resolve("adaptive").toString();
        assertEquals(0, run("train", "--input", DIABETES, "--labelCol", "progression", "--penalty", "adaptive",
                "--adaptiveInit", first, "--lambda", lambdas, "--tol", "1e-12", "--plots", "false", "--output",
                adaptive));
        String byHand = tmp.resolve("by-hand").toString();
        assertEquals(0, run("train", "--input", DIABETES, "--labelCol", "progression", "--penaltyFactor",
                String.join(",", factors), "--lambda", lambdas, "--tol", "1e-12", "--plots", "false", "--output",
                byHand));
        List<WrittenCoefficients.Model> ours = WrittenCoefficients.read(adaptive + "/coefficients", null, features);
        List<WrittenCoefficients.Model> theirs = WrittenCoefficients.read(byHand + "/coefficients", null, features);
        for (int k = 0; k < ours.size(); k++) {
            for (int j = 0; j < b.length; j++) {
                double o = ours.get(k).beta()[0][j];
                assertEquals(theirs.get(k).beta()[0][j], o, 1e-9 * (1 + Math.abs(o)), "λ " + k + " feature " + j);
                if (b[j] == 0) {
                    assertEquals(0, o, "left out");
                }
            }
        }
        for (Row r : SparkTestSession.get().read().parquet(adaptive + "/coefficients").collectAsList()) {
            int j = r.getInt(r.fieldIndex("index"));
            if (j >= 0) {
                double w = r.getDouble(r.fieldIndex("adaptiveWeight"));
                assertEquals(b[j] == 0 ? Double.POSITIVE_INFINITY : 1 / Math.abs(b[j]), w, 1e-12 * w);
                assertEquals(b[j] == 0, r.getDouble(r.fieldIndex("penaltyFactor")) == Double.POSITIVE_INFINITY);
            }
        }
        JsonNode metrics = JSON.readTree(Path.of(adaptive, "metrics.json").toFile());
        assertEquals(first, metrics.get("adaptive").get("init").asText());
        assertEquals(zeros, metrics.get("adaptive").get("leftOut").asInt());
        assertTrue(metrics.get("adaptive").get("initLambda").isNull());
    }

    private static int run(String... args) {
        return Main.run(args);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Gaussian elimination with partial pivoting on an augmented p×(p+1) matrix. */
    private static double[] solve(double[][] a) {
        int p = a.length;
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int r = c + 1; r < p; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= p; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] x = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double sum = a[r][p];
            for (int k = r + 1; k < p; k++) {
                sum -= a[r][k] * x[k];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }
}
