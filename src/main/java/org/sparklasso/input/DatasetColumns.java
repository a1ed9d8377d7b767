package org.sparklasso.input;

import static org.sparklasso.input.InputText.abbreviate;
import static org.sparklasso.input.InputText.quote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.spec.JobException;

/**
 * Finds a {@link BlockSpec}'s columns in a Dataset by name and selects them in the order the
 * packing step reads: label, weight, fold id, then the numeric feature columns or one ML vector
 * column. Refuses missing, duplicate and non-numeric columns with the key to fix. Shared by the
 * public step ({@link Blocks#cache(Dataset, BlockSpec, String)}) and the Parquet reader; the
 * column checks also serve the CSV reader.
 */
final class DatasetColumns {
    /** The label column when labelCol is not given (csv with a header, parquet, a Dataset). */
    static final String DEFAULT_LABEL_COL = "label";
    /** Spark ML's default features column: a vector column of this name is used without featuresCol. */
    private static final String DEFAULT_FEATURES_COL = "features";

    private DatasetColumns() {
    }

    /**
     * The rows of {@code df} the spec names, as a source called {@code name}.
     *
     * @param fileColumn add Spark's {@code input_file_name()}, so a bad row's message names its file
     */
    static RowSource resolve(Dataset<Row> df, BlockSpec spec, String name, boolean fileColumn) {
        String[] columns = df.columns();
        checkDistinct(columns);
        boolean classes = spec.family().isClassification();
        String label = spec.labelCol() != null ? spec.labelCol() : DEFAULT_LABEL_COL;
        if (classes) {
            requireColumn(columns, label, "labelCol", name);
        } else {
            requireNumeric(df.schema(), label, "labelCol", name);
        }
        String weight = spec.weightCol();
        if (weight != null) {
            requireNumeric(df.schema(), weight, "weightCol", name);
        }
        String fold = spec.foldCol();
        if (fold != null) {
            requireNumeric(df.schema(), fold, "foldCol", name);
        }
        List<Column> select = new ArrayList<>();
        select.add(df.col(quote(label)).cast(classes ? DataTypes.StringType : DataTypes.DoubleType));
        select.add(weight == null ? functions.lit(1.0) : df.col(quote(weight)).cast(DataTypes.DoubleType));
        select.add(fold == null ? functions.lit(0.0) : df.col(quote(fold)).cast(DataTypes.DoubleType));
        int weightIndex = weight == null ? -1 : 1;
        int foldIndex = fold == null ? -1 : 2;
        String vec = spec.featuresCol();
        if (vec == null && spec.featureCols().isEmpty() && Arrays.asList(columns).contains(DEFAULT_FEATURES_COL)
                && df.schema().apply(DEFAULT_FEATURES_COL).dataType() instanceof VectorUDT) {
            vec = DEFAULT_FEATURES_COL;
        }
        if (vec != null) {
            requireColumn(columns, vec, "featuresCol", name);
            if (!(df.schema().apply(vec).dataType() instanceof VectorUDT)) {
                throw JobException.input("featuresCol: column '" + vec + "' is not a Spark ML vector");
            }
            int p = AttributeGroup.fromStructField(df.schema().apply(vec)).size();
            if (p < 0) {
                Row first = df.select(quote(vec)).where(df.col(quote(vec)).isNotNull()).first();
                p = first == null ? 0 : ((Vector) first.get(0)).size();
            }
            select.add(df.col(quote(vec)));
            if (fileColumn) {
                select.add(functions.input_file_name());
            }
            List<String> names = vectorFeatureNames(df.schema().apply(vec), p);
            return RowSource.of(df.select(select.toArray(new Column[0])), new RowLayout(0, weightIndex, new int[0], 3,
                    p, -1, fileColumn ? 4 : -1, foldIndex, 0, 0L), names, name);
        }
        List<String> features = chooseFeatures(columns, spec, label, weight, fold, name);
        int[] feats = new int[features.size()];
        for (int j = 0; j < features.size(); j++) {
            requireNumeric(df.schema(), features.get(j), "featureCols", name);
            select.add(df.col(quote(features.get(j))).cast(DataTypes.DoubleType));
            feats[j] = j + 3;
        }
        if (fileColumn) {
            select.add(functions.input_file_name());
        }
        RowSource rows = RowSource.of(df.select(select.toArray(new Column[0])), new RowLayout(0, weightIndex, feats,
                -1, feats.length, -1, fileColumn ? feats.length + 3 : -1, foldIndex, 0, 0L), features, name);
        return fileColumn ? withColumnar(rows, df, label, weight, fold, features, classes) : rows;
    }

