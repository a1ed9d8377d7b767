package org.sparklasso.output;

import org.sparklasso.path.FittedModel;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes {@code coefficients/} as Parquet: per λ (and per class for multinomial), an intercept
 * row ({@code (Intercept)}, index -1) and one row per feature, zeros included; columns feature,
 * index, coefficient, lambda, class (the class name for multinomial, null otherwise), then any
 * per-feature columns the fit had (null on intercept rows): penaltyFactor when a factor is not 1
 * (the factor in force after rescaling, Infinity for a left-out feature), adaptiveWeight for the
 * adaptive lasso (1/|b|^γ before rescaling, Infinity where the initial b is 0). The group lasso's
 * rows have a string column group (the feature's group label) after class; the relaxed lasso's a
 * column gamma (the blend's γ: 1 = the lasso, 0 = the unpenalized refit) after that.
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

    /**
     * Writes every model's rows in the order model, class, intercept then features, from the driver
     * ({@link DriverParquetWriter}: rows are generated one at a time from the coefficient arrays, so
     * p = 10⁶ features × many λ never exist as row objects at once; Spark's writer ran it as one task
     * after coalesce(1) too, so nothing parallel is lost). Each feature's group label goes in a column
     * group ({@code groupOf} null: no such column) and each model's γ in a column gamma
     * ({@code gammas}: the relaxed lasso's, or null).
     *
     * @param classNames the class of each coefficient block for multinomial, else null
     * @param featureColumns per-feature double columns after the model's, by name, in order (may be empty)
     */
    public static void write(SparkSession spark, List<FittedModel> models, List<String> featureNames,
                             List<String> classNames, String[] groupOf, double[] gammas,
                             Map<String, double[]> featureColumns, String path) throws IOException {
        int p = featureNames.size();
        int classes = models.isEmpty() ? 1 : models.get(0).classes();
        Table table = new Table(featureNames.toArray(new String[0]),
                classNames == null ? null : classNames.toArray(new String[0]),
                models.stream().map(FittedModel::coefficients).toArray(double[][]::new),
                models.stream().map(FittedModel::intercepts).toArray(double[][]::new),
                models.stream().mapToDouble(FittedModel::lambda).toArray(),
                groupOf, gammas, featureColumns.values().toArray(new double[0][]), p, classes);
        long total = (long) models.size() * classes * (p + 1);
        StructType schema = SCHEMA;
        if (groupOf != null) {
            schema = schema.add("group", DataTypes.StringType, true);
        }
        if (gammas != null) {
            schema = schema.add("gamma", DataTypes.DoubleType, false);
        }
        for (String name : featureColumns.keySet()) {
            schema = schema.add(name, DataTypes.DoubleType, true);
        }
        DriverParquetWriter.write(spark.sparkContext().hadoopConfiguration(), path, schema,
                LongStream.range(0, total).mapToObj(table::row).iterator());
    }

    /** The coefficient table in compact form; row i is model i / (K(p+1)), then class, then feature. */
    private record Table(String[] features, String[] classNames, double[][] coefficients, double[][] intercepts,
                         double[] lambdas, String[] groups, double[] gammas, double[][] extra, int p, int classes) {
        Row row(long i) {
            int perModel = classes * (p + 1);
            int m = (int) (i / perModel);
            int rest = (int) (i % perModel);
            int k = rest / (p + 1);
            int j = rest % (p + 1) - 1;
            String cls = classNames == null ? null : classNames[k];
            int fixed = 5 + (groups == null ? 0 : 1) + (gammas == null ? 0 : 1);
            Object[] values = new Object[fixed + extra.length];
            values[0] = j < 0 ? INTERCEPT : features[j];
            values[1] = j;
            values[2] = j < 0 ? intercepts[m][k] : coefficients[m][k * p + j];
            values[3] = lambdas[m];
            values[4] = cls;
            if (groups != null) {
                values[5] = j < 0 ? null : groups[j];
            }
            if (gammas != null) {
                values[fixed - 1] = gammas[m];
            }
            for (int c = 0; c < extra.length; c++) {
                values[fixed + c] = j < 0 ? null : extra[c][j];
            }
            return RowFactory.create(values);
        }
    }
}
