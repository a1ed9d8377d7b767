package org.sparklasso.job;

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
    INPUT("input", null, "input path (any Hadoop file system); required"),
    FORMAT("format", null, "csv | libsvm | parquet; inferred from the extension when omitted"),
    HEADER("header", "true", "csv: the first line holds column names"),
    LABEL_COL("labelCol", "label", "label column (csv without header: 1-based column number, default 1)"),
    FEATURE_COLS("featureCols", null, "comma list of numeric feature columns; default every column but label and weight"),
    FEATURES_COL("featuresCol", null, "parquet: a Spark ML vector column holding the features"),
    WEIGHT_COL("weightCol", null, "observation weight column (non-negative); default all weights 1"),
    OUTPUT("output", null, "output directory; replaced atomically on success; required"),
    FAMILY("family", "gaussian", "gaussian | binomial | multinomial"),
    TYPE_MULTINOMIAL("typeMultinomial", "ungrouped", "multinomial penalty: ungrouped (L1 per coefficient) | grouped (L2 norm of each feature's K coefficients)"),
    ALPHA("alpha", "1", "elastic-net mixing in [0, 1]; 1 = lasso (alias: elasticNetParam)"),
    LAMBDA("lambda", null, "one λ > 0 or a comma list (alias: regParam); default: a path of nlambda values from λ_max"),
    NLAMBDA("nlambda", "100", "length of the computed λ path"),
    LAMBDA_MIN_RATIO("lambdaMinRatio", null, "smallest λ of the path / λ_max; default 1e-4 if n > p, else 1e-2"),
    NFOLDS("nfolds", "0", "cross-validation folds (0 = none; at least 3)"),
    FOLD_COL("foldCol", null, "column with fold ids 1..K (overrides nfolds; not a feature)"),
    SEED("seed", "42", "seed of the random fold assignment"),
    TYPE_MEASURE("typeMeasure", null, "cross-validation error: mse | mae (gaussian, default mse); deviance | class | auc (binomial only) | mse | mae (default deviance)"),
    LAMBDA_CHOICE("lambdaChoice", "lambda.1se", "model written to coefficients/ after cross-validation: lambda.min | lambda.1se"),
    SCREENING("screening", "strong", "strong (sequential strong rules with KKT checks) | none"),
    PLOTS("plots", "true", "write PNG plots under plots/"),
    STANDARDIZE("standardize", "true", "penalize standardized-scale coefficients (glmnet's standardize)"),
    FIT_INTERCEPT("fitIntercept", "true", "fit an unpenalized intercept"),
    SOLVER("solver", "auto", "auto | cd | workingset | fista | newton (cd, workingset: gaussian only; newton: binomial/multinomial)"),
    TOL("tol", "1e-7", "stop when the relative duality gap (gap / primal objective) is at most this"),
    MAX_ITER("maxIter", null, "iteration limit per λ; default 100000 sweeps for cd, 10000 steps for fista"),
    CD_MAX_FEATURES("cdMaxFeatures", "2000", "auto picks cd when p is at most this (a p×p matrix on the driver; with K folds also K·p² ≤ 2^25 doubles)"),
    AGGREGATION_DEPTH("aggregationDepth", "0", "depth of Spark's treeAggregate; 0 = 1 up to 16 partitions, else 2"),
    LOCAL_PASSES("localPasses", "true", "in local mode, run each pass over the cached blocks on the driver's threads instead of as a Spark job (same results, no per-job overhead)"),
    NUM_PARTITIONS("numPartitions", "0", "repartition the input to this many partitions; 0 keeps the reader's"),
    BLOCK_ROWS("blockRows", "0", "rows per cached block; 0 chooses about 8 MB per block (2²⁰ numbers: rows × p for columns, stored entries for vector/LIBSVM input, at most 16384 rows)");

    private static final Map<String, ConfigKey> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toMap(ConfigKey::key, Function.identity()));
    private static final Map<String, ConfigKey> ALIASES = Map.of(
            "regParam", LAMBDA,
            "elasticNetParam", ALPHA);

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** Looks a name up, aliases included. */
    public static Optional<ConfigKey> find(String name) {
        ConfigKey k = BY_NAME.get(name);
        return k != null ? Optional.of(k) : Optional.ofNullable(ALIASES.get(name));
    }
}
