package org.sparklasso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
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
 * The output contract of a path with cross-validation: path/, path_summary/, cv/, plots/, metrics;
 * the plots show the written data (cv/ and metrics.json's λ.min / λ.1se in cv_curve.png, path/ in
 * coefficient_paths.png, coefficients/ in nonzero_coefficients.png: {@link PlotContent}).
 */
class PathOutputTest {

    @Test
    void pathWithCrossValidationWritesEveryPart(@TempDir Path dir) throws Exception {
        SparkSession spark = SparkTestSession.get();
        String out = dir.resolve("out").toString();
        int code = Main.run(new String[] {"train", "--input", TestFits.resource("sample-data/diabetes.csv"),
            "--labelCol", "progression", "--nfolds", "5", "--seed", "3", "--lambdaChoice", "lambda.min",
            "--output", out});
        assertEquals(0, code);
        JsonNode m = new ObjectMapper().readTree(Path.of(out, "metrics.json").toFile());
        int pathLength = m.get("pathLength").asInt();
        assertTrue(pathLength > 50 && pathLength <= 100, "pathLength " + pathLength);
        assertEquals(5, m.get("nfolds").asInt());
        double chosen = m.get("lambdaChosen").asDouble();
        assertEquals(m.get("lambdaMin").asDouble(), chosen, 0.0);
        assertTrue(m.get("lambda1se").asDouble() >= chosen);
        assertEquals(chosen, m.get("lambda").asDouble(), 0.0, "top-level keys describe the chosen model");
        assertEquals(pathLength, m.get("fits").size());

        List<Row> coefs = spark.read().parquet(out + "/coefficients").collectAsList();
        assertEquals(11, coefs.size(), "coefficients/ holds the chosen model only");
        assertTrue(coefs.stream().allMatch(r -> r.getDouble(r.fieldIndex("lambda")) == chosen));

        Dataset<Row> path = spark.read().parquet(out + "/path");
        assertEquals(List.of("lambda", "feature", "index", "coefficient", "class"), List.of(path.columns()));
        assertEquals(pathLength, path.select("lambda").distinct().count());
        assertEquals(0, path.filter("index >= 0 AND coefficient = 0").count(), "only nonzero coefficients");
        assertEquals(pathLength, path.filter("index = -1").count(), "one intercept row per λ");

        Dataset<Row> summary = spark.read().parquet(out + "/path_summary");
        assertTrue(List.of(summary.columns()).containsAll(
                List.of("lambda", "nnz", "devRatio", "objective", "dualityGap")));
        assertEquals(pathLength, summary.count());
        Dataset<Row> cv = spark.read().parquet(out + "/cv");
        assertEquals(List.of("lambda", "cvMean", "cvStd", "nnz"), List.of(cv.columns()));
        assertEquals(pathLength, cv.count());
        double minCv = cv.agg(org.apache.spark.sql.functions.min("cvMean")).first().getDouble(0);
        assertEquals(minCv, cv.filter("lambda = " + chosen).first().getDouble(1), 0.0);

        for (String png : List.of("coefficient_paths.png", "cv_curve.png", "nonzero_coefficients.png")) {
            PathPlotsTest.assertPlot(Path.of(out, "plots", png));
        }
        assertPlotsShowTheWrittenData(out, m);
        assertTrue(Files.exists(Path.of(out, "_SUCCESS")));
    }

    /** The three plots against the tables and metrics the same run wrote. */
    private static void assertPlotsShowTheWrittenData(String out, JsonNode m) throws Exception {
        SparkSession spark = SparkTestSession.get();
        List<Row> cv = spark.read().parquet(out + "/cv").orderBy(org.apache.spark.sql.functions.col("lambda").desc())
                .collectAsList();
        double[] lambdas = cv.stream().mapToDouble(r -> r.getDouble(r.fieldIndex("lambda"))).toArray();
        double[] cvm = cv.stream().mapToDouble(r -> r.getDouble(r.fieldIndex("cvMean"))).toArray();
        double[] cvsd = cv.stream().mapToDouble(r -> r.getDouble(r.fieldIndex("cvStd"))).toArray();
        PlotContent.assertCvCurve(Path.of(out, "plots", "cv_curve.png"), lambdas, cvm, cvsd,
                m.get("lambdaMin").asDouble(), m.get("lambda1se").asDouble(),
                PlotContent.measureLabel(m.get("typeMeasure").asText()));

        List<String> features = spark.read().parquet(out + "/coefficients").filter("index >= 0").orderBy("index")
                .collectAsList().stream().map(r -> r.getString(r.fieldIndex("feature"))).toList();
        List<WrittenCoefficients.Model> path = WrittenCoefficients.read(out + "/path", null, features);
        double[] pathLambdas = path.stream().mapToDouble(WrittenCoefficients.Model::lambda).toArray();
        double[][] coefs = path.stream().map(x -> x.beta()[0]).toArray(double[][]::new);
        PlotContent.assertCoefficientPaths(Path.of(out, "plots", "coefficient_paths.png"), pathLambdas, coefs, features);

        WrittenCoefficients.Model chosen = WrittenCoefficients.read(out + "/coefficients", null, features).get(0);
        PlotContent.assertNonzeroBars(Path.of(out, "plots", "nonzero_coefficients.png"), chosen.beta()[0],
                chosen.lambda(), features);
    }
}
