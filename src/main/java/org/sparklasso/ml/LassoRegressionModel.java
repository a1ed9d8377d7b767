package org.sparklasso.ml;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.api.ModelData;

/**
 * A fitted {@link LassoRegression}: {@code transform} adds the prediction (intercept + coefficients ·
 * features) to each row; {@code write().save(path)} and {@link #load} keep it.
 */
public final class LassoRegressionModel extends LassoModel<LassoRegressionModel> {
    private static final long serialVersionUID = 1L;

    public LassoRegressionModel(String uid, ModelData data) {
        super(uid, data);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        ModelData model = data();
        UserDefinedFunction predict = functions.udf((UDF1<Vector, Double>) x -> x == null ? null
                : model.margins(x)[0], DataTypes.DoubleType);
        return dataset.withColumn(getPredictionCol(), predict.apply(dataset.col(getFeaturesCol())));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return checkAndAdd(schema, outputColumns(getPredictionCol()));
    }

    /** The column transform adds: the prediction, a double. */
    static List<StructField> outputColumns(String predictionCol) {
        return List.of(new StructField(predictionCol, DataTypes.DoubleType, true, Metadata.empty()));
    }

    @Override
    public LassoRegressionModel copy(ParamMap extra) {
        return copyValues(new LassoRegressionModel(uid(), data()), extra).setParent(parent());
    }

    public static MLReader<LassoRegressionModel> read() {
        return new LassoModelReader<>(LassoRegressionModel.class, LassoRegressionModel::new);
    }

    public static LassoRegressionModel load(String path) {
        return read().load(path);
    }
}
