package org.sparklasso.ml

import java.nio.file.Files

import org.apache.spark.ml.{Pipeline, PipelineModel}
import org.apache.spark.ml.evaluation.{MulticlassClassificationEvaluator, RegressionEvaluator}
import org.apache.spark.ml.feature.{StandardScaler, VectorAssembler}
import org.apache.spark.ml.linalg.Vector
import org.apache.spark.ml.tuning.{CrossValidator, CrossValidatorModel, ParamGridBuilder}
import org.apache.spark.sql.SparkSession
import org.scalatest.funsuite.AnyFunSuite

/**
 * The Estimators as a Scala notebook uses them: setters chained, a DataFrame made with toDF, a
 * Pipeline, ParamGridBuilder + CrossValidator, save and load, and transform.
 */
class EstimatorsFromScalaSuite extends AnyFunSuite {
  private lazy val spark: SparkSession = SparkSession.builder()
    .master("local[2]").appName("spark-lasso scala suite")
    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
    .config("spark.sql.shuffle.partitions", "4").getOrCreate()

  /** y = 3·a − 2·b + noise, with an irrelevant c; the label also as a class: y > 0. */
  private def data() = {
    import spark.implicits._
    val rng = new scala.util.Random(7)
    (1 to 400).map { i =>
      val (a, b, c) = (rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian())
      val y = 3 * a - 2 * b + 0.1 * rng.nextGaussian()
      (i, a, b, c, y, if (y > 0) "up" else "down")
    }.toDF("id", "a", "b", "c", "y", "direction")
  }

  test("a Pipeline with VectorAssembler and StandardScaler fits, saves, loads and predicts the same") {
    val df = data()
    val pipeline = new Pipeline().setStages(Array(
      new VectorAssembler().setInputCols(Array("a", "b", "c")).setOutputCol("raw"),
      new StandardScaler().setInputCol("raw").setOutputCol("features"),
      new LassoRegression().setLabelCol("y").setAlpha(1.0).setNfolds(5).setLambdaChoice("lambda.min")))
    val model = pipeline.fit(df)
    val lasso = model.stages.last.asInstanceOf[LassoRegressionModel]
    assert(lasso.summary.crossValidated)
    assert(lasso.lambda == lasso.summary.lambdaMin)
    assert(math.abs(lasso.coefficients()(2)) < 0.05, "the irrelevant feature is (nearly) out")

    val dir = Files.createTempDirectory("scala-pipeline").resolve("model").toString
    model.write.overwrite().save(dir)
    val loaded = PipelineModel.load(dir)
    val before = model.transform(df).select("id", "prediction").collect().toSeq
    val after = loaded.transform(df).select("id", "prediction").collect().toSeq
    assert(before == after)
    val rmse = new RegressionEvaluator().setLabelCol("y").evaluate(loaded.transform(df))
    assert(rmse < 0.2, s"rmse $rmse")
  }

  test("ParamGridBuilder and CrossValidator tune regParam and elasticNetParam") {
    val df = new VectorAssembler().setInputCols(Array("a", "b", "c")).setOutputCol("features").transform(data())
    val lasso = new LassoRegression().setLabelCol("y")
    val grid = new ParamGridBuilder()
      .addGrid(lasso.regParam, Array(0.01, 0.1, 1.0))
      .addGrid(lasso.elasticNetParam, Array(0.5, 1.0))
      .build()
    val cv: CrossValidatorModel = new CrossValidator().setEstimator(lasso).setEstimatorParamMaps(grid)
      .setEvaluator(new RegressionEvaluator().setLabelCol("y")).setNumFolds(3).setSeed(11).fit(df)
    assert(cv.avgMetrics.length == 6)
    assert(cv.bestModel.asInstanceOf[LassoRegressionModel].lambda == 0.01, "the least penalty fits best")
  }

  test("the classifier predicts the label's own values and its model round-trips") {
    val df = new VectorAssembler().setInputCols(Array("a", "b", "c")).setOutputCol("features").transform(data())
    val model = new LassoClassifier().setLabelCol("direction").setNlambda(20).setNfolds(3).fit(df)
    assert(model.classes.toArray.toSeq == Seq("down", "up"))
    val scored = model.transform(df)
    val hits = scored.where(scored("prediction") === scored("direction")).count()
    assert(hits > 360, s"$hits of 400 right")
    val p = scored.select("probability").head().getAs[Vector](0)
    assert(math.abs(p(0) + p(1) - 1) < 1e-12)

    val dir = Files.createTempDirectory("scala-classifier").resolve("m").toString
    model.write.overwrite().save(dir)
    val loaded = LassoClassificationModel.load(dir)
    assert(loaded.transform(df).select("prediction").collect().toSeq == scored.select("prediction").collect().toSeq)
  }
}
