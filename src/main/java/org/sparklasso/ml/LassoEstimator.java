package org.sparklasso.ml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.api.ConfigKey;
import org.sparklasso.api.FitSpecParser;
import org.sparklasso.api.Lasso;
import org.sparklasso.api.ModelData;
import org.sparklasso.input.BlockSpec;
import org.sparklasso.input.Blocks;
import org.sparklasso.input.LoadedData;
import org.sparklasso.output.PreviousModels;
import org.sparklasso.path.TrainingResult;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.FitSpec;

/**
 * What the two Estimators share: the fit's params under the CLI's (glmnet's) key names and Spark's
 * aliases, their turning into a {@link FitSpec} by the CLI's own parser ({@link FitSpecParser}, so a
 * bad value gets the CLI's message), and the fit itself: the Dataset's rows packed into cached blocks
 * ({@link Blocks#cache}), {@link Lasso#fit}, the chosen model kept as {@link ModelData}. Params have
 * the CLI's defaults ({@link ConfigKey}); a param without one (lambda, lambdaMinRatio, maxIter …) takes
 * the CLI's context-dependent default when not set.
 *
 * @param <M> the model the Estimator fits
 * @param <E> the Estimator itself (so the setters chain)
 */
public abstract class LassoEstimator<M extends Model<M>, E extends LassoEstimator<M, E>> extends Estimator<M>
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> featuresCol;
    private final Param<String> labelCol;
    private final Param<String> weightCol;
    private final Param<String> predictionCol;
    private final DoubleParam alpha;
    private final DoubleParam elasticNetParam;
    private final DoubleArrayParam lambda;
    private final DoubleParam regParam;
    private final IntParam nlambda;
    private final DoubleParam lambdaMinRatio;
    private final BooleanParam standardize;
    private final BooleanParam standardization;
    private final BooleanParam fitIntercept;
    private final IntParam nfolds;
    private final Param<String> foldCol;
    private final LongParam seed;
    private final Param<String> typeMeasure;
    private final Param<String> lambdaChoice;
    private final Param<String> screening;
    private final Param<String> penalty;
    private final Param<String> penaltyFactor;
    private final Param<String> lowerLimits;
    private final Param<String> upperLimits;
    private final DoubleParam adaptiveGamma;
    private final Param<String> adaptiveInit;
    private final Param<String> groups;
    private final Param<String> groupWeights;
    private final BooleanParam relax;
    private final Param<String> relaxGamma;
    private final Param<String> solver;
    private final DoubleParam tol;
    private final IntParam maxIter;
    private final DoubleParam stepSize;
    private final IntParam epochs;
    private final DoubleParam miniBatchFraction;
    private final BooleanParam sgdPolish;
    private final Param<String> initialModel;
    private final IntParam cdMaxFeatures;
    private final IntParam aggregationDepth;
    private final IntParam numPartitions;
    private final IntParam blockRows;
    private final BooleanParam localPasses;

    protected LassoEstimator(String uid) {
        this.uid = uid;
        featuresCol = new Param<>(this, "featuresCol", "the Spark ML vector column of features (dense or sparse)");
        labelCol = new Param<>(this, "labelCol", "the label column");
        weightCol = new Param<>(this, "weightCol", "a row-weight column (finite, >= 0); unset: every weight 1");
        predictionCol = new Param<>(this, "predictionCol", "the prediction column the model adds");
        alpha = doubleKey(ConfigKey.ALPHA);
        elasticNetParam = new DoubleParam(this, "elasticNetParam", "Spark's name for alpha");
        lambda = new DoubleArrayParam(this, "lambda", ConfigKey.LAMBDA.description());
        regParam = new DoubleParam(this, "regParam", "Spark's name for one lambda");
        nlambda = intKey(ConfigKey.NLAMBDA);
        lambdaMinRatio = doubleKey(ConfigKey.LAMBDA_MIN_RATIO);
        standardize = boolKey(ConfigKey.STANDARDIZE);
        standardization = new BooleanParam(this, "standardization", "Spark's name for standardize");
        fitIntercept = boolKey(ConfigKey.FIT_INTERCEPT);
        nfolds = intKey(ConfigKey.NFOLDS);
        foldCol = stringKey(ConfigKey.FOLD_COL);
        seed = new LongParam(this, ConfigKey.SEED.key(), ConfigKey.SEED.description());
        setDefault(seed, (Object) Long.parseLong(ConfigKey.SEED.defaultValue()));
        typeMeasure = stringKey(ConfigKey.TYPE_MEASURE);
        lambdaChoice = stringKey(ConfigKey.LAMBDA_CHOICE);
        screening = stringKey(ConfigKey.SCREENING);
        penalty = stringKey(ConfigKey.PENALTY);
        penaltyFactor = stringKey(ConfigKey.PENALTY_FACTOR);
        lowerLimits = stringKey(ConfigKey.LOWER_LIMITS);
        upperLimits = stringKey(ConfigKey.UPPER_LIMITS);
        adaptiveGamma = doubleKey(ConfigKey.ADAPTIVE_GAMMA);
        adaptiveInit = stringKey(ConfigKey.ADAPTIVE_INIT);
        groups = stringKey(ConfigKey.GROUPS);
        groupWeights = stringKey(ConfigKey.GROUP_WEIGHTS);
        relax = boolKey(ConfigKey.RELAX);
        relaxGamma = stringKey(ConfigKey.RELAX_GAMMA);
        solver = stringKey(ConfigKey.SOLVER);
        tol = doubleKey(ConfigKey.TOL);
        maxIter = intKey(ConfigKey.MAX_ITER);
        stepSize = doubleKey(ConfigKey.STEP_SIZE);
        epochs = intKey(ConfigKey.EPOCHS);
        miniBatchFraction = doubleKey(ConfigKey.MINI_BATCH_FRACTION);
        sgdPolish = boolKey(ConfigKey.SGD_POLISH);
        initialModel = stringKey(ConfigKey.INITIAL_MODEL);
        cdMaxFeatures = intKey(ConfigKey.CD_MAX_FEATURES);
        aggregationDepth = intKey(ConfigKey.AGGREGATION_DEPTH);
        numPartitions = intKey(ConfigKey.NUM_PARTITIONS);
        blockRows = intKey(ConfigKey.BLOCK_ROWS);
        localPasses = boolKey(ConfigKey.LOCAL_PASSES);
        setDefault(featuresCol, "features");
        setDefault(labelCol, "label");
        setDefault(predictionCol, "prediction");
    }

    private DoubleParam doubleKey(ConfigKey key) {
        DoubleParam p = new DoubleParam(this, key.key(), key.description());
        if (key.defaultValue() != null) {
            setDefault(p, (Object) Double.parseDouble(key.defaultValue()));
        }
        return p;
    }

    private IntParam intKey(ConfigKey key) {
        IntParam p = new IntParam(this, key.key(), key.description());
        if (key.defaultValue() != null) {
            setDefault(p, (Object) Integer.parseInt(key.defaultValue()));
        }
        return p;
    }

    private BooleanParam boolKey(ConfigKey key) {
        BooleanParam p = new BooleanParam(this, key.key(), key.description());
        if (key.defaultValue() != null) {
            setDefault(p, (Object) Boolean.parseBoolean(key.defaultValue()));
        }
        return p;
    }

    private Param<String> stringKey(ConfigKey key) {
        Param<String> p = new Param<>(this, key.key(), key.description());
        if (key.defaultValue() != null) {
            setDefault(p, key.defaultValue());
        }
        return p;
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The family to fit once the data's classes are known ({@code classes}: K, or 0 for regression). */
    protected abstract Family family(int classes);

    /** The family the rows are packed for (a classification family reads the label as classes). */
    protected abstract Family packingFamily();

    /** The model of {@code data}, with this Estimator's column params. */
    protected abstract M newModel(String uid, ModelData data);

    /** The fitted model as the subclass keeps it for a Dataset of {@code schema} (default: as fitted). */
    protected ModelData kept(ModelData fitted, StructType schema) {
        return fitted;
    }

    /** Extra keys of the subclass (the classifier's typeMultinomial). */
    protected Map<String, String> familyKeys() {
        return Map.of();
    }

    /**
     * Fits the path (and cross-validation) the params describe to {@code dataset}'s rows and keeps the
     * chosen model; the rows are cached as blocks for the fit and released after it.
     */
    @Override
    public M fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        Family packing = packingFamily();
        if (packing != Family.MULTINOMIAL) {
            spec(packing);   // a bad param fails before the data is read
        }
        BlockSpec blocks = new BlockSpec(getLabelCol(), List.of(), getFeaturesCol(), getOrNull(weightCol),
                getOrNull(foldCol), (Integer) getOrDefault(nfolds), (Long) getOrDefault(seed), packing,
                (Integer) getOrDefault(numPartitions), (Integer) getOrDefault(blockRows),
                (Boolean) getOrDefault(localPasses));
        LoadedData data = Blocks.cache(dataset.toDF(), blocks, "the Dataset");
        try {
            Family family = family(data.classes() == null ? 0 : data.classes().numClasses());
            FitSpec spec = PreviousModels.resolve(dataset.sparkSession(), spec(family));
            TrainingResult result = Lasso.fit(data, spec);
            M model = newModel(uid, kept(ModelData.of(result, data, family), dataset.schema()));
            copyValues(model, extractParamMap());
            model.setParent(this);
            return model;
        } finally {
            data.release(false);
        }
    }

    /** The fit the params describe, for {@code family}, through the CLI's parser. */
    FitSpec spec(Family family) {
        return FitSpecParser.parse(FitSpecParser.keyValues(keys(family)));
    }

    /** The params that were set, by key name (aliases resolved by the parser), and the family. */
    Map<String, String> keys(Family family) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Param<?> p : List.of(alpha, elasticNetParam, nlambda, lambdaMinRatio, standardize, standardization,
                fitIntercept, nfolds, foldCol, seed, typeMeasure, lambdaChoice, screening, penalty, penaltyFactor,
                lowerLimits, upperLimits, adaptiveGamma, adaptiveInit, groups, groupWeights, relax, relaxGamma,
                solver, tol, maxIter, stepSize, epochs, miniBatchFraction, sgdPolish, initialModel, cdMaxFeatures,
                aggregationDepth)) {
            if (isSet(p)) {
                put(keys, p.name(), String.valueOf(getOrDefault(p)));
            }
        }
        if (isSet(lambda)) {
            put(keys, lambda.name(), DoubleStream.of((double[]) getOrDefault(lambda)).mapToObj(Double::toString)
                    .collect(Collectors.joining(",")));
        }
        if (isSet(regParam)) {
            put(keys, regParam.name(), String.valueOf(getOrDefault(regParam)));
        }
        keys.putAll(familyKeys());
        keys.put(ConfigKey.FAMILY.key(), family.key());
        return keys;
    }

    /** A key and its alias both set to different values: refused, as the CLI does. */
    private static void put(Map<String, String> keys, String name, String value) {
        ConfigKey key = ConfigKey.find(name).orElseThrow();
        for (Map.Entry<String, String> e : keys.entrySet()) {
            if (ConfigKey.find(e.getKey()).orElseThrow() == key && !e.getValue().equals(value)) {
                throw new IllegalArgumentException(key.key() + ": set twice (as '" + e.getKey() + "' = " + e.getValue()
                        + " and '" + name + "' = " + value + ")");
            }
        }
        keys.put(name, value);
    }

    private String getOrNull(Param<String> p) {
        return isDefined(p) ? (String) getOrDefault(p) : null;
    }

    /**
     * Checks the features and label columns and adds the columns the fitted model's {@code transform}
     * will add, so a Pipeline's later stages are validated against them before anything is fitted.
     */
    @Override
    public StructType transformSchema(StructType schema) {
        ModelColumns.requireVector(schema, getFeaturesCol());
        if (!ModelColumns.has(schema, getLabelCol())) {
            throw new IllegalArgumentException("labelCol: column '" + getLabelCol() + "' not found (columns: "
                    + String.join(", ", schema.fieldNames()) + ")");
        }
        return ModelColumns.append(schema, outputColumns(schema));
    }

    /** The columns the fitted model's {@code transform} adds to {@code schema}. */
    protected abstract List<StructField> outputColumns(StructType schema);

    // ---- params, getters and setters (glmnet's names first, Spark's aliases beside them) ----

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> weightCol() {
        return weightCol;
    }

    public Param<String> predictionCol() {
        return predictionCol;
    }

    public DoubleParam alpha() {
        return alpha;
    }

    public DoubleParam elasticNetParam() {
        return elasticNetParam;
    }

    public DoubleArrayParam lambda() {
        return lambda;
    }

    public DoubleParam regParam() {
        return regParam;
    }

    public IntParam nlambda() {
        return nlambda;
    }

    public DoubleParam lambdaMinRatio() {
        return lambdaMinRatio;
    }

    public BooleanParam standardize() {
        return standardize;
    }

    public BooleanParam standardization() {
        return standardization;
    }

    public BooleanParam fitIntercept() {
        return fitIntercept;
    }

    public IntParam nfolds() {
        return nfolds;
    }

    public Param<String> foldCol() {
        return foldCol;
    }

    public LongParam seed() {
        return seed;
    }

    public Param<String> typeMeasure() {
        return typeMeasure;
    }

    public Param<String> lambdaChoice() {
        return lambdaChoice;
    }

    public Param<String> screening() {
        return screening;
    }

    public Param<String> penalty() {
        return penalty;
    }

    public Param<String> penaltyFactor() {
        return penaltyFactor;
    }

    public Param<String> lowerLimits() {
        return lowerLimits;
    }

    public Param<String> upperLimits() {
        return upperLimits;
    }

    public DoubleParam adaptiveGamma() {
        return adaptiveGamma;
    }

    public Param<String> adaptiveInit() {
        return adaptiveInit;
    }

    public Param<String> groups() {
        return groups;
    }

    public Param<String> groupWeights() {
        return groupWeights;
    }

    public BooleanParam relax() {
        return relax;
    }

    public Param<String> relaxGamma() {
        return relaxGamma;
    }

    public Param<String> solver() {
        return solver;
    }

    public DoubleParam tol() {
        return tol;
    }

    public IntParam maxIter() {
        return maxIter;
    }

    public DoubleParam stepSize() {
        return stepSize;
    }

    public IntParam epochs() {
        return epochs;
    }

    public DoubleParam miniBatchFraction() {
        return miniBatchFraction;
    }

    public BooleanParam sgdPolish() {
        return sgdPolish;
    }

    public Param<String> initialModel() {
        return initialModel;
    }

    public IntParam cdMaxFeatures() {
        return cdMaxFeatures;
    }

    public IntParam aggregationDepth() {
        return aggregationDepth;
    }

    public IntParam numPartitions() {
        return numPartitions;
    }

    public IntParam blockRows() {
        return blockRows;
    }

    public BooleanParam localPasses() {
        return localPasses;
    }

    public String getFeaturesCol() {
        return (String) getOrDefault(featuresCol);
    }

    public String getLabelCol() {
        return (String) getOrDefault(labelCol);
    }

    public String getPredictionCol() {
        return (String) getOrDefault(predictionCol);
    }

    public double getAlpha() {
        return (Double) getOrDefault(isSet(elasticNetParam) ? elasticNetParam : alpha);
    }

    public double getTol() {
        return (Double) getOrDefault(tol);
    }

    public int getNfolds() {
        return (Integer) getOrDefault(nfolds);
    }

    public String getSolver() {
        return (String) getOrDefault(solver);
    }

    public E setFeaturesCol(String value) {
        set(featuresCol, value);
        return self();
    }

    public E setLabelCol(String value) {
        set(labelCol, value);
        return self();
    }

    public E setWeightCol(String value) {
        set(weightCol, value);
        return self();
    }

    public E setPredictionCol(String value) {
        set(predictionCol, value);
        return self();
    }

    public E setAlpha(double value) {
        set(alpha, (Object) value);
        return self();
    }

    public E setElasticNetParam(double value) {
        set(elasticNetParam, (Object) value);
        return self();
    }

    public E setLambda(double[] value) {
        set(lambda, value);
        return self();
    }

    public E setRegParam(double value) {
        set(regParam, (Object) value);
        return self();
    }

    public E setNlambda(int value) {
        set(nlambda, (Object) value);
        return self();
    }

    public E setLambdaMinRatio(double value) {
        set(lambdaMinRatio, (Object) value);
        return self();
    }

    public E setStandardize(boolean value) {
        set(standardize, (Object) value);
        return self();
    }

    public E setStandardization(boolean value) {
        set(standardization, (Object) value);
        return self();
    }

    public E setFitIntercept(boolean value) {
        set(fitIntercept, (Object) value);
        return self();
    }

    public E setNfolds(int value) {
        set(nfolds, (Object) value);
        return self();
    }

    public E setFoldCol(String value) {
        set(foldCol, value);
        return self();
    }

    public E setSeed(long value) {
        set(seed, (Object) value);
        return self();
    }

    public E setTypeMeasure(String value) {
        set(typeMeasure, value);
        return self();
    }

    public E setLambdaChoice(String value) {
        set(lambdaChoice, value);
        return self();
    }

    public E setScreening(String value) {
        set(screening, value);
        return self();
    }

    public E setPenalty(String value) {
        set(penalty, value);
        return self();
    }

    public E setPenaltyFactor(String value) {
        set(penaltyFactor, value);
        return self();
    }

    public E setLowerLimits(String value) {
        set(lowerLimits, value);
        return self();
    }

    public E setUpperLimits(String value) {
        set(upperLimits, value);
        return self();
    }

    public E setAdaptiveGamma(double value) {
        set(adaptiveGamma, (Object) value);
        return self();
    }

    public E setAdaptiveInit(String value) {
        set(adaptiveInit, value);
        return self();
    }

    public E setGroups(String value) {
        set(groups, value);
        return self();
    }

    public E setGroupWeights(String value) {
        set(groupWeights, value);
        return self();
    }

    public E setRelax(boolean value) {
        set(relax, (Object) value);
        return self();
    }

    public E setRelaxGamma(String value) {
        set(relaxGamma, value);
        return self();
    }

    public E setSolver(String value) {
        set(solver, value);
        return self();
    }

    public E setTol(double value) {
        set(tol, (Object) value);
        return self();
    }

    public E setMaxIter(int value) {
        set(maxIter, (Object) value);
        return self();
    }

    public E setStepSize(double value) {
        set(stepSize, (Object) value);
        return self();
    }

    public E setEpochs(int value) {
        set(epochs, (Object) value);
        return self();
    }

    public E setMiniBatchFraction(double value) {
        set(miniBatchFraction, (Object) value);
        return self();
    }

    public E setSgdPolish(boolean value) {
        set(sgdPolish, (Object) value);
        return self();
    }

    public E setInitialModel(String value) {
        set(initialModel, value);
        return self();
    }

    public E setCdMaxFeatures(int value) {
        set(cdMaxFeatures, (Object) value);
        return self();
    }

    public E setAggregationDepth(int value) {
        set(aggregationDepth, (Object) value);
        return self();
    }

    public E setNumPartitions(int value) {
        set(numPartitions, (Object) value);
        return self();
    }

    public E setBlockRows(int value) {
        set(blockRows, (Object) value);
        return self();
    }

    public E setLocalPasses(boolean value) {
        set(localPasses, (Object) value);
        return self();
    }

    @SuppressWarnings("unchecked")
    private E self() {
        return (E) this;
    }
}
