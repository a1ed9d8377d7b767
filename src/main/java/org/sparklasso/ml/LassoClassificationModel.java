package org.sparklasso.ml;

import java.util.List;
import org.apache.spark.ml.linalg.DenseMatrix;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.api.ModelData;
import org.sparklasso.spec.Family;

/**
 * A fitted {@link LassoClassifier}. {@code transform} adds, as Spark's LogisticRegressionModel does,
 * {@code rawPrediction} (binomial [−η, η]; multinomial the K linear predictors), {@code probability}
 * (per class, in the order of {@link #classes()}) and {@code prediction}: the predicted class given
 * back as the label's value, in the label column's type — a double for a numeric label column (so
 * Spark's evaluators compare it with the label), the class's string for a string one. (A model
 * read from a {@code train} output predicts numbers when every class is a number.)
 */
public final class LassoClassificationModel extends LassoModel<LassoClassificationModel>
        implements ClassificationParams<LassoClassificationModel> {
    private static final long serialVersionUID = 1L;

    private final Param<String> probabilityCol;
    private final Param<String> rawPredictionCol;
    private final DoubleParam threshold;

    public LassoClassificationModel(String uid, ModelData data) {
        super(uid, data);
        probabilityCol = ClassificationParams.probabilityColParam(this);
        rawPredictionCol = ClassificationParams.rawPredictionColParam(this);
        threshold = ClassificationParams.thresholdParam(this);
        setClassificationDefaults();
    }

    /** The classes, in the order of the probability vector. */
    public List<String> classes() {
        return data().classNames();
    }

    public int numClasses() {
        return data().classNames().size();
    }

    /** Multinomial: K × p coefficients (row k: class k); binomial: 1 × p. */
    public Matrix coefficientMatrix() {
        int k = data().blocks();
        int p = data().numFeatures();
        return new DenseMatrix(k, p, data().coefficients(), true);
    }

    /** One intercept per modelled class. */
    public Vector interceptVector() {
        return Vectors.dense(data().intercepts().clone());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        ModelData model = data();
        boolean numeric = model.numericClasses();
        double cut = getThreshold();
        String[] names = model.classNames().toArray(new String[0]);
        StructType scored = new StructType().add("raw", new VectorUDT()).add("probability", new VectorUDT())
                .add("prediction", predictionType(numeric));
        UserDefinedFunction score = functions.udf((UDF1<Vector, Row>) x -> {
            if (x == null) {
                return null;
            }
            double[] margins = model.margins(x);
            double[] probability = model.probabilities(margins);
            double[] raw = model.family() == Family.BINOMIAL ? new double[] {-margins[0], margins[0]} : margins;
            int best = 0;
            if (model.family() == Family.BINOMIAL) {
                best = probability[1] > cut ? 1 : 0;
            } else {
                for (int k = 1; k < probability.length; k++) {
                    best = probability[k] > probability[best] ? k : best;
                }
            }
            // a missing feature value (NaN after assembling) predicts no class: NaN, or null for text classes
            boolean missing = Double.isNaN(probability[best]);
            Object predicted = missing ? (numeric ? (Object) Double.NaN : null)
                    : numeric ? (Object) Double.parseDouble(names[best]) : names[best];
            return RowFactory.create(Vectors.dense(raw), Vectors.dense(probability), predicted);
        }, scored);
        String tmp = "_lasso_scored_" + uid();
        Dataset<Row> withScore = dataset.withColumn(tmp, score.apply(dataset.col(getFeaturesCol())));
        Column s = withScore.col(tmp);
        return withScore.withColumn(getRawPredictionCol(), s.getField("raw"))
                .withColumn(getProbabilityCol(), s.getField("probability"))
                .withColumn(getPredictionCol(), s.getField("prediction"))
                .drop(tmp);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return checkAndAdd(schema, outputColumns(getRawPredictionCol(), getProbabilityCol(), getPredictionCol(),
                data().numericClasses()));
    }

    /** The columns transform adds: raw prediction and probability vectors, and the predicted class. */
    static List<StructField> outputColumns(String rawPredictionCol, String probabilityCol, String predictionCol,
                                           boolean numericClasses) {
        return List.of(new StructField(rawPredictionCol, new VectorUDT(), true, Metadata.empty()),
                new StructField(probabilityCol, new VectorUDT(), true, Metadata.empty()),
                new StructField(predictionCol, predictionType(numericClasses), true, Metadata.empty()));
    }

    private static DataType predictionType(boolean numericClasses) {
        return numericClasses ? DataTypes.DoubleType : DataTypes.StringType;
    }

    @Override
    public LassoClassificationModel copy(ParamMap extra) {
        return copyValues(new LassoClassificationModel(uid(), data()), extra).setParent(parent());
    }

    @Override
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    @Override
    public Param<String> rawPredictionCol() {
        return rawPredictionCol;
    }

    @Override
    public DoubleParam threshold() {
        return threshold;
    }

    public static MLReader<LassoClassificationModel> read() {
        return new LassoModelReader<>(LassoClassificationModel.class, LassoClassificationModel::new);
    }

    public static LassoClassificationModel load(String path) {
        return read().load(path);
    }
}
