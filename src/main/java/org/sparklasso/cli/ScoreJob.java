package org.sparklasso.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.api.ModelData;
import org.sparklasso.input.DataLoader;
import org.sparklasso.input.InputFormat;
import org.sparklasso.input.ParquetFooterSchema;
import org.sparklasso.ml.FeatureMatcher;
import org.sparklasso.ml.LassoModel;
import org.sparklasso.ml.LassoModels;
import org.sparklasso.output.AtomicOutput;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.JobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code score} command: a saved model (or a {@code train} output's) applied to new data, the
 * features found by name ({@link FeatureMatcher}), the predictions computed by the model's own
 * {@code transform}, written as Parquet atomically (the kept columns, {@code prediction}, and for
 * classification {@code probability_<class>} per class). Only the features with a nonzero
 * coefficient are read.
 */
public final class ScoreJob {
    private static final Logger LOG = LoggerFactory.getLogger(ScoreJob.class);
    private static final String VECTOR = "_spark_lasso_features";

    private ScoreJob() {
    }

    /** Scores and writes; returns the number of rows scored. */
    public static long run(SparkSession spark, ScoreConfig config) throws IOException, InterruptedException {
        AtomicOutput.checkReplaceable(config.output(), spark.sparkContext().hadoopConfiguration());
        AtomicOutput.checkWritable(config.output(), spark.sparkContext().hadoopConfiguration());
        long t0 = System.nanoTime();
        LassoModel<?> saved = LassoModels.load(spark, "model", config.model());
        ModelData model = saved.data();
        Dataset<Row> input = read(spark, config, model);
        for (String keep : config.keepCols()) {
            if (!Arrays.asList(input.columns()).contains(keep)) {
                throw JobException.input("keepCols: column '" + keep + "' not found in input " + config.input());
            }
        }
        int[] nonzero = model.nonzeroFeatures();
        ModelData reading = model.restrictedTo(nonzero);
        FeatureMatcher.Matched matched = FeatureMatcher.assemble(input, model.featureNames(), reading.featureNames(),
                saved.getFeaturesCol(), model.numFeatures(), VECTOR, config.input());
        LassoModel<?> scorer = LassoModels.of(matched.allOfThem() ? model : reading).setFeaturesCol(VECTOR);
        Dataset<Row> scored = scorer.transform(matched.rows());
        List<Column> out = new ArrayList<>();
        for (String keep : config.keepCols()) {
            out.add(scored.col(quote(keep)));
        }
        out.add(scored.col("prediction"));
        if (model.family() != Family.GAUSSIAN) {
            Column probability = org.apache.spark.ml.functions.vector_to_array(scored.col("probability"), "float64");
            List<String> classes = model.classNames();
            for (int k = 0; k < classes.size(); k++) {
                out.add(probability.getItem(k).as("probability_" + classes.get(k)));
            }
        }
        checkNoClash(config.keepCols(), model);
        long rows;
        try (AtomicOutput target = AtomicOutput.begin(config.output(), spark.sparkContext().hadoopConfiguration())) {
            Observation counted = new Observation("scored");
            try {
                scored.select(out.toArray(new Column[0])).observe(counted, functions.count(functions.lit(1)).as("rows"))
                        .write().mode(SaveMode.Overwrite).parquet(target.root());
            } catch (Exception e) {
                // a Spark job's failure is the checked SparkException, thrown undeclared
                String located = config.format() == InputFormat.CSV ? locateNonNumber(spark, config, model) : null;
                throw JobException.input(located != null ? located
                        : "cannot score input " + config.input() + ": " + DataLoader.rootMessage(e), e);
            }
            rows = ((Number) counted.get().apply("rows")).longValue();
            target.commit();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String line = String.format(Locale.ROOT, "scored %,d rows with %d of %d features (%s) in %.2f s (%,.0f rows/s)"
                + " → %s", rows, nonzero.length, model.numFeatures(), model.family().key(), seconds, rows / seconds,
                config.output());
        System.err.println("spark-lasso: " + line);
        LOG.info(line);
        return rows;
    }

    /** The kept columns must not be the ones score writes. */
    private static void checkNoClash(List<String> keep, ModelData model) {
        for (String k : keep) {
            if (k.equals("prediction") || (model.classNames() != null && k.startsWith("probability_")
                    && model.classNames().contains(k.substring("probability_".length())))) {
                throw JobException.config("keepCols: '" + k + "' is a column score writes");
            }
        }
    }

    /** The input as named columns: a header's names, x1..xp without one, f1..fp for libsvm. */
    private static Dataset<Row> read(SparkSession spark, ScoreConfig config, ModelData model) {
        try {
            return switch (config.format()) {
                case PARQUET -> ParquetFooterSchema.read(spark, config.input());
                case CSV -> readCsv(spark, config, model);
                case LIBSVM -> spark.read().format("libsvm").option("numFeatures", model.numFeatures())
                        .load(config.input()).withColumnRenamed("features", VECTOR + "_libsvm")
                        .transform(df -> libsvmColumns(df, model.numFeatures()));
            };
        } catch (JobException e) {
            throw e;
        } catch (RuntimeException | java.io.IOException e) {
            throw JobException.input("cannot read " + config.format().name().toLowerCase(Locale.ROOT) + " input "
                    + config.input() + ": " + DataLoader.rootMessage(e), e);
        }
    }

    /** LIBSVM rows as columns f1..fp (train's names for them) beside the label. */
    private static Dataset<Row> libsvmColumns(Dataset<Row> df, int p) {
        Column array = org.apache.spark.ml.functions.vector_to_array(df.col(VECTOR + "_libsvm"), "float64");
        List<Column> cols = new ArrayList<>();
        cols.add(df.col("label"));
        for (int j = 0; j < p; j++) {
            cols.add(array.getItem(j).as("f" + (j + 1)));
        }
        return df.select(cols.toArray(new Column[0]));
    }

    /**
     * CSV with Spark's reader: the model's features read as doubles (a value that is not a number fails
     * the job, naming it), every other column as text. Without a header, the columns are x1..xp as
     * train names them: all of them when there are p, else every column but labelCol (1 by default).
     */
    private static Dataset<Row> readCsv(SparkSession spark, ScoreConfig config, ModelData model) {
        DataFrameReader reader = spark.read().options(config.csvOptions()).option("header", config.header());
        String[] columns = reader.csv(config.input()).columns();
        String[] names = config.header() ? columns : headerlessNames(columns.length, config, model.numFeatures());
        StructType schema = new StructType();
        for (String name : names) {
            schema = schema.add(new StructField(name, model.featureNames().contains(name) ? DataTypes.DoubleType
                    : DataTypes.StringType, true, org.apache.spark.sql.types.Metadata.empty()));
        }
        return reader.schema(schema).option("mode", "FAILFAST").csv(config.input());
    }

    /**
     * After a failed CSV read, a second look for the first feature value that is not a number: names the
     * file, the column and the value (Spark's FAILFAST says only "For input string"). Null if none is found.
     */
    private static String locateNonNumber(SparkSession spark, ScoreConfig config, ModelData model) {
        try {
            DataFrameReader reader = spark.read().options(config.csvOptions()).option("header", config.header());
            Dataset<Row> text = reader.csv(config.input());
            String[] names = config.header() ? text.columns()
                    : headerlessNames(text.columns().length, config, model.numFeatures());
            text = text.toDF(names).withColumn("_file", functions.input_file_name());
            Column bad = functions.lit(false);
            for (String f : model.featureNames()) {
                if (java.util.Arrays.asList(names).contains(f)) {
                    Column c = text.col(quote(f));
                    bad = bad.or(c.isNotNull().and(c.try_cast(DataTypes.DoubleType).isNull()));   // ANSI: cast would throw
                }
            }
            Row first = text.where(bad).first();
            for (String f : model.featureNames()) {
                int i = java.util.Arrays.asList(names).indexOf(f);
                if (i >= 0 && !first.isNullAt(i)) {
                    try {
                        Double.parseDouble(first.getString(i).trim());
                    } catch (NumberFormatException notNumber) {
                        return "input " + first.getString(first.fieldIndex("_file")) + ": feature column '" + f
                                + "' has the value '" + first.getString(i) + "', not a number";
                    }
                }
            }
            return null;
        } catch (RuntimeException again) {
            return null;
        }
    }

    private static String[] headerlessNames(int columns, ScoreConfig config, int p) {
        String[] names = new String[columns];
        int label = config.labelCol() == null ? (columns == p ? 0 : 1) : parseColumn(config.labelCol(), columns);
        int x = 0;
        for (int c = 0; c < columns; c++) {
            names[c] = c + 1 == label ? "label" : "x" + (++x);
        }
        return names;
    }

    private static int parseColumn(String value, int columns) {
        try {
            int c = Integer.parseInt(value.trim());
            if (c >= 1 && c <= columns) {
                return c;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw JobException.config("labelCol: invalid value '" + value + "' (a csv without header takes a 1-based "
                + "column number, 1.." + columns + ")");
    }

    private static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }
}
