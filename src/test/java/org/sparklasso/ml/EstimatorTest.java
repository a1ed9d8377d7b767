package org.sparklasso.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.WrittenCoefficients;
import org.sparklasso.cli.Main;
import org.sparklasso.spec.JobException;

/**
 * The Spark ML Estimators against the CLI on the same data (the same coefficients, read back from
 * the CLI's written coefficients/), predictions recomputed here from those coefficients, and the
 * Spark ML machinery: Pipeline, CrossValidator with a ParamGridBuilder, save/load round trips.
 */
class EstimatorTest {
    private static final List<String> DIABETES = List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5",
            "s6");

    @BeforeAll
    static void session() {
        SparkTestSession.get();
    }

    private static Dataset<Row> csv(String name) {
        return TestFits.dataFrame(name);
    }

    private static Dataset<Row> assembled(Dataset<Row> df, List<String> features) {
        return new VectorAssembler().setInputCols(features.toArray(new String[0])).setOutputCol("features")
                .transform(df);
    }

    private static List<String> featuresOf(Dataset<Row> df, String... notFeatures) {
        return Arrays.stream(df.columns()).filter(c -> !Arrays.asList(notFeatures).contains(c)).toList();
    }

    @Test
    void regressionEqualsTheCliAndPredictsWithItsCoefficients(@TempDir Path dir) {
        String out = dir.resolve("cli").toString();
        assertEquals(0, Main.run(new String[] {"train", "--input",
                TestFits.resource("src/test/resources/data/diabetes_folds.csv"), "--labelCol", "progression",
                "--foldCol", "fold", "--plots", "false", "--output", out}));
        WrittenCoefficients.Model cli = WrittenCoefficients.read(out + "/coefficients", null, DIABETES).get(0);

        Dataset<Row> df = assembled(csv("diabetes_folds.csv"), DIABETES);
        LassoRegressionModel model = new LassoRegression().setLabelCol("progression").setFoldCol("fold").fit(df);
        assertEquals(cli.lambda(), model.lambda(), 1e-12 * cli.lambda());
        assertEquals(cli.intercept()[0], model.intercept(), 1e-12 * Math.abs(cli.intercept()[0]));
        double[] beta = model.coefficients().toArray();
        for (int j = 0; j < DIABETES.size(); j++) {
            assertEquals(cli.beta()[0][j], beta[j], 1e-12 * Math.max(1, Math.abs(cli.beta()[0][j])), DIABETES.get(j));
        }
        assertEquals(DIABETES, model.featureNames(), "names from VectorAssembler's attributes");
        assertTrue(model.summary().crossValidated());
        assertEquals(model.summary().lambda1se(), model.lambda(), 0, "lambdaChoice lambda.1se by default");
        assertEquals(model.summary().lambdas().length, model.summary().cvMean().length);

        for (Row r : model.transform(df).select("features", "prediction").limit(20).collectAsList()) {
            double[] x = ((Vector) r.get(0)).toArray();
            double expected = cli.intercept()[0];
            for (int j = 0; j < x.length; j++) {
                expected += cli.beta()[0][j] * x[j];
            }
            assertEquals(expected, r.getDouble(1), 1e-9 * Math.abs(expected));
        }
    }

    @Test
    void binomialEqualsTheCliAndMapsClassesBack(@TempDir Path dir) {
        String out = dir.resolve("cli").toString();
        assertEquals(0, Main.run(new String[] {"train", "--input",
                TestFits.resource("src/test/resources/data/breast_cancer.csv"), "--family", "binomial",
                "--lambda", "0.02", "--plots", "false", "--output", out}));
        Dataset<Row> raw = csv("breast_cancer.csv");
        List<String> features = featuresOf(raw, "label");
        WrittenCoefficients.Model cli = WrittenCoefficients.read(out + "/coefficients", null, features).get(0);

        Dataset<Row> df = assembled(raw, features);
        LassoClassificationModel model = new LassoClassifier().setRegParam(0.02).fit(df);
        assertEquals(List.of("benign", "malignant"), model.classes());
        double[] beta = model.coefficients().toArray();
        for (int j = 0; j < features.size(); j++) {
            assertEquals(cli.beta()[0][j], beta[j], 1e-12 * Math.max(1, Math.abs(cli.beta()[0][j])), features.get(j));
        }
        for (Row r : model.transform(df).select("features", "probability", "prediction", "rawPrediction")
                .limit(30).collectAsList()) {
            double[] x = ((Vector) r.get(0)).toArray();
            double eta = cli.intercept()[0];
            for (int j = 0; j < x.length; j++) {
                eta += cli.beta()[0][j] * x[j];
            }
            double p1 = 1 / (1 + Math.exp(-eta));
            assertEquals(p1, ((Vector) r.get(1)).apply(1), 1e-9);
            assertEquals(p1 > 0.5 ? "malignant" : "benign", r.getString(2));
            assertEquals(eta, ((Vector) r.get(3)).apply(1), 1e-9 * Math.max(1, Math.abs(eta)));
        }
        // a missing feature value (NaN in the vector, as score's assembler leaves it) predicts no class
        double[] x = ((Vector) df.select("features").first().get(0)).toArray();
        x[0] = Double.NaN;
        Dataset<Row> gap = SparkTestSession.get().createDataFrame(List.of(RowFactory.create(Vectors.dense(x))),
                new StructType().add("features", new VectorUDT()));
        Row r = model.transform(gap).select("probability", "prediction").first();
        assertTrue(r.isNullAt(1), "text classes: a null prediction, not class " + r.get(1));
        assertTrue(Double.isNaN(((Vector) r.get(0)).apply(0)), "NaN probabilities");
    }

    @Test
    void multinomialWithNumericLabelsPredictsTheLabelValues() {
        Dataset<Row> raw = csv("iris.csv");
        Dataset<Row> numeric = raw.withColumn("y", org.apache.spark.sql.functions
                .when(raw.col("label").equalTo("setosa"), 3.0)
                .when(raw.col("label").equalTo("versicolor"), 7.0).otherwise(11.0));
        Dataset<Row> df = assembled(numeric, featuresOf(raw, "label"));
        LassoClassificationModel model = new LassoClassifier().setLabelCol("y").setLambda(new double[] {0.01})
                .fit(df);
        assertEquals(List.of("3", "7", "11"), model.classes());
        assertEquals(3, model.coefficientMatrix().numRows());
        double accuracy = new MulticlassClassificationEvaluator().setLabelCol("y").setMetricName("accuracy")
                .evaluate(model.transform(df));
        assertTrue(accuracy > 0.9, "accuracy " + accuracy + ": predictions are the label's values");
        double[] x = ((Vector) df.select("features").first().get(0)).toArray();
        x[2] = Double.NaN;
        Dataset<Row> gap = SparkTestSession.get().createDataFrame(List.of(RowFactory.create(Vectors.dense(x))),
                new StructType().add("features", new VectorUDT()));
        assertTrue(Double.isNaN(model.transform(gap).select("prediction").first().getDouble(0)),
                "numeric classes: a missing feature value predicts NaN, not a class");
    }

    @Test
    void aPipelineSavesAndLoadsWithIdenticalPredictions(@TempDir Path dir) throws Exception {
        Dataset<Row> df = csv("diabetes_folds.csv");
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new VectorAssembler().setInputCols(DIABETES.toArray(new String[0])).setOutputCol("raw"),
            new StandardScaler().setInputCol("raw").setOutputCol("features"),
            new LassoRegression().setLabelCol("progression").setNfolds(5)});
        PipelineModel fitted = pipeline.fit(df);
        String path = dir.resolve("pipeline").toString();
        fitted.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        List<Row> a = fitted.transform(df).select("prediction").collectAsList();
        List<Row> b = loaded.transform(df).select("prediction").collectAsList();
        assertEquals(a, b);
        LassoRegressionModel m = (LassoRegressionModel) loaded.stages()[2];
        assertTrue(m.summary().crossValidated(), "the summary is saved with the model");

        pipeline.write().overwrite().save(dir.resolve("unfitted").toString());
        Pipeline again = Pipeline.load(dir.resolve("unfitted").toString());
        LassoRegression estimator = (LassoRegression) again.getStages()[2];
        assertEquals(5, estimator.getNfolds());
    }

    @Test
    void modelRoundTripGivesIdenticalPredictions(@TempDir Path dir) throws Exception {
        Dataset<Row> df = assembled(csv("iris.csv"), List.of("sepal_length", "sepal_width", "petal_length",
                "petal_width"));
        LassoClassificationModel model = new LassoClassifier().setNlambda(10).setProbabilityCol("p").fit(df);
        String path = dir.resolve("m").toString();
        model.write().overwrite().save(path);
        LassoClassificationModel loaded = LassoClassificationModel.load(path);
        assertEquals("p", loaded.getProbabilityCol());
        assertEquals(model.transform(df).collectAsList(), loaded.transform(df).collectAsList());
        assertArrayEquals(model.summary().lambdas(), loaded.summary().lambdas());
    }

    @Test
    void crossValidatorTunesRegParam() {
        Dataset<Row> df = assembled(csv("diabetes_folds.csv"), DIABETES);
        LassoRegression lasso = new LassoRegression().setLabelCol("progression");
        ParamMap[] grid = new ParamGridBuilder().addGrid(lasso.regParam(), new double[] {0.1, 1, 10})
                .addGrid(lasso.elasticNetParam(), new double[] {0.5, 1}).build();
        CrossValidatorModel cv = new CrossValidator().setEstimator(lasso).setEstimatorParamMaps(grid)
                .setEvaluator(new RegressionEvaluator().setLabelCol("progression")).setNumFolds(3).setSeed(1)
                .fit(df);
        assertEquals(6, cv.avgMetrics().length);
        LassoRegressionModel best = (LassoRegressionModel) cv.bestModel();
        double[] rmse = cv.avgMetrics();
        int argmin = 0;
        for (int i = 1; i < rmse.length; i++) {
            argmin = rmse[i] < rmse[argmin] ? i : argmin;
        }
        assertEquals((double) grid[argmin].apply(lasso.regParam()), best.lambda(), 0);
    }

    @Test
    void theEstimatorsSchemaNamesTheModelsColumnsSoLaterStagesValidate() {
        Dataset<Row> diabetes = assembled(csv("diabetes_folds.csv"), DIABETES);
        LassoRegression lasso = new LassoRegression().setLabelCol("progression").setNfolds(3);
        StructType announced = lasso.transformSchema(diabetes.schema());
        assertEquals(DataTypes.DoubleType, announced.apply("prediction").dataType());
        // Pipeline.fit validates every stage's schema first: a stage reading the prediction must see it
        PipelineModel chained = new Pipeline().setStages(new PipelineStage[] {lasso,
            new SQLTransformer().setStatement("SELECT *, progression - prediction AS residual FROM __THIS__")})
                .fit(diabetes);
        assertEquals(DataTypes.DoubleType, chained.transform(diabetes).schema().apply("residual").dataType());
        assertEquals(announced, ((LassoRegressionModel) chained.stages()[0]).transformSchema(diabetes.schema()));

        Dataset<Row> cancer = csv("breast_cancer.csv");
        Dataset<Row> strings = assembled(cancer, featuresOf(cancer, "label"));
        LassoClassifier classifier = new LassoClassifier().setRegParam(0.02);
        StructType named = classifier.transformSchema(strings.schema());
        assertEquals(DataTypes.StringType, named.apply("prediction").dataType(), "a string label: its class names");
        assertEquals(new VectorUDT(), named.apply("probability").dataType());
        assertEquals(new VectorUDT(), named.apply("rawPrediction").dataType());
        assertEquals(named, classifier.fit(strings).transform(strings).schema());

        Dataset<Row> numbers = strings.withColumn("label", functions.when(strings.col("label").equalTo("malignant"), 1)
                .otherwise(0));
        StructType numeric = classifier.transformSchema(numbers.schema());
        assertEquals(DataTypes.DoubleType, numeric.apply("prediction").dataType(), "a numeric label: numbers");
        assertEquals(numeric, classifier.fit(numbers).transform(numbers).schema());

        Dataset<Row> numberStrings = strings.withColumn("label", functions.when(strings.col("label")
                .equalTo("malignant"), "1").otherwise("0"));
        Row first = classifier.fit(numberStrings).transform(numberStrings).select("prediction").first();
        assertTrue(first.get(0) instanceof String, "numbers in a string label stay strings: " + first.get(0));
    }

    @Test
    void badParamsAreRefusedWithTheCliMessage() {
        Dataset<Row> df = assembled(csv("diabetes_folds.csv"), DIABETES);
        JobException e = assertThrows(JobException.class,
                () -> new LassoRegression().setLabelCol("progression").setAlpha(2).fit(df));
        assertEquals("alpha: invalid value '2.0' (expected a number in [0, 1])", e.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> new LassoRegression().setLabelCol("progression").setAlpha(0.5).setElasticNetParam(1).fit(df));
        assertTrue(both.getMessage().startsWith("alpha: set twice"), both.getMessage());
        JobException solver = assertThrows(JobException.class,
                () -> new LassoRegression().setLabelCol("progression").setSolver("newton").fit(df));
        assertTrue(solver.getMessage().startsWith("solver: invalid value 'newton'"), solver.getMessage());
        IllegalArgumentException noVector = assertThrows(IllegalArgumentException.class,
                () -> new LassoRegression().setLabelCol("progression").setFeaturesCol("age").fit(df));
        assertTrue(noVector.getMessage().contains("not a Spark ML vector"), noVector.getMessage());
    }
}
