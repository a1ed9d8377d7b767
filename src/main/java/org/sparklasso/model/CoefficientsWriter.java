package org.sparklasso.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes {@code coefficients/} as Parquet: per λ, an intercept row ({@code (Intercept)}, index
 * -1) and one row per feature, zeros included; columns feature, index, coefficient, lambda.
 */
public final class CoefficientsWriter {
    public static final String INTERCEPT = "(Intercept)";
    public static final StructType SCHEMA = new StructType()
            .add("feature", DataTypes.StringType, false)
            .add("index", DataTypes.IntegerType, false)
            .add("coefficient", DataTypes.DoubleType, false)
            .add("lambda", DataTypes.DoubleType, false);

    private CoefficientsWriter() {
    }

    public static void write(SparkSession spark, List<FittedModel> models, List<String> featureNames, String path) {
        List<Row> rows = new ArrayList<>();
        for (FittedModel m : models) {
            rows.add(RowFactory.create(INTERCEPT, -1, m.intercept(), m.lambda()));
            double[] beta = m.coefficients();
            for (int j = 0; j < beta.length; j++) {
                rows.add(RowFactory.create(featureNames.get(j), j, beta[j], m.lambda()));
            }
        }
        spark.createDataFrame(rows, SCHEMA).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(path);
    }
}
