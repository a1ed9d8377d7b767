package org.sparklasso.cli;

import org.sparklasso.spec.ExitCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.WrittenCoefficients;
import org.sparklasso.output.PathPlotsTest;
import org.sparklasso.output.PlotContent;

/**
 * The output contract of the classification families: class column, per-class intercepts, label
 * mapping, logLoss / accuracy / auc, cross-validation with deviance, class and auc, plots showing
 * the written cv/, path/ and coefficients/ (multinomial), and the input errors specific to class
 * labels.
 */
class ClassificationOutputTest {

    @org.junit.jupiter.api.BeforeAll
    static void sharedSession() {
        SparkTestSession.get();
    }

    private static int run(String... args) {
        return Main.run(args);
    }

    @Test
    void multinomialWritesAClassColumnAndPerClassIntercepts(@TempDir Path dir) throws Exception {
        SparkSession spark = SparkTestSession.get();
        String out = dir.resolve("iris").toString();
        assertEquals(0, run("train", "--input", TestFits.resource("src/test/resources/data/iris.csv"),
                "--family", "multinomial", "--typeMultinomial", "grouped", "--nfolds", "3", "--nlambda", "20",
                "--typeMeasure", "class", "--output", out));
        JsonNode m = new ObjectMapper().readTree(Path.of(out, "metrics.json").toFile());
        assertEquals(List.of("setosa", "versicolor", "virginica"),
                List.of(m.get("classes").get(0).asText(), m.get("classes").get(1).asText(),
                        m.get("classes").get(2).asText()));
        assertEquals("kkt", m.get("convergenceCriterion").asText());
        assertTrue(m.get("accuracy").asDouble() > 0.8, "training accuracy");
        assertTrue(m.get("logLoss").asDouble() > 0);
        assertEquals(3, m.get("intercept").size(), "one intercept per class");
        assertTrue(m.get("cvMeasuresChosen").has("deviance"));
        List<Row> rows = spark.read().parquet(out + "/coefficients").collectAsList();
        assertEquals(3 * 5, rows.size(), "per class: intercept + 4 features");
        assertTrue(rows.stream().allMatch(r -> !r.isNullAt(r.fieldIndex("class"))));
        assertEquals(3, rows.stream().filter(r -> r.getInt(r.fieldIndex("index")) == -1).count());
        for (String png : List.of("coefficient_paths.png", "cv_curve.png", "nonzero_coefficients.png")) {
            PathPlotsTest.assertPlot(Path.of(out, "plots", png));
        }
        assertPlotsShowTheWrittenModels(out, m);
    }

    /**
     * The multinomial plots against the tables the same run wrote: cv/ and λ.min / λ.1se in
     * cv_curve.png; path/ in coefficient_paths.png and coefficients/ in nonzero_coefficients.png,
     * with one series per feature and class ("feature [class]", class by class).
     */
    private static void assertPlotsShowTheWrittenModels(String out, JsonNode m) throws Exception {
        SparkSession spark = SparkTestSession.get();
        List<Row> cv = spark.read().parquet(out + "/cv").orderBy(org.apache.spark.sql.functions.col("lambda").desc())
                .collectAsList();
        PlotContent.assertCvCurve(Path.of(out, "plots", "cv_curve.png"),
                cv.stream().mapToDouble(r -> r.getDouble(r.fieldIndex("lambda"))).toArray(),
                cv.stream().mapToDouble(r -> r.getDouble(r.fieldIndex("cvMean"))).toArray(),
                cv.stream().mapToDouble(r -> r.getDouble(r.fieldIndex("cvStd"))).toArray(),
                m.get("lambdaMin").asDouble(), m.get("lambda1se").asDouble(),
                PlotContent.measureLabel(m.get("typeMeasure").asText()));
        List<String> classes = new java.util.ArrayList<>();
        m.get("classes").forEach(c -> classes.add(c.asText()));
        List<String> features = spark.read().parquet(out + "/coefficients")
                .filter("index >= 0 AND class = '" + classes.get(0) + "'").orderBy("index").collectAsList().stream()
                .map(r -> r.getString(r.fieldIndex("feature"))).toList();
        List<String> names = new java.util.ArrayList<>();
        for (String c : classes) {
            features.forEach(f -> names.add(f + " [" + c + "]"));
        }
        java.util.function.Function<WrittenCoefficients.Model, double[]> flat = model -> {
            double[] v = new double[classes.size() * features.size()];
            for (int k = 0; k < classes.size(); k++) {
                System.arraycopy(model.beta()[k], 0, v, k * features.size(), features.size());
            }
            return v;
        };
        List<WrittenCoefficients.Model> path = WrittenCoefficients.read(out + "/path", classes, features);
        PlotContent.assertCoefficientPaths(Path.of(out, "plots", "coefficient_paths.png"),
                path.stream().mapToDouble(WrittenCoefficients.Model::lambda).toArray(),
                path.stream().map(flat).toArray(double[][]::new), names);
        WrittenCoefficients.Model chosen = WrittenCoefficients.read(out + "/coefficients", classes, features).get(0);
        PlotContent.assertNonzeroBars(Path.of(out, "plots", "nonzero_coefficients.png"), flat.apply(chosen),
                chosen.lambda(), names);
    }

