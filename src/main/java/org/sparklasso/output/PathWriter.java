package org.sparklasso.output;

import org.sparklasso.path.FittedModel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.path.CrossValidationResult;
import org.sparklasso.path.CrossValidationSummary;
import org.sparklasso.path.RelaxedPath;

/**
 * Writes the λ path and its cross-validation as Parquet: {@code path/} (per λ the intercept and
 * the nonzero coefficients: lambda, feature, index, coefficient, class), {@code path_summary/} (per λ:
 * lambda, nnz, devRatio, objective, dualityGap, relativeGap, converged) and {@code cv/} (per λ:
 * lambda, cvMean, cvStd, nnz).
 */
public final class PathWriter {
    static final StructType PATH = new StructType()
            .add("lambda", DataTypes.DoubleType, false)
            .add("feature", DataTypes.StringType, false)
            .add("index", DataTypes.IntegerType, false)
            .add("coefficient", DataTypes.DoubleType, false)
            .add("class", DataTypes.StringType, true);
    static final StructType SUMMARY = new StructType()
            .add("lambda", DataTypes.DoubleType, false)
            .add("nnz", DataTypes.IntegerType, false)
            .add("devRatio", DataTypes.DoubleType, false)
            .add("objective", DataTypes.DoubleType, false)
            .add("dualityGap", DataTypes.DoubleType, false)
            .add("relativeGap", DataTypes.DoubleType, false)
            .add("converged", DataTypes.BooleanType, false);
    static final StructType CV = new StructType()
            .add("lambda", DataTypes.DoubleType, false)
            .add("cvMean", DataTypes.DoubleType, false)
            .add("cvStd", DataTypes.DoubleType, false)
            .add("nnz", DataTypes.IntegerType, false);
    static final StructType RELAXED_CV = new StructType()
            .add("lambda", DataTypes.DoubleType, false)
            .add("gamma", DataTypes.DoubleType, false)
            .add("cvMean", DataTypes.DoubleType, false)
            .add("cvStd", DataTypes.DoubleType, false)
            .add("nnz", DataTypes.IntegerType, false);

    private PathWriter() {
    }

    /** @param classNames the class of each coefficient block for multinomial, else null */
    public static void writePath(SparkSession spark, List<FittedModel> fits, List<String> names,
                                 List<String> classNames, String path) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (FittedModel m : fits) {
            int p = m.numFeatures();
            for (int k = 0; k < m.classes(); k++) {
                String cls = classNames == null ? null : classNames.get(k);
                rows.add(RowFactory.create(m.lambda(), CoefficientsWriter.INTERCEPT, -1, m.intercepts()[k], cls));
                for (int j = 0; j < p; j++) {
                    double b = m.coefficients()[k * p + j];
                    if (b != 0) {
                        rows.add(RowFactory.create(m.lambda(), names.get(j), j, b, cls));
                    }
                }
            }
        }
        write(spark, rows, PATH, path);
    }

    public static void writeSummary(SparkSession spark, List<FittedModel> fits, String path) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (FittedModel m : fits) {
            rows.add(RowFactory.create(m.lambda(), m.nnz(), m.devRatio(), m.solve().objective(), m.solve().gap(),
                    m.solve().relativeGap(), m.solve().converged()));
        }
        write(spark, rows, SUMMARY, path);
    }

    public static void writeCv(SparkSession spark, CrossValidationResult cv, String path) throws IOException {
        List<Row> rows = new ArrayList<>();
        double[] lambdas = cv.summary().lambdas();
        for (int l = 0; l < lambdas.length; l++) {
            rows.add(RowFactory.create(lambdas[l], cv.summary().cvm()[l], cv.summary().cvsd()[l], cv.nnz()[l]));
        }
        write(spark, rows, CV, path);
    }

    /** {@code cv_relaxed/}: the relaxed lasso's cross-validation, one row per (λ, γ). */
    public static void writeRelaxedCv(SparkSession spark, RelaxedPath relaxed, String path) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < relaxed.gammas().length; g++) {
            CrossValidationSummary s = relaxed.cv().get(g);
            for (int l = 0; l < s.lambdas().length; l++) {
                rows.add(RowFactory.create(s.lambdas()[l], relaxed.gammas()[g], s.cvm()[l], s.cvsd()[l],
                        relaxed.blends().get(g).get(l).nnz()));
            }
        }
        write(spark, rows, RELAXED_CV, path);
    }

    private static void write(SparkSession spark, List<Row> rows, StructType schema, String path) throws IOException {
        DriverParquetWriter.write(spark.sparkContext().hadoopConfiguration(), path, schema, rows);
    }
}
