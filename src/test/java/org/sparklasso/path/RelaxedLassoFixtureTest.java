package org.sparklasso.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparklasso.FixtureJson.numbers;
import static org.sparklasso.FixtureJson.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparklasso.ClassificationReference;
import org.sparklasso.ReferenceProblem;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.cli.Main;

/**
 * The relaxed lasso (relax=true) against glmnet's relax=TRUE (tools/fixtures/make_relaxed_fixtures.R):
 * gaussian diabetes and binomial breast cancer, on glmnet's λ values and folds. Checked on what the
 * job WROTE: the γ = 0 models are the unpenalized refits on the lasso's active sets (against lm.fit /
 * glm.fit to 1e-14, and their loss gradient on the active set, computed here, vanishes); γ = 1 is
 * the lasso; every blend is γ·lasso + (1−γ)·refit; with the fixture's folds, cross-validation
 * chooses glmnet's (lambda.min, gamma.min) and (lambda.1se, gamma.1se), with glmnet's mean errors.
 */
class RelaxedLassoFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = TestFits.root().resolve("src/test/resources/fixtures/relaxed");

    @TempDir
    Path tmp;

    /** One written model: intercept and coefficients. */
    private record Model(double intercept, double[] beta) {
    }



    private static List<String> args(JsonNode fx, String out, boolean crossValidate) {
        List<String> lambdas = new ArrayList<>();
        fx.get("fits").forEach(f -> lambdas.add(String.valueOf(f.get("lambda").asDouble())));
        boolean gaussian = fx.get("family").asText().equals("gaussian");
        List<String> args = new ArrayList<>(List.of("train", "--input", TestFits.resource(fx.get("dataset").asText()),
                "--labelCol", fx.get("labelCol").asText(), "--family", fx.get("family").asText(),
                "--featureCols", String.join(",", strings(fx.get("features"))), "--relax", "true",
                "--lambda", String.join(",", lambdas), "--tol", gaussian ? "1e-12" : "1e-10", "--plots", "false",
                "--output", out));
        if (crossValidate) {
            args.addAll(List.of("--foldCol", fx.get("foldCol").asText(), "--typeMeasure",
                    fx.get("typeMeasure").asText(), "--lambdaChoice", "lambda.min"));
        }
        return args;
    }

    /** coefficients/ by (λ, γ). */
    private static Map<Double, Map<Double, Model>> read(String dir, int p) {
        Map<Double, Map<Double, Model>> out = new TreeMap<>();
        Map<Double, Map<Double, double[]>> raw = new TreeMap<>();
        for (Row r : SparkTestSession.get().read().parquet(dir).collectAsList()) {
            double lambda = r.getDouble(r.fieldIndex("lambda"));
            double gamma = r.getDouble(r.fieldIndex("gamma"));
            double[] v = raw.computeIfAbsent(lambda, l -> new TreeMap<>()).computeIfAbsent(gamma, g -> new double[p + 1]);
            int j = r.getInt(r.fieldIndex("index"));
            v[j < 0 ? p : j] = r.getDouble(r.fieldIndex("coefficient"));
        }
        raw.forEach((l, byGamma) -> byGamma.forEach((g, v) -> out.computeIfAbsent(l, x -> new TreeMap<>())
                .put(g, new Model(v[p], java.util.Arrays.copyOf(v, p)))));
        return out;
    }

    private static double maxAbs(double[] v) {
        return java.util.Arrays.stream(v).map(Math::abs).max().orElse(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"glmnet_relaxed_gaussian_diabetes.json", "glmnet_relaxed_binomial_breast_cancer.json"})
    void refitsAreTheUnpenalizedFitsOnTheActiveSets(String name) throws IOException {
        SparkTestSession.get();
        JsonNode fx = JSON.readTree(DIR.resolve(name).toFile());
        boolean gaussian = fx.get("family").asText().equals("gaussian");
        String out = tmp.resolve("paths").toString();
        assertEquals(0, Main.run(args(fx, out, false).toArray(new String[0])), "exit code");
        int p = fx.get("features").size();
        double[] gammas = numbers(fx.get("gammas"));
        Map<Double, Map<Double, Model>> written = read(out + "/coefficients", p);
        assertEquals(fx.get("fits").size(), written.size(), "every λ");
        Path data = TestFits.root().resolve(fx.get("dataset").asText());
        ReferenceProblem ls = gaussian ? ReferenceProblem.readCsv(data, fx.get("labelCol").asText(), null) : null;
        ClassificationReference logistic = gaussian ? null : ClassificationReference.readCsv(data,
                fx.get("labelCol").asText(), null, strings(fx.get("classes")), true);
        for (JsonNode f : fx.get("fits")) {
            double lambda = f.get("lambda").asDouble();
            Map<Double, Model> byGamma = written.get(lambda);
            String at = name + " at λ=" + lambda;
            assertEquals(gammas.length, byGamma.size(), "every γ, " + at);
            Model lasso = byGamma.get(1.0);
            Model refit = byGamma.get(0.0);
            double[] theirLasso = numbers(f.get("coefficients"));
            double[] exactRefit = numbers(f.get("relaxedCoefficients"));
            double scale = Math.max(1e-300, maxAbs(exactRefit));
            for (int j = 0; j < p; j++) {
                assertEquals(theirLasso[j], lasso.beta()[j], 1e-5 * Math.max(1e-300, maxAbs(theirLasso)),
                        "lasso coefficient " + j + ", " + at);
                assertEquals(theirLasso[j] == 0, refit.beta()[j] == 0, "the refit's active set is the lasso's, " + at);
                assertEquals(exactRefit[j], refit.beta()[j], (gaussian ? 1e-8 : 1e-6) * scale,
                        "refit coefficient " + j + ", " + at);
            }
            assertEquals(f.get("relaxedIntercept").asDouble(), refit.intercept(),
                    (gaussian ? 1e-8 : 1e-6) * Math.max(1, Math.abs(f.get("relaxedIntercept").asDouble())),
                    "refit intercept, " + at);
            // the refit's loss gradient on its active set and intercept, from the definition
            // (the data's last column is the fold: a feature of the readers' here, coefficient 0)
            double[] padded = java.util.Arrays.copyOf(refit.beta(), p + 1);
            double[] gradient = gaussian ? leastSquaresGradient(ls, refit.intercept(), padded)
                    : logistic.lossGradient(new double[] {refit.intercept()}, new double[][] {padded})[0];
            for (int j = 0; j < p; j++) {
                if (refit.beta()[j] != 0) {
                    assertTrue(Math.abs(gradient[j]) <= 1e-7 * (gaussian ? 100 : 1), "refit gradient " + j + " = "
                            + gradient[j] + ", " + at);
                }
            }
            assertTrue(Math.abs(gradient[p + 1]) <= 1e-7 * (gaussian ? 100 : 1), "intercept gradient, " + at);
            for (double g : gammas) {
                Model blend = byGamma.get(g);
                for (int j = 0; j < p; j++) {
                    assertEquals(g * lasso.beta()[j] + (1 - g) * refit.beta()[j], blend.beta()[j],
                            1e-12 * (1 + Math.abs(blend.beta()[j])), "γ=" + g + " blend, feature " + j + ", " + at);
                }
                assertEquals(g * lasso.intercept() + (1 - g) * refit.intercept(), blend.intercept(),
                        1e-12 * (1 + Math.abs(blend.intercept())), "γ=" + g + " blend intercept, " + at);
            }
        }
    }

    /** [j] the gradient by βⱼ, [p] by the intercept (p: the reader's columns). */
    private static double[] leastSquaresGradient(ReferenceProblem ls, double intercept, double[] beta) {
        int p = ls.p();
        double[] g = new double[p + 1];
        for (int i = 0; i < ls.n(); i++) {
            double r = ls.y[i] - intercept;
            for (int j = 0; j < p; j++) {
                r -= ls.x[i][j] * beta[j];
            }
            for (int j = 0; j < p; j++) {
                g[j] -= ls.w[i] * ls.x[i][j] * r / ls.weightSum();
            }
            g[p] -= ls.w[i] * r / ls.weightSum();
        }
        return g;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"glmnet_relaxed_gaussian_diabetes.json", "glmnet_relaxed_binomial_breast_cancer.json"})
    void crossValidationChoosesGlmnetsLambdaAndGamma(String name) throws IOException {
        SparkTestSession.get();
        JsonNode fx = JSON.readTree(DIR.resolve(name).toFile());
        String out = tmp.resolve("cv").toString();
        assertEquals(0, Main.run(args(fx, out, true).toArray(new String[0])), "exit code");
        JsonNode relax = JSON.readTree(Path.of(out, "metrics.json").toFile()).get("relax");
        for (String key : List.of("lambdaMin", "gammaMin", "lambda1se", "gamma1se")) {
            assertEquals(fx.get(key).asDouble(), relax.get(key).asDouble(), 1e-12 * fx.get(key).asDouble(), key);
        }
        assertEquals(fx.get("lambdaMin").asDouble(), relax.get("lambdaChosen").asDouble(), 0.0, "lambda.min chosen");
        assertEquals(fx.get("gammaMin").asDouble(), relax.get("gammaChosen").asDouble(), 0.0, "gamma.min chosen");
        int p = fx.get("features").size();
        Map<Double, Map<Double, Model>> written = read(out + "/coefficients", p);
        assertEquals(1, written.size(), "the chosen blend only");
        assertTrue(written.get(fx.get("lambdaMin").asDouble()).containsKey(fx.get("gammaMin").asDouble()),
                "written at (lambda.min, gamma.min)");
        // glmnet's mean errors per (λ, γ): its fold refits stop at its thresh, so agreement is to ~1e-4
        Map<String, Double> ours = new TreeMap<>();
        for (Row r : SparkTestSession.get().read().parquet(out + "/cv_relaxed").collectAsList()) {
            ours.put(r.getDouble(r.fieldIndex("gamma")) + "@" + r.getDouble(r.fieldIndex("lambda")),
                    r.getDouble(r.fieldIndex("cvMean")));
        }
        int compared = 0;
        for (JsonNode byGamma : fx.get("cv")) {
            double gamma = byGamma.get("gamma").asDouble();
            double[] lambdas = numbers(byGamma.get("lambda"));
            double[] cvm = numbers(byGamma.get("cvm"));
            for (int l = 0; l < lambdas.length; l++) {
                Double mine = ours.get(gamma + "@" + lambdas[l]);
                assertTrue(mine != null, "a cv_relaxed row for γ=" + gamma + " λ=" + lambdas[l]);
                assertEquals(cvm[l], mine, 1e-4 * cvm[l], "cvMean at γ=" + gamma + " λ=" + lambdas[l]);
                compared++;
            }
        }
        assertEquals(ours.size(), compared, "every (λ, γ)");
    }
}
