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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparklasso.ClassificationReference;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.WrittenCoefficients;
import org.sparklasso.cli.Main;

/**
 * Binomial path and cross-validation against glmnet / cv.glmnet with the same fold column and λ
 * sequence (tools/fixtures/make_classification_fixtures.R), all from what the job WROTE: per λ of
 * {@code path/} (read back from Parquet) the objective recomputed from the definitions
 * ({@link ClassificationReference}) within 1e-6 of glmnet's, the KKT conditions, and the
 * coefficients (relative to each one's size); {@code cv/}'s cvMean and cvStd (1e-6) and
 * metrics.json's lambda.min and lambda.1se for deviance, misclassification and AUC.
 */
class ClassificationCrossValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"deviance", "class", "auc"})
    void binomialPathAndCrossValidationMatchCvGlmnet(String measure) throws IOException {
        SparkTestSession.get();
        JsonNode fx = JSON.readTree(TestFits.root().resolve(
                "src/test/resources/fixtures/classification/glmnet_path_cv_binomial_breast_cancer_std-true_alpha-1.json")
                .toFile());
        String out = tmp.resolve("out").toString();
        assertEquals(0, Main.run(new String[] {"train", "--input", TestFits.resource(fx.get("foldsDataset").asText()),
            "--labelCol", "label", "--family", "binomial", "--foldCol", "fold", "--typeMeasure", measure,
            "--tol", "1e-11", "--plots", "false", "--output", out}), "exit code");

        List<String> features = strings(fx.get("features"));
        // the same rows as the folds data set, without its fold column
        ClassificationReference ref = ClassificationReference.readCsv(TestFits.root().resolve(fx.get("dataset").asText()),
                "label", null, strings(fx.get("classes")), true);
        assertEquals(features, ref.names);
        List<WrittenCoefficients.Model> path = WrittenCoefficients.read(out + "/path", null, features);
        JsonNode lambdas = fx.get("lambda");
        assertEquals(lambdas.size(), path.size(), "path length");
        double[] sd = ref.penaltyScale(true);
        double kktScale = ref.gradientScaleAtNull();
        double[] means = ref.means();
        for (int l = 0; l < lambdas.size(); l++) {
            WrittenCoefficients.Model m = path.get(l);
            double lambda = m.lambda();
            assertEquals(lambdas.get(l).asDouble(), lambda, 1e-10 * lambdas.get(l).asDouble(), "λ " + l);
            double theirs = fx.get("objective").get(l).asDouble();
            double ours = ref.objective(m.intercept(), m.beta(), lambda, 1, true, false);
            assertEquals(theirs, ours, 1e-6 * theirs, "objective of the written model at λ " + l);
            double kkt = ref.kktViolation(m.intercept(), m.beta(), lambda, 1, true, false) / kktScale;
            JsonNode coefs = fx.get("coefficients").get(l);
            double big = 0;
            for (int j = 0; j < sd.length; j++) {
                big = Math.max(big, Math.abs(coefs.get(j).asDouble()) * sd[j]);
            }
            assertTrue(kkt < 1e-8, "KKT of the written model at λ " + l + ": " + kkt);
            // From λ index 54 on, glmnet's solution is that of its clamped probabilities (|f| > 20.7),
            // not exactly ours (fixture README: the exact optimum differs by ~4e-8 on the
            // standardized scale); before, glmnet's KKT/λ ≤ 4e-9.
            double rtol = l < 54 ? 2e-6 : 3e-5;
            for (int j = 0; j < sd.length; j++) {
                double t = coefs.get(j).asDouble();
                assertEquals(t, m.beta()[0][j], rtol * Math.abs(t) + 1e-9 * big / sd[j],
                        "coefficient " + features.get(j) + " at λ " + l);
            }
            double size = Math.abs(fx.get("intercept").get(l).asDouble());
            for (int j = 0; j < sd.length; j++) {
                size += Math.abs(means[j] * coefs.get(j).asDouble());
            }
            assertEquals(fx.get("intercept").get(l).asDouble(), m.intercept()[0], rtol * size, "intercept at λ " + l);
        }

        JsonNode expected = fx.get("cvExactLambda").get(measure);
        List<Row> cv = SparkTestSession.get().read().parquet(out + "/cv").orderBy(
                org.apache.spark.sql.functions.col("lambda").desc()).collectAsList();
        assertEquals(expected.get("cvm").size(), cv.size(), "cv/ rows");
        for (int l = 0; l < cv.size(); l++) {
            Row r = cv.get(l);
            double cvm = expected.get("cvm").get(l).asDouble();
            assertEquals(expected.get("lambda").get(l).asDouble(), r.getDouble(r.fieldIndex("lambda")), 1e-10 * cvm);
            assertEquals(cvm, r.getDouble(r.fieldIndex("cvMean")), 1e-6 * Math.abs(cvm) + 1e-12,
                    measure + " cvMean at λ " + l);
            assertEquals(expected.get("cvsd").get(l).asDouble(), r.getDouble(r.fieldIndex("cvStd")),
                    1e-6 * Math.abs(cvm) + 1e-12, measure + " cvStd at λ " + l);
        }
        JsonNode metrics = JSON.readTree(Path.of(out, "metrics.json").toFile());
        assertEquals(expected.get("lambdaMin").asDouble(), metrics.get("lambdaMin").asDouble(),
                1e-12 * expected.get("lambdaMin").asDouble(), "lambda.min");
        assertEquals(expected.get("lambda1se").asDouble(), metrics.get("lambda1se").asDouble(),
                1e-12 * expected.get("lambda1se").asDouble(), "lambda.1se");
        assertTrue(metrics.get("lambdaChosen").asDouble() == metrics.get("lambda1se").asDouble(),
                "lambda.1se is the default choice");
        // the held-out AUC at the chosen λ (computed there only when auc is not the measure) is cv.glmnet's
        JsonNode aucCurve = fx.get("cvExactLambda").get("auc");
        double chosen = metrics.get("lambdaChosen").asDouble();
        int at = -1;
        for (int l = 0; l < aucCurve.get("lambda").size(); l++) {
            if (Math.abs(aucCurve.get("lambda").get(l).asDouble() - chosen) <= 1e-10 * chosen) {
                at = l;
            }
        }
        assertTrue(at >= 0, "the chosen λ " + chosen + " is on cv.glmnet's auc curve");
        double auc = aucCurve.get("cvm").get(at).asDouble();
        assertEquals(auc, metrics.get("cvMeasuresChosen").get("auc").asDouble(), 1e-6 * auc,
                measure + ": cvMeasuresChosen.auc at λ " + at);
    }
}
