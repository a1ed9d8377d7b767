package org.sparklasso.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.sparklasso.api.ModelData;
import org.sparklasso.spec.InitialModel;
import org.sparklasso.spec.JobException;

/**
 * The one loader of fitted models: given a {@code train} output directory (which holds its saved
 * model under {@code model/}) or a saved Spark ML model ({@code metadata/} and {@code data/}), finds
 * the saved model, reads its {@link ModelData}, and gives {@code initialModel} the models to start
 * from. Used by {@code score}, the Spark ML readers and the warm start.
 */
public final class ModelDirectory {
    /** Where {@code train} saves its Spark ML model inside its output. */
    public static final String MODEL = "model";
    /** Where a saved model keeps its fitted values (Spark ML's layout). */
    public static final String DATA = "data";

    private ModelDirectory() {
    }

    /**
     * The saved model at {@code path} or inside it ({@code path/model}); an input error naming
     * {@code key} when there is none.
     */
    public static String savedModel(SparkSession spark, String key, String path) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(p)) {
                throw JobException.input(key + ": no model at " + path);
            }
            if (isSavedModel(fs, new Path(p, MODEL))) {
                return new Path(p, MODEL).toString();
            }
            if (isSavedModel(fs, p)) {
                return p.toString();
            }
            throw JobException.input(key + ": " + path + " is neither a train output with a saved model nor a "
                    + "saved model (no metadata/ and data/)");
        } catch (IOException | IllegalArgumentException e) {
            throw JobException.input(key + ": cannot open " + path + " (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isSavedModel(FileSystem fs, Path p) throws IOException {
        return fs.exists(new Path(p, "metadata")) && fs.exists(new Path(p, DATA));
    }

    /** The model saved at or inside {@code path}. */
    public static ModelData read(SparkSession spark, String key, String path) {
        return ModelDataTable.read(spark, new Path(savedModel(spark, key, path), DATA).toString(), key);
    }

    /**
     * The models {@code initialModel} starts from: a train output's whole path ({@code path/}) when it
     * has one, else its coefficients (a given coefficients directory too), else the one model of a
     * saved Spark ML model.
     */
    public static InitialModel initialModels(SparkSession spark, String key, InitialModel source) {
        if (!hasTable(spark, source.source(), "path") && !hasTable(spark, source.source(), "coefficients")
                && hasTable(spark, source.source(), "metadata")) {
            ModelData m = read(spark, key, source.source());
            List<InitialModel.Coefficient> coefficients = new ArrayList<>();
            boolean multinomial = m.blocks() > 1;
            for (int k = 0; k < m.blocks(); k++) {
                String cls = multinomial ? m.classNames().get(k) : null;
                coefficients.add(new InitialModel.Coefficient(cls, InitialModel.INTERCEPT, m.intercepts()[k]));
                for (int j = 0; j < m.numFeatures(); j++) {
                    if (m.coefficient(k, j) != 0) {
                        coefficients.add(new InitialModel.Coefficient(cls, m.featureNames().get(j),
                                m.coefficient(k, j)));
                    }
                }
            }
            return source.withFits(List.of(new InitialModel.Fit(m.lambda(), coefficients)));
        }
        return CoefficientsReader.models(spark, key, source);
    }

    private static boolean hasTable(SparkSession spark, String dir, String name) {
        try {
            Path p = new Path(dir, name);
            return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