    /**
     * A file source's rows, also as its own columns for packing from columnar batches when every
     * one is a number ColumnValues reads (a class label: a double or an integer).
     */
    private static RowSource withColumnar(RowSource rows, Dataset<Row> df, String label, String weight, String fold,
                                          List<String> features, boolean classes) {
        StructType schema = df.schema();
        boolean readable = classes ? ColumnValues.labelText(schema.apply(label).dataType())
                : ColumnValues.numeric(schema.apply(label).dataType());
        List<String> numeric = new ArrayList<>(features);
        if (weight != null) {
            numeric.add(weight);
        }
        if (fold != null) {
            numeric.add(fold);
        }
        for (String c : numeric) {
            readable &= ColumnValues.numeric(schema.apply(c).dataType());
        }
        if (!readable) {
            return rows;
        }
        List<Column> columns = new ArrayList<>();
        columns.add(df.col(quote(label)));
        numeric.forEach(c -> columns.add(df.col(quote(c))));
        return rows.withDirect(new ColumnarBlocks.Columns(df.select(columns.toArray(new Column[0])), label, weight,
                fold, features));
    }

    /**
     * The features' names: those Spark ML's attributes give the vector column (VectorAssembler names
     * each slot after its input column) when every slot has a distinct one, else {@code column_j}.
     */
    static List<String> vectorFeatureNames(StructField field, int p) {
        AttributeGroup group = AttributeGroup.fromStructField(field);
        List<String> names = new ArrayList<>(p);
        if (group.attributes().isDefined() && group.size() == p) {
            Attribute[] attributes = group.attributes().get();
            Set<String> seen = new HashSet<>();
            for (Attribute a : attributes) {
                if (a.name().isEmpty() || !seen.add(a.name().get())) {
                    names.clear();
                    break;
                }
                names.add(a.name().get());
            }
            if (names.size() == p) {
                return names;
            }
        }
        for (int j = 0; j < p; j++) {
            names.add(field.name() + "_" + j);
        }
        return names;
    }

    /** The spec's feature columns, checked, or every column but label, weight and fold. */
    static List<String> chooseFeatures(String[] columns, BlockSpec spec, String label, String weight, String fold,
                                       String name) {
        if (!spec.featureCols().isEmpty()) {
            for (String f : spec.featureCols()) {
                requireColumn(columns, f, "featureCols", name);
                if (f.equals(label) || f.equals(weight) || f.equals(fold)) {
                    throw JobException.config("featureCols: '" + f + "' is the label, weight or fold column");
                }
            }
            return spec.featureCols();
        }
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (!c.equals(label) && !c.equals(weight) && !c.equals(fold)) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            throw JobException.input("input " + name + " has no feature columns besides the label");
        }
        return out;
    }

    /** Refuses a column {@code key} names that {@code name} does not have. */
    static void requireColumn(String[] columns, String column, String key, String name) {
        if (!Arrays.asList(columns).contains(column)) {
            throw JobException.input(key + ": column '" + column + "' not found in " + name
                    + " (columns: " + abbreviate(columns) + ")");
        }
    }

    private static void requireNumeric(StructType schema, String column, String key, String name) {
        requireColumn(schema.fieldNames(), column, key, name);
        DataType type = schema.apply(column).dataType();
        if (!(type instanceof NumericType)) {
            throw JobException.input(key + ": column '" + column + "' in " + name + " is "
                    + type.simpleString() + ", not numeric");
        }
    }

    /** Refuses two columns of one name (Spark could not tell them apart). */
    static void checkDistinct(String[] columns) {
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (!seen.add(c)) {
                throw JobException.input("input has two columns named '" + c + "'");
            }
        }
    }
}
