package org.sparklasso.ml;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.Identifiable;

/**
 * The classification columns' params, declared once for {@link LassoClassifier} and the model it
 * fits (Spark's HasProbabilityCol, HasRawPredictionCol and HasThreshold, which Java cannot mix in).
 */
final class ClassificationParams {
    static final String PROBABILITY_COL = "probability";
    static final String RAW_PREDICTION_COL = "rawPrediction";
    static final double THRESHOLD = 0.5;

    private ClassificationParams() {
    }

    static Param<String> probabilityCol(Identifiable owner) {
        return new Param<>(owner, "probabilityCol", "the class probabilities column transform adds");
    }

    static Param<String> rawPredictionCol(Identifiable owner) {
        return new Param<>(owner, "rawPredictionCol", "the linear predictors column transform adds");
    }

    static DoubleParam threshold(Identifiable owner) {
        return new DoubleParam(owner, "threshold", "binomial: predict the second class when its probability is "
                + "above this");
    }
}
