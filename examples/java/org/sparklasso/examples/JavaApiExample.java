package org.sparklasso.examples;

import java.util.Arrays;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparklasso.api.PathSummary;
import org.sparklasso.ml.LassoRegression;
import org.sparklasso.ml.LassoRegressionModel;

/**
 * README's Java API example: the lasso path with 10-fold cross-validation on the bundled diabetes
 * data, in a Pipeline after VectorAssembler, saved, loaded and used to score. Compiled by the build
 * and run by JavaApiExampleTest; run it yourself with
 * {@code java -cp target/spark-lasso.jar:target/spark/jars/* org.sparklasso.examples.JavaApiExample}
 * after {@code mvn -B test-compile} (it is in target/test-classes).
 */
public final class JavaApiExample {
    private JavaApiExample() {
    }

    public static void main(String[] args) throws java.io.IOException {
        SparkSession spark = SparkSession.builder().master("local[*]").appName("spark-lasso example").getOrCreate();
        run(spark, "sample-data/diabetes.csv", args.length > 0 ? args[0] : "work-output/java-example");
        spark.stop();
    }

    /** Fits, saves, loads and scores; returns the scored rows. */
    public static Dataset<Row> run(SparkSession spark, String csv, String modelDir) throws java.io.IOException {
        // --- README: Java API ---
        Dataset<Row> df = spark.read().option("header", "true").option("inferSchema", "true").csv(csv);
        String[] features = Arrays.stream(df.columns()).filter(c -> !c.equals("progression")).toArray(String[]::new);

        LassoRegression lasso = new LassoRegression()
                .setLabelCol("progression")
                .setAlpha(1.0)                    // 1 = lasso (Spark's name: elasticNetParam)
                .setNfolds(10)                    // the path is cross-validated ...
                .setLambdaChoice("lambda.min");   // ... and the model at lambda.min is kept
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new VectorAssembler().setInputCols(features).setOutputCol("features"), lasso});
        PipelineModel model = pipeline.fit(df);

        LassoRegressionModel fitted = (LassoRegressionModel) model.stages()[1];
        PathSummary path = fitted.summary();       // λ, nnz, devRatio, cvMean, cvStd per λ
        System.out.printf("lambda.min = %.4g (%d of %d features), lambda.1se = %.4g%n",
                path.lambdaMin(), fitted.numNonzeros(), fitted.numFeatures(), path.lambda1se());

        model.write().overwrite().save(modelDir);  // a PipelineModel, loadable from Java, Scala, Python
        Dataset<Row> scored = PipelineModel.load(modelDir).transform(df).select("progression", "prediction");
        scored.show(5);
        // --- end ---
        return scored;
    }
}
