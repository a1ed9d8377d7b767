package org.sparklasso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.ml.LassoClassificationModel;
import org.sparklasso.ml.LassoClassifier;
import org.sparklasso.ml.LassoRegressionModel;
import org.sparklasso.spec.ExitCode;

/**
 * The {@code score} command: held-out rows scored from a train output equal the saved model's
 * {@code transform}; features are matched by name (order and extra columns irrelevant, a missing or
 * renamed one refused naming it); unseen label values are no error; a saved model scores as a train
 * output does; bad input leaves no output.
 */
class ScoreTest {
    private static final List<String> DIABETES = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5",
            "s6");

    @BeforeAll
    static void session() {
        SparkTestSession.get();
    }

    private static Dataset<Row> csv(String name) {
        return TestFits.dataFrame(name);
    }

    private static void writeCsv(Dataset<Row> df, Path path) {
        df.coalesce(1).write().option("header", "true").csv(path.toString());
    }

    /** Runs a command, returning its exit code and what it printed on stderr. */
    private static Object[] run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Object[] {code, captured.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void heldOutRowsScoreAsTheModelTransformsThem(@TempDir Path dir) {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> all = csv("diabetes_folds.csv");
        Path train = dir.resolve("train.csv");
        writeCsv(all.filter("fold != 1"), train);
        Dataset<Row> heldOut = all.filter("fold = 1").withColumn("id", functions.monotonically_increasing_id())
                .withColumn("note", functions.lit("extra"));
        // features in another order, an extra column, no label
        Path held = dir.resolve("held.csv");
        writeCsv(heldOut.select("id", "s6", "note", "bmi", "age", "sex", "bp", "s1", "s2", "s3", "s4", "s5"), held);
        String model = dir.resolve("model").toString();
        assertEquals(ExitCode.OK, run("train", "--input", train.toString(), "--labelCol", "progression",
                "--featureCols", String.join(",", DIABETES), "--nfolds", "5", "--plots", "false", "--output", model)[0]);
        String scored = dir.resolve("scored").toString();
        Object[] r = run("score", "--model", model, "--input", held.toString(), "--output", scored, "--keepCols", "id");
        assertEquals(ExitCode.OK, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("scored " + heldOut.count() + " rows"), (String) r[1]);

        LassoRegressionModel saved = LassoRegressionModel.load(model + "/model");
        Dataset<Row> expected = saved.transform(new VectorAssembler().setInputCols(DIABETES.toArray(new String[0]))
                .setOutputCol("features").transform(heldOut)).select("id", "prediction");
        Dataset<Row> written = spark.read().parquet(scored);
        assertEquals(List.of("id", "prediction"), List.of(written.columns()));
        List<Row> a = expected.orderBy("id").collectAsList();
        List<Row> b = written.orderBy(functions.col("id").cast("long")).collectAsList();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getLong(0), Long.parseLong(b.get(i).getString(0)));
            assertEquals(a.get(i).getDouble(1), b.get(i).getDouble(1), 1e-12 * Math.abs(a.get(i).getDouble(1)));
        }

        // a missing feature, and one renamed: exit 3 naming it, no output
        Path missing = dir.resolve("missing.csv");
        writeCsv(heldOut.drop("bmi").withColumnRenamed("s6", "S_6"), missing);
        String none = dir.resolve("none").toString();
        Object[] m = run("score", "--model", model, "--input", missing.toString(), "--output", none);
        assertEquals(ExitCode.BAD_INPUT, m[0]);
        String line = ((String) m[1]).strip();
        assertTrue(line.contains("lacks 2 of the model's 10 features: bmi, s6"), line);
        assertFalse(line.contains("\n"), "one line: " + line);
        assertFalse(Files.exists(Path.of(none)), "no output on failure");

        // a value that is not a number in a feature column: exit 3, no output
        Path bad = dir.resolve("bad.csv");
        writeCsv(heldOut.withColumn("bmi", functions.when(functions.col("id").equalTo(heldOut.first()
                .getLong(heldOut.first().fieldIndex("id"))), functions.lit("n/a")).otherwise(functions.col("bmi")
                .cast("string"))), bad);
        Object[] v = run("score", "--model", model, "--input", bad.toString(), "--output", none);
        assertEquals(ExitCode.BAD_INPUT, v[0], (String) v[1]);
        assertTrue(((String) v[1]).contains("feature column 'bmi' has the value 'n/a', not a number"), (String) v[1]);
        assertFalse(Files.exists(Path.of(none)), "no output on failure");
    }

    @Test
    void classificationScoresFeaturesNotLabels(@TempDir Path dir) {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> iris = csv("iris.csv");
        String model = dir.resolve("model").toString();
        assertEquals(ExitCode.OK, run("train", "--input", TestFits.resource("src/test/resources/data/iris.csv"),
                "--family", "multinomial", "--lambda", "0.02", "--plots", "false", "--output", model)[0]);
        // labels the model never saw, as parquet
        Path input = dir.resolve("new.parquet");
        iris.withColumn("label", functions.lit("unseen-species")).write().parquet(input.toString());
        String scored = dir.resolve("scored").toString();
        Object[] r = run("score", "--model", model, "--input", input.toString(), "--output", scored,
                "--keepCols", "label");
        assertEquals(ExitCode.OK, r[0], (String) r[1]);
        Dataset<Row> written = spark.read().parquet(scored);
        assertEquals(List.of("label", "prediction", "probability_setosa", "probability_versicolor",
                "probability_virginica"), List.of(written.columns()));
        LassoClassificationModel saved = LassoClassificationModel.load(model + "/model");
        List<Row> expected = saved.transform(new VectorAssembler().setInputCols(new String[] {"sepal_length",
                "sepal_width", "petal_length", "petal_width"}).setOutputCol("features").transform(iris))
                .select("prediction").collectAsList();
        List<Row> got = written.select("prediction").collectAsList();
        assertEquals(expected, got, "row order is kept by a one-partition input");
        for (Row row : written.collectAsList()) {
            double sum = row.getDouble(2) + row.getDouble(3) + row.getDouble(4);
            assertEquals(1, sum, 1e-12);
        }
    }

    @Test
    void aSavedModelScoresAsATrainOutputDoes(@TempDir Path dir) throws Exception {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> bc = csv("breast_cancer.csv");
        String[] features = java.util.Arrays.stream(bc.columns()).filter(c -> !c.equals("label"))
                .toArray(String[]::new);
        Dataset<Row> df = new VectorAssembler().setInputCols(features).setOutputCol("features").transform(bc);
        LassoClassificationModel model = new LassoClassifier().setRegParam(0.05).fit(df);
        String saved = dir.resolve("saved").toString();
        model.write().save(saved);
        Path input = dir.resolve("bc.parquet");
        bc.write().parquet(input.toString());
        String scored = dir.resolve("scored").toString();
        Object[] r = run("score", "--model", saved, "--input", input.toString(), "--output", scored);
        assertEquals(ExitCode.OK, r[0], (String) r[1]);
        List<Row> got = spark.read().parquet(scored).select("prediction", "probability_malignant").collectAsList();
        List<Row> expected = model.transform(df).select("prediction", "probability").collectAsList();
        for (int i = 0; i < got.size(); i++) {
            assertEquals(expected.get(i).getString(0), got.get(i).getString(0));
            assertEquals(((org.apache.spark.ml.linalg.Vector) expected.get(i).get(1)).apply(1), got.get(i).getDouble(1),
                    1e-12);
        }
        // a vector column instead of named columns: used as it is
        Path vectors = dir.resolve("vectors.parquet");
        df.select("features").write().parquet(vectors.toString());
        Object[] v = run("score", "--model", saved, "--input", vectors.toString(), "--output",
                dir.resolve("scored2").toString());
        assertEquals(ExitCode.OK, v[0], (String) v[1]);

        Object[] noModel = run("score", "--model", dir.resolve("nothing").toString(), "--input", input.toString(),
                "--output", dir.resolve("x").toString());
        assertEquals(ExitCode.BAD_INPUT, noModel[0]);
        assertTrue(((String) noModel[1]).contains("model: no model at"), (String) noModel[1]);
        Object[] typo = run("score", "--modle", saved, "--input", input.toString(), "--output", "x");
        assertEquals(ExitCode.BAD_CONFIG, typo[0]);
        assertTrue(((String) typo[1]).contains("did you mean 'model'?"), (String) typo[1]);
    }

    @Test
    void scoreHelpListsEveryKeyAndExitsZero() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(new String[] {"score", "--help"});
        } finally {
            System.setOut(out);
        }
        String help = captured.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.OK, code);
        assertTrue(help.startsWith("usage: submit.sh [spark-submit options] score --model"), help);
        for (String key : List.of("model", "input", "output", "keepCols", "format", "header", "sep", "labelCol")) {
            assertTrue(help.contains("  " + key + " "), key + " missing from:\n" + help);
        }
        // every key the help names is one the parser takes, and no other
        Object[] unknown = run("score", "--keepcolumns", "id", "--model", "m", "--input", "i.csv", "--output", "o");
        assertEquals(ExitCode.BAD_CONFIG, unknown[0]);
        assertTrue(((String) unknown[1]).contains("(keys: model, input, output, keepCols, format, header, sep, labelCol)"),
                (String) unknown[1]);
    }
}
