package org.sparklasso.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every configuration key a {@code train} run accepts, with its default and meaning. The same
 * names work in a properties file and as {@code --KEY VALUE} flags (flags win).
 */
public enum ConfigKey {
    INPUT("input", null, "required", "input path, directory or glob (any Hadoop file system)"),
    FORMAT("format", null, "from the extension", "csv | libsvm | parquet (.csv/.tsv, .libsvm/.svm/.svmlight, .parquet/.pq; compression suffixes ignored)"),
    HEADER("header", "true", "csv: the first line holds column names"),
    SEP("sep", null, ", (tab for .tsv)", "csv: the field separator (Spark's sep; \\t for tab); any other Spark CSV option as csv.NAME=VALUE"),
    LABEL_COL("labelCol", null, "label (csv without header: 1)", "label column (csv without header: a 1-based column number); not for libsvm"),
    FEATURE_COLS("featureCols", null, "every other column", "comma list of numeric feature columns (csv with header, parquet)"),
    FEATURES_COL("featuresCol", null, "features, when the parquet has a vector column so named (Spark ML's default)", "parquet: a Spark ML vector column holding the features"),
    WEIGHT_COL("weightCol", null, "none (every weight 1)", "observation weight column (finite, >= 0, not all 0; csv without header: a 1-based column number); not for libsvm"),
    OUTPUT("output", null, "required", "output directory; replaced atomically on success"),
    FAMILY("family", "gaussian", "gaussian | binomial | multinomial"),
    TYPE_MULTINOMIAL("typeMultinomial", "ungrouped", "multinomial penalty: ungrouped (L1 per coefficient) | grouped (L2 norm of each feature's K coefficients)"),
    ALPHA("alpha", "1", "elastic-net mixing in [0, 1]; 1 = lasso (alias: elasticNetParam)"),
    PENALTY("penalty", "lasso", "lasso (the elastic net with alpha) | adaptive (Zou's adaptive lasso: penalty factors 1/|b|^adaptiveGamma from an initial fit) | group (Yuan and Lin's group lasso over the groups of the groups key; gaussian and binomial)"),
    ADAPTIVE_GAMMA("adaptiveGamma", "1", "penalty=adaptive: the exponent γ > 0 of the weights 1/|b|^γ"),
    ADAPTIVE_INIT("adaptiveInit", "ridge", "penalty=adaptive: the initial fit b: ridge (glmnet's default ridge path, at lambda.min of its cross-validation when the fit cross-validates, else at its smallest λ) | ols (unpenalized; more rows than features) | the path of a previous coefficients output (one λ); b = 0 leaves a feature out"),
    GROUPS("groups", null, "required with penalty=group", "penalty=group: a group label per feature, comma list in feature order, or the path of a local two-column csv file feature,group (optional header line; features not in it are their own group)"),
    GROUP_WEIGHTS("groupWeights", null, "sqrt of the group's size", "penalty=group: group weights w_g > 0 as label:value pairs (unlisted groups: sqrt(|g|))"),
    RELAX("relax", "false", "true: the relaxed lasso (glmnet's relax=TRUE): each λ's active set refitted without penalty, models reported as the blends gamma*lasso + (1-gamma)*refit for each relaxGamma; cross-validation chooses (λ, gamma)"),
    RELAX_GAMMA("relaxGamma", "0,0.25,0.5,0.75,1", "relax=true: the gamma values in [0, 1] (1 = the lasso, 0 = the unpenalized refit)"),
    PENALTY_FACTOR("penaltyFactor", null, "1 for every feature", "per-feature penalty multipliers >= 0 (glmnet's penalty.factor): a comma list in feature order or name:value pairs (unlisted: 1); 0 = unpenalized (in every model), Infinity = left out; rescaled to sum to p"),
    LOWER_LIMITS("lowerLimits", null, "-Infinity", "lower bounds of the coefficients on the original scale (glmnet's lower.limits), each <= 0: one number, a comma list in feature order or name:value pairs; 0 = non-negative; every family (multinomial: ungrouped)"),
    UPPER_LIMITS("upperLimits", null, "Infinity", "upper bounds of the coefficients on the original scale (glmnet's upper.limits), each >= 0: one number, a comma list or name:value pairs; every family (multinomial: ungrouped)"),
    LAMBDA("lambda", null, "one λ > 0 or a comma list (alias: regParam); default: a path of nlambda values from λ_max"),
    NLAMBDA("nlambda", "100", "length of the computed λ path"),
    LAMBDA_MIN_RATIO("lambdaMinRatio", null, "1e-4 if n > p, else 1e-2", "smallest λ of the path / λ_max"),
    NFOLDS("nfolds", "0", "cross-validation folds (0 = none; at least 3)"),
    FOLD_COL("foldCol", null, "column of fold ids: 1..K (glmnet's foldid) or 0..K-1 (Spark's CrossValidator foldCol), told apart by the smallest id; overrides nfolds; not a feature"),
    SEED("seed", "42", "seed of the random fold assignment and of sgd's mini-batch sampler"),
    TYPE_MEASURE("typeMeasure", null, "mse (gaussian), deviance (others)", "cross-validation error: gaussian mse | mae; binomial deviance | class | auc | mse | mae; multinomial deviance | class | mse | mae"),
    LAMBDA_CHOICE("lambdaChoice", "lambda.1se", "model written to coefficients/ after cross-validation: lambda.min | lambda.1se"),
    SCREENING("screening", "strong", "strong (sequential strong rules with KKT checks) | none"),
    PLOTS("plots", "true", "write PNG plots under plots/"),
    STANDARDIZE("standardize", "true", "penalize standardized-scale coefficients (glmnet's standardize)"),
    FIT_INTERCEPT("fitIntercept", "true", "fit an unpenalized intercept"),
    SOLVER("solver", "auto", "auto | cd | workingset | fista | newton | gd | sgd | subgradient (cd, workingset: gaussian only; newton: binomial/multinomial; gd, sgd, subgradient: every family, never chosen by auto)"),
    TOL("tol", "1e-7", "gaussian: stop when the relative duality gap (gap / primal objective) is at most this; binomial/multinomial: the largest KKT violation relative to the null model's largest gradient entry"),
    MAX_ITER("maxIter", null, "100000 (cd), 1000 (workingset), 10000 (fista), 100 (newton), 100000 (gd), 1000 (subgradient)", "iteration limit per λ: sweeps (cd), outer rounds (workingset), proximal steps (fista, gd), Newton steps (newton), subgradient steps (subgradient); sgd: epochs instead (maxIter limits its polish)"),
    STEP_SIZE("stepSize", null, "subgradient: 1/L, L the largest curvature at the start; sgd: 1/(L + T/m) measured by each partition", "solver=subgradient: α₀ of its steps α₀/√t; solver=sgd: α₀ of its steps α₀/√epoch"),
    EPOCHS("epochs", "10", "solver=sgd: epochs per λ (each one pass: local proximal SGD on every partition, models averaged)"),
    MINI_BATCH_FRACTION("miniBatchFraction", "0.01", "solver=sgd: a mini-batch's share of a block's training rows, in (0, 1]"),
    SGD_POLISH("sgdPolish", "false", "solver=sgd: true finishes each λ with cd (gaussian) or newton (binomial, multinomial) from sgd's answer, so it is certified to tol"),
    INITIAL_MODEL("initialModel", null, "none: every path starts from zero", "a previous train output (its path/, else its coefficients/): each λ starts from its model at the nearest λ, so a retrain on slightly changed data costs a few passes; every solver; features and classes matched by name"),
    CD_MAX_FEATURES("cdMaxFeatures", "2000", "auto picks cd when p is at most this (a p×p matrix on the driver; with K folds also K·p² ≤ 2^25 doubles)"),
    AGGREGATION_DEPTH("aggregationDepth", "0", "depth of Spark's treeAggregate; 0 = 1 up to 16 partitions, else 2"),
    LOCAL_PASSES("localPasses", "true", "in local mode, run each pass over the cached blocks on the driver's threads instead of as a Spark job (same results, no per-job overhead)"),
    NUM_PARTITIONS("numPartitions", "0", "repartition the input to this many partitions; 0 keeps the reader's"),
    BLOCK_ROWS("blockRows", "0", "rows per cached block; 0 chooses about 8 MB per block (2²⁰ numbers: rows × p for columns, stored entries for vector/LIBSVM input, at most 16384 rows)");

