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
import org.sparklasso.spec.JobException;

/**
 * Reads a previous {@code coefficients/} output ({@link CoefficientsWriter}'s schema) back, for a
 * fit that starts from it (the adaptive lasso's {@code adaptiveInit}). Takes a train output
 * directory or its coefficients directory; the output must hold one λ (a single-λ or a
 * cross-validated fit).
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
        Dataset<Row> table;
        try {
            table = spark.read().parquet(dir);
        } catch (RuntimeException e) {
            throw JobException.input(key + ": cannot read " + dir + " as Parquet (" + DataLoader.rootMessage(e)
                    + ")", e);
        }
        List<String> columns = Arrays.asList(table.columns());
        for (String c : List.of("feature", "coefficient", "lambda")) {
            if (!columns.contains(c)) {
                throw JobException.input(key + ": " + dir + " is not a coefficients output (no column '" + c
                        + "')");
            }
        }
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
