package org.sparklasso.ml;

import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.SparkSession;
import org.sparklasso.api.ModelData;
import org.sparklasso.output.ModelDirectory;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.JobException;

/**
 * The model class of a {@link ModelData} (gaussian: {@link LassoRegressionModel}, else
 * {@link LassoClassificationModel}), and loading either from a {@code train} output or a saved model.
 */
public final class LassoModels {
    private LassoModels() {
    }

    /** A new Spark ML model of {@code data}, with default column params. */
    public static LassoModel<?> of(ModelData data) {
        return data.family() == Family.GAUSSIAN
                ? new LassoRegressionModel(Identifiable$.MODULE$.randomUID("lassoRegressionModel"), data)
                : new LassoClassificationModel(Identifiable$.MODULE$.randomUID("lassoClassificationModel"), data);
    }

    /**
     * The model saved at {@code path} or inside it (a {@code train} output's {@code model/}); an input
     * error naming {@code key} when there is none or it is not one of ours.
     */
    public static LassoModel<?> load(SparkSession spark, String key, String path) {
        String dir = ModelDirectory.savedModel(spark, key, path);
        String className;
        try {
            className = DefaultParamsReader$.MODULE$.loadMetadata(dir, spark, "").className();
        } catch (RuntimeException e) {
            throw JobException.input(key + ": cannot read the model's metadata at " + dir + " ("
                    + org.sparklasso.input.DataLoader.rootMessage(e) + ")", e);
        }
        if (className.equals(LassoRegressionModel.class.getName())) {
            return LassoRegressionModel.read().session(spark).load(dir);
        }
        if (className.equals(LassoClassificationModel.class.getName())) {
            return LassoClassificationModel.read().session(spark).load(dir);
        }
        throw JobException.input(key + ": " + dir + " holds a " + className + ", not a spark-lasso model");
    }
}
