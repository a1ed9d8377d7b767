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
 * Writes {@code coefficients/} as Parquet: per λ (and per class for multinomial), an intercept
 * row ({@code (Intercept)}, index -1) and one row per feature, zeros included; columns feature,
 * index, coefficient, lambda, class (the class name for multinomial, null otherwise).
 */
public final class CoefficientsWriter {
    public static final String INTERCEPT = "(Intercept)";
    public static final StructType SCHEMA = new StructType()
            .add("feature", DataTypes.StringType, false)
            .add("index", DataTypes.IntegerType, false)
            .add("coefficient", DataTypes.DoubleType, false)
            .add("lambda", DataTypes.DoubleType, false)
            .add("class", DataTypes.StringType, true);

    private CoefficientsWriter() {
    }

    /** @param classNames the class of each coefficient block for multinomial, else null */
    public static void write(SparkSession spark, List<FittedModel> models, List<String> featureNames,
                             List<String> classNames, String path) {
        List<Row> rows = new ArrayList<>();
        for (FittedModel m : models) {
            int p = m.numFeatures();
            for (int k = 0; k < m.classes(); k++) {
                String cls = classNames == null ? null : classNames.get(k);
                rows.add(RowFactory.create(INTERCEPT, -1, m.intercepts()[k], m.lambda(), cls));
                for (int j = 0; j < p; j++) {
                    rows.add(RowFactory.create(featureNames.get(j), j, m.coefficients()[k * p + j], m.lambda(), cls));
                }
            }
        }
        spark.createDataFrame(rows, SCHEMA).coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(path);
    }
}
