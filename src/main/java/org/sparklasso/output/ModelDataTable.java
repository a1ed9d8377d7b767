package org.sparklasso.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.api.ModelData;
import org.sparklasso.api.PathSummary;
import org.sparklasso.input.DataLoader;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.JobException;

/**
 * A {@link ModelData} as the one-row Parquet table under a saved model's {@code data/} (Spark ML's
 * layout: {@code metadata/} holds the params, {@code data/} the fitted values). Coefficients are
 * stored dense, class-major, with the feature and class names beside them.
 */
public final class ModelDataTable {
    /** Bumped when the schema changes incompatibly; a reader refuses a version it does not know. */
    static final int FORMAT_VERSION = 1;

    static final StructType SCHEMA = new StructType()
            .add("formatVersion", DataTypes.IntegerType, false)
            .add("family", DataTypes.StringType, false)
            .add("lambda", DataTypes.DoubleType, false)
            .add("featureNames", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("classNames", DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add("numericClasses", DataTypes.BooleanType, false)
            .add("intercepts", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("coefficients", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("pathLambdas", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("pathNnz", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("pathDevRatio", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("typeMeasure", DataTypes.StringType, true)
            .add("cvMean", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
            .add("cvStd", DataTypes.createArrayType(DataTypes.DoubleType, false), true)
            .add("lambdaMin", DataTypes.DoubleType, false)
            .add("lambda1se", DataTypes.DoubleType, false);

    private ModelDataTable() {
    }

    /** Writes {@code model} as one Parquet file under {@code dir}. */
    public static void write(SparkSession spark, ModelData model, String dir) {
        PathSummary s = model.summary();
        Row row = RowFactory.create(FORMAT_VERSION, model.family().key(), model.lambda(),
                model.featureNames().toArray(new String[0]),
                model.classNames() == null ? null : model.classNames().toArray(new String[0]),
                model.numericClasses(), boxed(model.intercepts()), boxed(model.coefficients()), boxed(s.lambdas()),
                Arrays.stream(s.nnz()).boxed().toArray(Integer[]::new), boxed(s.devRatio()), s.typeMeasure(),
                s.cvMean() == null ? null : boxed(s.cvMean()), s.cvStd() == null ? null : boxed(s.cvStd()),
                s.lambdaMin(), s.lambda1se());
        try {
            DriverParquetWriter.write(spark.sparkContext().hadoopConfiguration(), dir, SCHEMA, List.of(row));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model data to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads the model under {@code dir}; an input error naming {@code what} when it is not one. */
    public static ModelData read(SparkSession spark, String dir, String what) {
        Row r;
        try {
            r = spark.read().parquet(dir).first();
        } catch (RuntimeException e) {
            throw JobException.input(what + ": cannot read the model data at " + dir + " ("
                    + DataLoader.rootMessage(e) + ")", e);
        }
        int version = r.getInt(r.fieldIndex("formatVersion"));
        if (version != FORMAT_VERSION) {
            throw JobException.input(what + ": the model at " + dir + " has format version " + version
                    + "; this build reads version " + FORMAT_VERSION);
        }
        Family family = Family.valueOf(r.getString(r.fieldIndex("family")).toUpperCase(java.util.Locale.ROOT));
        List<String> classes = r.isNullAt(r.fieldIndex("classNames")) ? null : r.getList(r.fieldIndex("classNames"));
        PathSummary summary = new PathSummary(doubles(r, "pathLambdas"),
                r.<Integer>getList(r.fieldIndex("pathNnz")).stream().mapToInt(Integer::intValue).toArray(),
                doubles(r, "pathDevRatio"), r.getString(r.fieldIndex("typeMeasure")), doubles(r, "cvMean"),
                doubles(r, "cvStd"), r.getDouble(r.fieldIndex("lambdaMin")), r.getDouble(r.fieldIndex("lambda1se")));
        return new ModelData(family, r.getList(r.fieldIndex("featureNames")), classes,
                r.getBoolean(r.fieldIndex("numericClasses")), r.getDouble(r.fieldIndex("lambda")),
                doubles(r, "intercepts"), doubles(r, "coefficients"), summary);
    }

    private static Double[] boxed(double[] values) {
        return Arrays.stream(values).boxed().toArray(Double[]::new);
    }

    private static double[] doubles(Row r, String column) {
        int i = r.fieldIndex(column);
        return r.isNullAt(i) ? null : r.<Double>getList(i).stream().mapToDouble(Double::doubleValue).toArray();
    }
}
