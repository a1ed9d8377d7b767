package org.sparklasso.ml;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schema checks shared by the Estimators and their models: the features column must be a Spark ML
 * vector, and the columns {@code transform} adds must not exist yet (as Spark's {@code SchemaUtils.appendColumn}).
 */
final class ModelColumns {
    private ModelColumns() {
    }

    /** Fails unless {@code features} is a vector column of {@code schema}. */
    static void requireVector(StructType schema, String features) {
        if (!has(schema, features)) {
            throw new IllegalArgumentException("featuresCol: column '" + features + "' not found (columns: "
                    + String.join(", ", schema.fieldNames()) + ")");
        }
        if (!(schema.apply(features).dataType() instanceof VectorUDT)) {
            throw new IllegalArgumentException("featuresCol: column '" + features + "' is "
                    + schema.apply(features).dataType().simpleString() + ", not a Spark ML vector");
        }
    }

    /** {@code schema} with {@code added} appended; fails if one of them exists already. */
    static StructType append(StructType schema, List<StructField> added) {
        StructType out = schema;
        for (StructField field : added) {
            if (has(schema, field.name())) {
                throw new IllegalArgumentException("column '" + field.name() + "' exists already");
            }
            out = out.add(field);
        }
        return out;
    }

    static boolean has(StructType schema, String column) {
        return Arrays.asList(schema.fieldNames()).contains(column);
    }
}