    private static final Map<String, ConfigKey> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(ConfigKey::key, Function.identity()));
    /** In this order wherever they are listed (Map.of's iteration order changes from one JVM to the next). */
    private static final Map<String, ConfigKey> ALIASES = orderedAliases();

    private static Map<String, ConfigKey> orderedAliases() {
        Map<String, ConfigKey> m = new java.util.LinkedHashMap<>();
        m.put("regParam", LAMBDA);
        m.put("elasticNetParam", ALPHA);
        m.put("standardization", STANDARDIZE);
        m.put("delimiter", SEP);
        return java.util.Collections.unmodifiableMap(m);
    }

    private final String key;
    private final String defaultValue;
    private final String defaultText;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this(key, defaultValue, defaultValue == null ? "none" : defaultValue, description);
    }

    /**
     * @param defaultValue the fixed default, or null when there is none or it depends on the context
     *                     (format, family, solver, data size): the parser then resolves it
     * @param defaultText  what {@code train --help} and README say the default is
     */
    ConfigKey(String key, String defaultValue, String defaultText, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.description = description;
    }

    public String key() {
        return key;
    }

    /** The fixed default, or null when the key has none or its default depends on the context. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The default as documented ("none", a value, or the rule that picks it). */
    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** The accepted aliases (Spark ML's and Spark CSV's names) and the key each stands for. */
    public static Map<String, ConfigKey> aliases() {
        return ALIASES;
    }

    /** Looks a name up, aliases included. */
    public static Optional<ConfigKey> find(String name) {
        ConfigKey k = BY_NAME.get(name);
        return k != null ? Optional.of(k) : Optional.ofNullable(ALIASES.get(name));
    }
}
