package org.sparklasso.ml;

import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.api.ConfigKey;
import org.sparklasso.api.ModelData;
import org.sparklasso.spec.Family;

/**
 * L1-regularized logistic (two classes) and multinomial (more) regression as a Spark ML Estimator:
 * glmnet's {@code family="binomial"} and {@code "multinomial"}. The label may be of any type
 * (numbers or strings, as glmnet's factor): its distinct values are the classes, sorted numerically
 * when they are all numbers, and predictions are given back as those values. {@code family}: auto
 * (the default, as Spark's LogisticRegression: binomial for two classes, else multinomial), binomial
 * or multinomial.
 */
public final class LassoClassifier extends LassoEstimator<LassoClassificationModel, LassoClassifier>
        implements ClassificationParams<LassoClassifier> {
    private static final long serialVersionUID = 1L;

    private final Param<String> family;
    private final Param<String> typeMultinomial;
    private final Param<String> probabilityCol;
    private final Param<String> rawPredictionCol;
    private final DoubleParam threshold;

    public LassoClassifier() {
        this(Identifiable$.MODULE$.randomUID("lassoClassifier"));
    }

    public LassoClassifier(String uid) {
        super(uid);
        family = new Param<>(this, "family", "auto (binomial for two classes, else multinomial) | binomial | "
                + "multinomial");
        typeMultinomial = new Param<>(this, ConfigKey.TYPE_MULTINOMIAL.key(), ConfigKey.TYPE_MULTINOMIAL.description());
        probabilityCol = ClassificationParams.probabilityColParam(this);
        rawPredictionCol = ClassificationParams.rawPredictionColParam(this);
        threshold = ClassificationParams.thresholdParam(this);
        setDefault(family, "auto");
        setDefault(typeMultinomial, ConfigKey.TYPE_MULTINOMIAL.defaultValue());
        setClassificationDefaults();
    }

    @Override
    protected Family family(int classes) {
        String f = getFamily();
        return switch (f) {
            case "auto" -> classes == 2 ? Family.BINOMIAL : Family.MULTINOMIAL;
            case "binomial" -> Family.BINOMIAL;
            case "multinomial" -> Family.MULTINOMIAL;
            default -> throw new IllegalArgumentException("family: invalid value '" + f
                    + "' (expected auto, binomial or multinomial)");
        };
    }

    @Override
    protected Family packingFamily() {
        // auto packs as multinomial (any number of classes); the family is chosen once K is known
        return family(0) == Family.BINOMIAL && getFamily().equals("binomial") ? Family.BINOMIAL : Family.MULTINOMIAL;
    }

    @Override
    protected Map<String, String> familyKeys() {
        return Map.of(ConfigKey.TYPE_MULTINOMIAL.key(), (String) getOrDefault(typeMultinomial));
    }

    /** Adds the model's columns; the prediction has the label column's type (double if numeric, else string). */
    @Override
    protected List<StructField> outputColumns(StructType schema) {
        return LassoClassificationModel.outputColumns(getRawPredictionCol(), getProbabilityCol(), getPredictionCol(),
                numericLabel(schema));
    }

    @Override
    protected ModelData kept(ModelData fitted, StructType schema) {
        return fitted.withNumericClasses(numericLabel(schema));
    }

    private boolean numericLabel(StructType schema) {
        return schema.apply(getLabelCol()).dataType() instanceof NumericType;
    }

    @Override
    protected LassoClassificationModel newModel(String uid, ModelData data) {
        return new LassoClassificationModel(uid, data);
    }

    @Override
    public LassoClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public Param<String> family() {
        return family;
    }

    public Param<String> typeMultinomial() {
        return typeMultinomial;
    }

    @Override
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    @Override
    public Param<String> rawPredictionCol() {
        return rawPredictionCol;
    }

    @Override
    public DoubleParam threshold() {
        return threshold;
    }

    public String getFamily() {
        return ((String) getOrDefault(family)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    public LassoClassifier setFamily(String value) {
        set(family, value);
        return this;
    }

    public LassoClassifier setTypeMultinomial(String value) {
        set(typeMultinomial, value);
        return this;
    }

    public static MLReader<LassoClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static LassoClassifier load(String path) {
        return read().load(path);
    }
}
