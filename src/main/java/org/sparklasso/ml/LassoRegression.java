package org.sparklasso.ml;

import java.util.List;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.api.ModelData;
import org.sparklasso.spec.Family;

/**
 * The lasso and elastic net for a numeric label (glmnet's {@code family="gaussian"}) as a Spark ML
 * Estimator: {@code new LassoRegression().setAlpha(1).setNfolds(10).fit(df)} fits the λ path and its
 * cross-validation over {@code df}'s vector column and keeps the chosen model. Every param of the
 * {@code train} command is a param here under the same name ({@link LassoEstimator}).
 */
public final class LassoRegression extends LassoEstimator<LassoRegressionModel, LassoRegression> {
    private static final long serialVersionUID = 1L;

    public LassoRegression() {
        this(Identifiable$.MODULE$.randomUID("lassoRegression"));
    }

    public LassoRegression(String uid) {
        super(uid);
    }

    @Override
    protected Family family(int classes) {
        return Family.GAUSSIAN;
    }

    @Override
    protected Family packingFamily() {
        return Family.GAUSSIAN;
    }

    @Override
    protected List<StructField> outputColumns(StructType schema) {
        return LassoRegressionModel.outputColumns(getPredictionCol());
    }

    @Override
    protected LassoRegressionModel newModel(String uid, ModelData data) {
        return new LassoRegressionModel(uid, data);
    }

    @Override
    public LassoRegression copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Spark ML's reader (a saved Estimator holds params only). */
    public static MLReader<LassoRegression> read() {
        return new DefaultParamsReader<>();
    }

    public static LassoRegression load(String path) {
        return read().load(path);
    }
}
