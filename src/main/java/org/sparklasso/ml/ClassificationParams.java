package org.sparklasso.ml;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The classification columns' params, shared by {@link LassoClassifier} and the model it fits:
 * Spark's HasProbabilityCol, HasRawPredictionCol and HasThreshold, which Java cannot mix in as
 * Scala does, so the getters and setters are default methods over the implementor's own Param
 * fields (Spark finds params through the public accessors, which stay on the class).
 *
 * @param <T> the implementing type, returned by the setters for chaining
 */
public interface ClassificationParams<T extends Params> {
    String PROBABILITY_COL = "probability";
    String RAW_PREDICTION_COL = "rawPrediction";
    double THRESHOLD = 0.5;

    Param<String> probabilityCol();

    Param<String> rawPredictionCol();

    DoubleParam threshold();

    static Param<String> probabilityColParam(Params owner) {
        return new Param<>(owner, "probabilityCol", "the class probabilities column transform adds");
    }

    static Param<String> rawPredictionColParam(Params owner) {
        return new Param<>(owner, "rawPredictionCol", "the linear predictors column transform adds");
    }

    static DoubleParam thresholdParam(Params owner) {
        return new DoubleParam(owner, "threshold", "binomial: predict the second class when its probability is "
                + "above this");
    }

    /** Sets the three defaults; called by the implementor's constructor once its Param fields exist. */
    default void setClassificationDefaults() {
        self().setDefault(probabilityCol(), PROBABILITY_COL);
        self().setDefault(rawPredictionCol(), RAW_PREDICTION_COL);
        self().setDefault(threshold(), (Object) THRESHOLD);
    }

    default String getProbabilityCol() {
        return self().getOrDefault(probabilityCol());
    }

    default String getRawPredictionCol() {
        return self().getOrDefault(rawPredictionCol());
    }

    default double getThreshold() {
        return (Double) self().getOrDefault(threshold());
    }

    default T setProbabilityCol(String value) {
        self().set(probabilityCol(), value);
        return self();
    }

    default T setRawPredictionCol(String value) {
        self().set(rawPredictionCol(), value);
        return self();
    }

    default T setThreshold(double value) {
        self().set(threshold(), (Object) value);
        return self();
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }
}