    @Test
    void binomialReportsTheLabelMappingAucAndANullClassColumn(@TempDir Path dir) throws Exception {
        String out = dir.resolve("bc").toString();
        assertEquals(0, run("train", "--input", TestFits.resource("src/test/resources/data/breast_cancer_folds.csv"),
                "--family", "binomial", "--foldCol", "fold", "--typeMeasure", "auc", "--nlambda", "30",
                "--output", out));
        JsonNode m = new ObjectMapper().readTree(Path.of(out, "metrics.json").toFile());
        assertEquals(0, m.get("labelMapping").get("benign").asInt());
        assertEquals(1, m.get("labelMapping").get("malignant").asInt());
        assertTrue(m.get("auc").asDouble() > 0.95, "training auc");
        assertTrue(m.get("cvMeanChosen").asDouble() > 0.95, "cross-validated auc");
        assertTrue(m.get("lambdaMin").asDouble() <= m.get("lambda1se").asDouble());
        List<Row> rows = SparkTestSession.get().read().parquet(out + "/coefficients").collectAsList();
        assertEquals(31, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.isNullAt(r.fieldIndex("class"))));
    }

    @Test
    void aSeparableDataSetAndASingleExampleClassStillFit(@TempDir Path dir) throws Exception {
        String sep = dir.resolve("sep").toString();
        assertEquals(0, run("train", "--input", TestFits.resource("src/test/resources/data/separable.csv"),
                "--family", "binomial", "--nlambda", "30", "--output", sep));
        JsonNode m = new ObjectMapper().readTree(Path.of(sep, "metrics.json").toFile());
        for (JsonNode fit : m.get("fits")) {
            assertTrue(fit.get("converged").asBoolean(), "converged at λ=" + fit.get("lambda"));
            assertTrue(Double.isFinite(fit.get("objective").asDouble()));
        }
        assertEquals(1.0, m.get("fits").get(m.get("fits").size() - 1).get("accuracy").asDouble(), 0.0,
                "separable data end up classified perfectly");
        String single = dir.resolve("single").toString();
        assertEquals(0, run("train", "--input", TestFits.resource("src/test/resources/data/single_example_class.csv"),
                "--family", "multinomial", "--nfolds", "3", "--nlambda", "15", "--output", single));
        JsonNode s = new ObjectMapper().readTree(Path.of(single, "metrics.json").toFile());
        assertTrue(Double.isFinite(s.get("cvMeanChosen").asDouble()));
        assertEquals(3, s.get("classes").size());
    }

    @Test
    void binomialWithThreeLabelValuesIsAnInputErrorNamingThem() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err));
        int code;
        try {
            code = run("train", "--input", TestFits.resource("src/test/resources/data/iris.csv"), "--family",
                    "binomial", "--output", "/tmp/never-written");
        } finally {
            System.setErr(saved);
        }
        assertEquals(ExitCode.BAD_INPUT, code);
        String msg = err.toString();
        assertTrue(msg.contains("setosa") && msg.contains("versicolor") && msg.contains("virginica"), msg);
        assertFalse(msg.contains("\tat "), msg);
    }
}
