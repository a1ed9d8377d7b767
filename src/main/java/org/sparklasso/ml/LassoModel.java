package org.sparklasso.ml;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.api.ModelData;
import org.sparklasso.api.PathSummary;

/**
 * What the two fitted models share: the {@link ModelData} (the chosen λ's coefficients on the
 * original scale, feature and class names, the path summary), the column params, the coefficient
 * accessors and saving ({@link LassoModelWriter}: Spark ML's {@code metadata/} + {@code data/} layout).
 *
 * @param <M> the model itself
 */
public abstract class LassoModel<M extends LassoModel<M>> extends Model<M> implements MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final ModelData data;
    private final Param<String> featuresCol;
    private final Param<String> predictionCol;

    protected LassoModel(String uid, ModelData data) {
        this.uid = uid;
        this.data = data;
        featuresCol = new Param<>(this, "featuresCol", "the Spark ML vector column of features, in the order of "
                + "featureNames()");
        predictionCol = new Param<>(this, "predictionCol", "the prediction column transform adds");
        setDefault(featuresCol, "features");
        setDefault(predictionCol, "prediction");
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The fitted values: coefficients, names, path summary. */
    public ModelData data() {
        return data;
    }

    /** The λ path and cross-validation the model was chosen from (λ, nnz, deviance ratio, cvMean, cvStd …). */
    public PathSummary summary() {
        return data.summary();
    }

    /** The chosen λ. */
    public double lambda() {
        return data.lambda();
    }

    /** The features' names, in the order the features vector must have. */
    public List<String> featureNames() {
        return data.featureNames();
    }

    public int numFeatures() {
        return data.numFeatures();
    }

    /** Coefficients on the original scale of the features (multinomial: see the classification model). */
    public Vector coefficients() {
        return Vectors.dense(Arrays.copyOf(data.coefficients(), data.numFeatures())).compressed();
    }

    public double intercept() {
        return data.intercepts()[0];
    }

    /** Features with a nonzero coefficient (in any class). */
    public int numNonzeros() {
        return data.nnz();
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public String getFeaturesCol() {
        return (String) getOrDefault(featuresCol);
    }

    public String getPredictionCol() {
        return (String) getOrDefault(predictionCol);
    }

    @SuppressWarnings("unchecked")
    public M setFeaturesCol(String value) {
        set(featuresCol, value);
        return (M) this;
    }

    @SuppressWarnings("unchecked")
    public M setPredictionCol(String value) {
        set(predictionCol, value);
        return (M) this;
    }

    /** The features column must be a vector; the added columns must not exist yet. */
    /** {@code schema} with the columns {@code transform} adds, after checking the features column. */
    protected StructType checkAndAdd(StructType schema, List<StructField> added) {
        ModelColumns.requireVector(schema, getFeaturesCol());
        return ModelColumns.append(schema, added);
    }

    @Override
    public MLWriter write() {
        return new LassoModelWriter(this);
    }
}
