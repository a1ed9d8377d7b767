package org.sparklasso.output;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparklasso.input.DataLoader;
import org.sparklasso.spec.InitialModel;
import org.sparklasso.spec.JobException;

/**
 * Reads a previous {@code coefficients/} or {@code path/} output ({@link CoefficientsWriter}'s and
 * {@link PathWriter}'s schemas) back, for a fit that starts from it: the adaptive lasso's
 * {@code adaptiveInit} (one λ: a single-λ or a cross-validated fit) and the warm start
 * {@code initialModel} (every λ). Takes a train output directory or its coefficients directory.
 */
public final class CoefficientsReader {

    private CoefficientsReader() {
    }

    /**
     * Feature name → |coefficient| (multinomial: the L2 norm of the feature's class coefficients);
     * an input error naming {@code key} and the path when it is not a one-λ coefficients output.
     */
    public static Map<String, Double> magnitudes(SparkSession spark, String key, String path) {
        String dir = coefficientsDir(spark, key, path);
        Dataset<Row> table = table(spark, key, dir, List.of("feature", "coefficient", "lambda"));
        List<Row> rows = table.select("feature", "coefficient", "lambda").collectAsList();
        long lambdas = rows.stream().mapToDouble(r -> r.getDouble(2)).distinct().count();
        if (lambdas != 1) {
            throw JobException.input(key + ": " + dir + " holds " + lambdas + " λ values; give the output of a "
                    + "single-λ or cross-validated fit");
        }
        Map<String, Double> squares = new HashMap<>();
        for (Row r : rows) {
            if (!CoefficientsWriter.INTERCEPT.equals(r.getString(0))) {
                squares.merge(r.getString(0), r.getDouble(1) * r.getDouble(1), Double::sum);
            }
        }
        squares.replaceAll((feature, s) -> Math.sqrt(s));
        return squares;
    }

    /**
     * A previous train output's models for {@code initialModel}: its {@code path/} table (every λ's
     * nonzero coefficients and intercepts) when it has one, else its (or the given directory's)
     * coefficients table. An input error naming {@code key} and the path when neither is readable.
     */
    public static InitialModel models(SparkSession spark, String key, InitialModel source) {
        String dir = pathOrCoefficientsDir(spark, key, source.source());
        Dataset<Row> table = table(spark, key, dir, List.of("feature", "coefficient", "lambda", "class"));
        if (Arrays.asList(table.columns()).contains("gamma")) {
            throw JobException.input(key + ": " + dir + " holds relaxed-lasso blends; give the train output "
                    + "directory (its path/ holds the lasso path)");
        }
        Map<Double, List<InitialModel.Coefficient>> byLambda = new java.util.TreeMap<>();
        for (Row r : table.select("lambda", "class", "feature", "coefficient").collectAsList()) {
            byLambda.computeIfAbsent(r.getDouble(0), l -> new java.util.ArrayList<>())
                    .add(new InitialModel.Coefficient(r.isNullAt(1) ? null : r.getString(1), r.getString(2),
                            r.getDouble(3)));
        }
        if (byLambda.isEmpty()) {
            throw JobException.input(key + ": " + dir + " holds no model");
        }
        List<InitialModel.Fit> fits = byLambda.entrySet().stream()
                .map(e -> new InitialModel.Fit(e.getKey(), e.getValue())).toList();
        return source.withFits(fits);
    }

    /** The Parquet table at {@code dir}, which must have the {@code required} columns; else an input error. */
    private static Dataset<Row> table(SparkSession spark, String key, String dir, List<String> required) {
        Dataset<Row> table;
        try {
            table = spark.read().parquet(dir);
        } catch (RuntimeException e) {
            throw JobException.input(key + ": cannot read " + dir + " as Parquet (" + DataLoader.rootMessage(e)
                    + ")", e);
        }
        List<String> columns = Arrays.asList(table.columns());
        for (String c : required) {
            if (!columns.contains(c)) {
                throw JobException.input(key + ": " + dir + " is not a coefficients output (no column '" + c
                        + "')");
            }
        }
        return table;
    }

    private static String pathOrCoefficientsDir(SparkSession spark, String key, String path) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(new Path(p, "path"))) {
                return new Path(p, "path").toString();
            }
        } catch (IOException | IllegalArgumentException e) {
            throw JobException.input(key + ": cannot open " + path + " (" + e.getMessage() + ")", e);
        }
        return coefficientsDir(spark, key, path);
    }

    private static String coefficientsDir(SparkSession spark, String key, String path) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (fs.exists(new Path(p, "coefficients"))) {
                return new Path(p, "coefficients").toString();
            }
            if (!fs.exists(p)) {
                throw JobException.input(key + ": no coefficients output at " + path);
            }
            return path;
        } catch (IOException | IllegalArgumentException e) {
            throw JobException.input(key + ": cannot open " + path + " (" + e.getMessage() + ")", e);
        }
    }
}
