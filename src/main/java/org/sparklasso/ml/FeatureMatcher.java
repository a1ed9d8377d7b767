package org.sparklasso.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.spec.JobException;

/**
 * Finds a model's features in new data <em>by name</em>: the columns named after the model's
 * features (any order, extra columns ignored) are assembled into the vector the model reads, in the
 * model's order; data that has no such columns but the vector column the model was fitted on is used
 * as it is. A missing or non-numeric feature is an input error naming it. Rows with a null feature
 * get a NaN in the vector (and so a NaN prediction, as R's {@code predict} gives NA).
 */
public final class FeatureMatcher {
    private FeatureMatcher() {
    }

    /**
     * The matched rows.
     *
     * @param rows       the data with the vector column added
     * @param allOfThem  whether the vector holds every feature of the model (the data's own vector column)
     *                   rather than just the requested ones
     */
    public record Matched(Dataset<Row> rows, boolean allOfThem) {
    }

    /**
     * {@code df} with a vector column {@code vectorCol} holding {@code features} in that order.
     *
     * @param modelVectorCol the vector column the model was fitted on (used when no feature is a column)
     * @param allFeatures    every feature of the model (each must be present, by name, even if not read)
     * @param source         how messages name the data
     */
    public static Matched assemble(Dataset<Row> df, List<String> allFeatures, List<String> features,
                                        String modelVectorCol, int modelSize, String vectorCol, String source) {
        StructType schema = df.schema();
        List<String> columns = Arrays.asList(schema.fieldNames());
        List<String> missing = new ArrayList<>();
        for (String f : allFeatures) {
            if (!columns.contains(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty() && missing.size() == allFeatures.size() && columns.contains(modelVectorCol)
                && schema.apply(modelVectorCol).dataType() instanceof VectorUDT) {
            if (AttributeSize.of(schema.apply(modelVectorCol)) >= 0
                    && AttributeSize.of(schema.apply(modelVectorCol)) != modelSize) {
                throw JobException.input("input " + source + ": vector column '" + modelVectorCol + "' has "
                        + AttributeSize.of(schema.apply(modelVectorCol)) + " features; the model has " + modelSize);
            }
            return new Matched(df.withColumn(vectorCol, df.col(quote(modelVectorCol))), true);
        }
        if (!missing.isEmpty()) {
            throw JobException.input("input " + source + " lacks " + missing.size() + " of the model's "
                    + allFeatures.size() + " features: " + abbreviate(missing) + " (features are matched by name; "
                    + "columns: " + abbreviate(columns) + ")");
        }
        for (String f : features) {
            DataType type = schema.apply(f).dataType();
            if (!(type instanceof NumericType)) {
                throw JobException.input("input " + source + ": feature column '" + f + "' is "
                        + type.simpleString() + ", not numeric");
            }
        }
        if (features.isEmpty()) {
            // a model without nonzero coefficients reads no feature: an empty vector per row
            return new Matched(df.withColumn(vectorCol, org.apache.spark.sql.functions.udf(
                    (org.apache.spark.sql.api.java.UDF0<org.apache.spark.ml.linalg.Vector>) () ->
                            org.apache.spark.ml.linalg.Vectors.zeros(0), new VectorUDT()).apply()), false);
        }
        return new Matched(new VectorAssembler().setInputCols(features.toArray(new String[0]))
                .setOutputCol(vectorCol).setHandleInvalid("keep").transform(df), false);
    }

    /** The size Spark ML's attributes give a vector column, or -1 when they do not say. */
    private static final class AttributeSize {
        static int of(org.apache.spark.sql.types.StructField field) {
            return org.apache.spark.ml.attribute.AttributeGroup.fromStructField(field).size();
        }
    }

    private static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 8 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 8)) + ", … (" + names.size() + ")";
    }
}
