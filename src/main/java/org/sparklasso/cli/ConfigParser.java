package org.sparklasso.cli;

import org.sparklasso.spec.AdaptiveOptions;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.JobException;
import org.sparklasso.spec.GroupOptions;
import org.sparklasso.spec.PenaltyKind;
import org.sparklasso.spec.PenaltyOptions;
import org.sparklasso.spec.RelaxOptions;
import org.sparklasso.spec.SolverChoice;
import org.sparklasso.spec.InitialModel;
import org.sparklasso.spec.SolverOptions;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.catalyst.csv.CSVExprUtils;
import org.sparklasso.input.BlockBuilder;
import org.sparklasso.input.CsvReaderOptions;
import org.sparklasso.input.DataLoader;
import org.sparklasso.input.InputFormat;

/**
 * Turns {@code [--config FILE] [--KEY VALUE | --KEY=VALUE]… [--verbose]} into a validated
 * {@link JobConfig}. Flags override the file. Every error names the key and the bad value and
 * is raised as a {@link JobException} with exit code 2.
 */
public final class ConfigParser {

    private ConfigParser() {
    }

    /** Parses the arguments that follow the {@code train} command. */
    public static JobConfig parse(String[] args) {
        Given flags = new Given();
        String configFile = null;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--verbose")) {
                verbose = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw JobException.config("unexpected argument '" + arg + "' (expected --KEY VALUE)");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw JobException.config("missing value for --" + name);
                }
                value = args[++i];
            }
            if (name.equals("config")) {
                if (configFile != null) {
                    throw JobException.config("config: given twice ('" + configFile + "' and '" + value + "')");
                }
                configFile = value;
                continue;
            }
            flags.put(name, value, "");
        }
        Given values = configFile != null ? readProperties(configFile) : new Given();
        values.overrideWith(flags);
        return build(values, verbose);
    }

    private static Given readProperties(String file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (NoSuchFileException e) {
            throw JobException.config("config file not found: " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw JobException.config("cannot read config file " + file + ": " + e.getMessage());
        }
        Given values = new Given();
        for (String name : new java.util.TreeSet<>(props.stringPropertyNames())) {
            values.put(name, props.getProperty(name).trim(), " in " + file);
        }
        return values;
    }

    /**
     * The keys a user gave (in a file or as flags), kept apart from the defaults so that a default
     * that depends on the context (labelCol, format, maxIter …) is never mistaken for a choice.
     */
    private static final class Given {
        private final Map<ConfigKey, String> keys = new EnumMap<>(ConfigKey.class);
        private final Map<ConfigKey, String> spelledAs = new EnumMap<>(ConfigKey.class);
        private final Map<String, String> csvOptions = CsvReaderOptions.newMap();

        void put(String name, String value, String where) {
            if (name.regionMatches(true, 0, CsvReaderOptions.PREFIX, 0, CsvReaderOptions.PREFIX.length())) {
                String option = name.substring(CsvReaderOptions.PREFIX.length());
                String canonical;
                try {
                    canonical = CsvReaderOptions.canonical(option).orElseThrow(() -> JobException.config(
                            "unknown key '" + name + "'" + where + suggestion(name) + " (Spark CSV options: "
                                    + String.join(", ", CsvReaderOptions.names()) + ")"));
                } catch (IllegalArgumentException e) {
                    throw JobException.config(name + ": not passed to Spark's reader" + where + ": " + e.getMessage());
                }
                csvOptions.put(canonical, value);
                return;
            }
            ConfigKey key = ConfigKey.find(name).orElseThrow(
                    () -> JobException.config("unknown key '" + name + "'" + where + suggestion(name)));
            String before = spelledAs.put(key, name);
            // the same key twice: the last wins (as scripts that append an override expect); a key
            // and its alias: refused, as it is unclear which was meant
            if (before != null && !before.equals(name)) {
                throw JobException.config(key.key() + ": given twice" + where + " (as '" + before + "' = '"
                        + keys.get(key) + "' and '" + name + "' = '" + value + "')");
            }
            keys.put(key, value);
        }

        void overrideWith(Given flags) {
            keys.putAll(flags.keys);
            csvOptions.putAll(flags.csvOptions);
        }
    }

    /** " (did you mean 'lambda'?)" for a name within a small edit distance of a key, else "". */
    static String suggestion(String name) {
        List<String> candidates = new ArrayList<>();
        for (ConfigKey k : ConfigKey.values()) {
            candidates.add(k.key());
        }
        candidates.addAll(ConfigKey.aliases().keySet());
        candidates.add("config");
        for (String option : CsvReaderOptions.names()) {
            candidates.add(CsvReaderOptions.PREFIX + option);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = editDistance(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, name.length() / 3));
        return best != null && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static JobConfig build(Given given, boolean verbose) {
        Values values = new Values(given.keys);
        String input = values.required(ConfigKey.INPUT);
        InputFormat format = values.given(ConfigKey.FORMAT)
                .map(s -> InputFormat.parse(s).orElseThrow(() -> bad(ConfigKey.FORMAT, s, "csv, libsvm or parquet")))
                .orElseGet(() -> InputFormat.inferFromPath(input).orElseThrow(() -> JobException.config(
                        "format: cannot infer the format of input '" + input
                                + "' from its extension; set format=csv|libsvm|parquet")));
        String output = values.required(ConfigKey.OUTPUT);
        Family family = values.choice(ConfigKey.FAMILY, Family.class);
        String typeMultinomial = values.get(ConfigKey.TYPE_MULTINOMIAL).toLowerCase(Locale.ROOT);
        if (!typeMultinomial.equals("ungrouped") && !typeMultinomial.equals("grouped")) {
            throw bad(ConfigKey.TYPE_MULTINOMIAL, typeMultinomial, "ungrouped or grouped");
        }
        double alpha = values.doubleIn(ConfigKey.ALPHA, 0, 1);
        List<Double> lambdas = values.lambdas();
        SolverChoice solver = values.choice(ConfigKey.SOLVER, SolverChoice.class);
        GroupOptions groups = groupOptions(values, family);
        String refused = solver.refusal(family, PenaltyKind.of(family, typeMultinomial.equals("grouped"),
                groups != null));
        if (refused != null) {
            throw bad(ConfigKey.SOLVER, solver.key(), refused);
        }
        PenaltyOptions penaltyOptions = PenaltyOptions.parse(values.given(ConfigKey.PENALTY_FACTOR).orElse(null),
                values.given(ConfigKey.LOWER_LIMITS).orElse(null), values.given(ConfigKey.UPPER_LIMITS).orElse(null));
        penaltyOptions = penaltyOptions.withAdaptive(adaptiveOptions(values)).withGroups(groups)
                .withRelax(relaxOptions(values));
        if (penaltyOptions.relax() != null && family == Family.GAUSSIAN
                && solver != SolverChoice.AUTO && solver != SolverChoice.CD) {
            throw JobException.config("relax: the relaxed lasso's gaussian refits run on the coordinate statistics: "
                    + "solver cd or auto, not " + solver.key());
        }
        if (penaltyOptions.bounded() && family == Family.MULTINOMIAL && typeMultinomial.equals("grouped")) {
            ConfigKey key = values.given(ConfigKey.LOWER_LIMITS).isPresent() ? ConfigKey.LOWER_LIMITS
                    : ConfigKey.UPPER_LIMITS;
            throw JobException.config(key.key() + ": coefficient bounds need typeMultinomial=ungrouped (the grouped "
                    + "penalty's block prox has no box)");
        }
        double tol = values.positiveDouble(ConfigKey.TOL);
        if (tol >= 1) {
            throw bad(ConfigKey.TOL, values.get(ConfigKey.TOL), "a number in (0, 1)");
        }
        boolean header = values.bool(ConfigKey.HEADER);
        checkApplicable(values, given, format, header);
        Map<String, String> csvOptions = CsvReaderOptions.newMap();
        csvOptions.putAll(given.csvOptions);
        String sep = values.given(ConfigKey.SEP).orElse(InputFormat.isTabSeparated(input) ? "\t" : ",");
        try {
            CSVExprUtils.toDelimiterStr(sep);
        } catch (RuntimeException e) {
            throw bad(ConfigKey.SEP, sep, "one character or an escape such as \\t (" + DataLoader.rootMessage(e) + ")");
        }
        csvOptions.put("sep", sep);
        List<String> featureCols = values.list(ConfigKey.FEATURE_COLS);
        String featuresCol = values.given(ConfigKey.FEATURES_COL).orElse(null);
        double minRatio = values.given(ConfigKey.LAMBDA_MIN_RATIO).isPresent()
                ? values.doubleIn(ConfigKey.LAMBDA_MIN_RATIO, Double.MIN_VALUE, 1) : Double.NaN;
        if (minRatio == 1) {
            throw bad(ConfigKey.LAMBDA_MIN_RATIO, values.get(ConfigKey.LAMBDA_MIN_RATIO), "a number in (0, 1)");
        }
        int nfolds = values.intAtLeast(ConfigKey.NFOLDS, 0);
        if (nfolds > 0 && nfolds < 3) {
            throw bad(ConfigKey.NFOLDS, values.get(ConfigKey.NFOLDS), "0 or an integer >= 3");
        }
        if (nfolds > BlockBuilder.MAX_FOLD) {
            throw bad(ConfigKey.NFOLDS, values.get(ConfigKey.NFOLDS), "at most " + BlockBuilder.MAX_FOLD);
        }
        String typeMeasure = values.given(ConfigKey.TYPE_MEASURE).orElse(
                family == Family.GAUSSIAN ? "mse" : "deviance").toLowerCase(Locale.ROOT);
        List<String> measures = switch (family) {
            case GAUSSIAN -> List.of("mse", "mae");
            case BINOMIAL -> List.of("deviance", "class", "auc", "mse", "mae");
            case MULTINOMIAL -> List.of("deviance", "class", "mse", "mae");
        };
        if (!measures.contains(typeMeasure)) {
            throw bad(ConfigKey.TYPE_MEASURE, typeMeasure, String.join(", ", measures) + " for family "
                    + family.key());
        }
        String lambdaChoice = values.get(ConfigKey.LAMBDA_CHOICE);
        if (!lambdaChoice.equals("lambda.min") && !lambdaChoice.equals("lambda.1se")) {
            throw bad(ConfigKey.LAMBDA_CHOICE, lambdaChoice, "lambda.min or lambda.1se");
        }
        String screening = values.get(ConfigKey.SCREENING).toLowerCase(Locale.ROOT);
        if (!screening.equals("strong") && !screening.equals("none")) {
            throw bad(ConfigKey.SCREENING, screening, "strong or none");
        }
        String foldCol = values.given(ConfigKey.FOLD_COL).orElse(null);
        long seed;
        try {
            seed = Long.parseLong(values.get(ConfigKey.SEED).trim());
        } catch (NumberFormatException e) {
            throw bad(ConfigKey.SEED, values.get(ConfigKey.SEED), "an integer");
        }
        return new JobConfig(
                input, format, header, csvOptions,
                values.given(ConfigKey.LABEL_COL).orElse(null),
                featureCols, featuresCol,
                values.given(ConfigKey.WEIGHT_COL).orElse(null),
                output,
                family, typeMultinomial.equals("grouped"),
                alpha, lambdas,
                values.intAtLeast(ConfigKey.NLAMBDA, 1), minRatio, nfolds, foldCol, seed, typeMeasure, lambdaChoice,
                screening.equals("strong"), values.bool(ConfigKey.PLOTS),
                values.bool(ConfigKey.STANDARDIZE),
                values.bool(ConfigKey.FIT_INTERCEPT),
                solver, tol,
                values.given(ConfigKey.MAX_ITER).isPresent() ? values.intAtLeast(ConfigKey.MAX_ITER, 1) : 0,
                solverOptions(values, solver),
                values.intAtLeast(ConfigKey.CD_MAX_FEATURES, 1),
                values.intAtLeast(ConfigKey.AGGREGATION_DEPTH, 0),
                values.bool(ConfigKey.LOCAL_PASSES),
                values.intAtLeast(ConfigKey.NUM_PARTITIONS, 0),
                values.intAtLeast(ConfigKey.BLOCK_ROWS, 0),
                penaltyOptions,
                verbose);
    }

    /** The first-order solvers' settings; each key is refused with a solver that does not use it. */
    private static SolverOptions solverOptions(Values values, SolverChoice solver) {
        SolverOptions defaults = SolverOptions.defaults();
        double stepSize = defaults.stepSize();
        if (values.given(ConfigKey.STEP_SIZE).isPresent()) {
            requireSolver(ConfigKey.STEP_SIZE, solver, SolverChoice.SUBGRADIENT, SolverChoice.SGD);
            stepSize = values.positiveDouble(ConfigKey.STEP_SIZE);
        }
        int epochs = defaults.epochs();
        if (values.given(ConfigKey.EPOCHS).isPresent()) {
            requireSolver(ConfigKey.EPOCHS, solver, SolverChoice.SGD);
            epochs = values.intAtLeast(ConfigKey.EPOCHS, 1);
        }
        double fraction = defaults.miniBatchFraction();
        if (values.given(ConfigKey.MINI_BATCH_FRACTION).isPresent()) {
            requireSolver(ConfigKey.MINI_BATCH_FRACTION, solver, SolverChoice.SGD);
            fraction = values.positiveDouble(ConfigKey.MINI_BATCH_FRACTION);
            if (fraction > 1) {
                throw bad(ConfigKey.MINI_BATCH_FRACTION, values.get(ConfigKey.MINI_BATCH_FRACTION), "a number in (0, 1]");
            }
        }
        boolean polish = defaults.sgdPolish();
        if (values.given(ConfigKey.SGD_POLISH).isPresent()) {
            requireSolver(ConfigKey.SGD_POLISH, solver, SolverChoice.SGD);
            polish = values.bool(ConfigKey.SGD_POLISH);
        }
        InitialModel initial = values.given(ConfigKey.INITIAL_MODEL).map(path -> new InitialModel(path, null))
                .orElse(null);
        return new SolverOptions(stepSize, epochs, fraction, polish, initial);
    }

    /** A solver-specific key given with another solver: refused, naming both. */
    private static void requireSolver(ConfigKey key, SolverChoice solver, SolverChoice... users) {
        if (!java.util.Arrays.asList(users).contains(solver)) {
            String who = java.util.Arrays.stream(users).map(u -> "solver=" + u.key())
                    .collect(java.util.stream.Collectors.joining(" or "));
            throw JobException.config(key.key() + ": applies to " + who + " only (solver is " + solver.key() + ")");
        }
    }

    /**
     * penalty=adaptive's options (null for the lasso); adaptiveGamma and adaptiveInit without it
     * are refused, so that a forgotten penalty=adaptive never fits the plain lasso unnoticed.
     */
    private static AdaptiveOptions adaptiveOptions(Values values) {
        String penalty = values.get(ConfigKey.PENALTY).trim().toLowerCase(Locale.ROOT);
        switch (penalty) {
            case "lasso", "group" -> {
                for (ConfigKey key : List.of(ConfigKey.ADAPTIVE_GAMMA, ConfigKey.ADAPTIVE_INIT)) {
                    if (values.given(key).isPresent()) {
                        throw JobException.config(key.key() + ": applies to penalty=adaptive only (penalty is "
                                + penalty + ")");
                    }
                }
                return null;
            }
            case "adaptive" -> {
                double gamma = values.positiveDouble(ConfigKey.ADAPTIVE_GAMMA);
                String init = values.get(ConfigKey.ADAPTIVE_INIT).trim();
                if (init.isEmpty()) {
                    throw bad(ConfigKey.ADAPTIVE_INIT, init, "ridge, ols or the path of a coefficients output");
                }
                return switch (init.toLowerCase(Locale.ROOT)) {
                    case "ridge" -> new AdaptiveOptions(gamma, AdaptiveOptions.Init.RIDGE, null, null);
                    case "ols" -> new AdaptiveOptions(gamma, AdaptiveOptions.Init.OLS, null, null);
                    default -> new AdaptiveOptions(gamma, AdaptiveOptions.Init.GIVEN, init, null);
                };
            }
            default -> throw bad(ConfigKey.PENALTY, penalty, "lasso, adaptive or group");
        }
    }

    /** relax=true's γ values (null without relax); relaxGamma without relax=true is refused. */
    private static RelaxOptions relaxOptions(Values values) {
        if (!values.bool(ConfigKey.RELAX)) {
            if (values.given(ConfigKey.RELAX_GAMMA).isPresent()) {
                throw JobException.config("relaxGamma: applies to relax=true only");
            }
            return null;
        }
        return RelaxOptions.parse(values.get(ConfigKey.RELAX_GAMMA));
    }

    /**
     * penalty=group's groups (null for the other penalties); groups and groupWeights without it are
     * refused, and so are the per-feature keys the group lasso does not take (its weights are per group).
     */
    private static GroupOptions groupOptions(Values values, Family family) {
        String penalty = values.get(ConfigKey.PENALTY).trim().toLowerCase(Locale.ROOT);
        if (!penalty.equals("group")) {
            for (ConfigKey key : List.of(ConfigKey.GROUPS, ConfigKey.GROUP_WEIGHTS)) {
                if (values.given(key).isPresent()) {
                    throw JobException.config(key.key() + ": applies to penalty=group only (penalty is " + penalty
                            + ")");
                }
            }
            return null;
        }
        if (family == Family.MULTINOMIAL) {
            throw JobException.config("penalty: group is for families gaussian and binomial (for multinomial, "
                    + "typeMultinomial=grouped groups each feature's class coefficients)");
        }
        for (ConfigKey key : List.of(ConfigKey.PENALTY_FACTOR, ConfigKey.LOWER_LIMITS, ConfigKey.UPPER_LIMITS)) {
            if (values.given(key).isPresent()) {
                throw JobException.config(key.key() + ": not with penalty=group (its weights are per group: "
                        + "groupWeights)");
            }
        }
        String text = values.given(ConfigKey.GROUPS).orElseThrow(() -> JobException.config(
                "groups: required with penalty=group (a group label per feature, or a feature,group csv file)"))
                .trim();
        if (text.isEmpty()) {
            throw bad(ConfigKey.GROUPS, text, "a group label per feature, or a feature,group csv file");
        }
        Map<String, Double> weights = GroupOptions.parseWeights(values.given(ConfigKey.GROUP_WEIGHTS).orElse(null));
        return GroupFile.looksLikeFile(text) ? GroupFile.read(text, weights) : GroupOptions.inOrder(text, weights);
    }

    /** Refuses keys that the input format cannot use, so that a misplaced key never goes unnoticed. */
    private static void checkApplicable(Values values, Given given, InputFormat format, boolean header) {
        String f = format.name().toLowerCase(Locale.ROOT);
        if (format != InputFormat.CSV) {
            for (ConfigKey key : List.of(ConfigKey.HEADER, ConfigKey.SEP)) {
                if (values.given(key).isPresent()) {
                    throw JobException.config(key.key() + ": applies to csv input only (format is " + f + ")");
                }
            }
            if (!given.csvOptions.isEmpty()) {
                throw JobException.config("csv." + given.csvOptions.keySet().iterator().next()
                        + ": applies to csv input only (format is " + f + ")");
            }
        }
        if (format == InputFormat.LIBSVM) {
            for (ConfigKey key : List.of(ConfigKey.LABEL_COL, ConfigKey.FEATURE_COLS, ConfigKey.FEATURES_COL,
                    ConfigKey.WEIGHT_COL, ConfigKey.FOLD_COL)) {
                if (values.given(key).isPresent()) {
                    throw JobException.config(key.key() + ": does not apply to libsvm input (each line is a "
                            + "label and index:value pairs; use csv or parquet for weights, folds or named columns)");
                }
            }
        }
        if (format == InputFormat.CSV && values.given(ConfigKey.FEATURES_COL).isPresent()) {
            throw JobException.config("featuresCol: only for parquet input with a vector column; use featureCols "
                    + "for csv");
        }
        if (values.given(ConfigKey.FEATURE_COLS).isPresent() && values.given(ConfigKey.FEATURES_COL).isPresent()) {
            throw JobException.config("featureCols and featuresCol cannot both be set (numeric columns or one "
                    + "vector column)");
        }
        if (format == InputFormat.CSV && !header && values.given(ConfigKey.FEATURE_COLS).isPresent()) {
            throw JobException.config("featureCols: a csv without header uses every column but label, weight and "
                    + "fold as features (x1…xp); name columns with a header line instead");
        }
    }

    static JobException bad(ConfigKey key, String value, String expected) {
        return JobException.config(key.key() + ": invalid value '" + value + "' (expected " + expected + ")");
    }

    /**
     * Typed access to the keys the user gave. {@link #given} is only what was given (an empty value
     * counts as not given); {@link #get} falls back to the key's fixed default and must not be used
     * for a key whose default depends on the context.
     */
    private record Values(Map<ConfigKey, String> raw) {
        java.util.Optional<String> given(ConfigKey key) {
            String s = raw.get(key);
            return s == null || s.trim().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(s.trim());
        }

        String get(ConfigKey key) {
            return given(key).orElseGet(() -> java.util.Optional.ofNullable(key.defaultValue()).orElseThrow(
                    () -> new IllegalStateException(key.key() + " has no fixed default")));
        }

        String required(ConfigKey key) {
            return given(key).orElseThrow(() -> JobException.config(key.key() + ": required"));
        }

        boolean bool(ConfigKey key) {
            String s = get(key).toLowerCase(Locale.ROOT);
            if (s.equals("true")) {
                return true;
            }
            if (s.equals("false")) {
                return false;
            }
            throw bad(key, get(key), "true or false");
        }

        double number(ConfigKey key, String s) {
            try {
                double d = Double.parseDouble(s.trim());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw bad(key, s, "a finite number");
        }

        double doubleIn(ConfigKey key, double lo, double hi) {
            double d = number(key, get(key));
            if (d < lo || d > hi) {
                throw bad(key, get(key), "a number in [" + fmt(lo) + ", " + fmt(hi) + "]");
            }
            return d;
        }

        double positiveDouble(ConfigKey key) {
            double d = number(key, get(key));
            if (d <= 0) {
                throw bad(key, get(key), "a number > 0");
            }
            return d;
        }

        int intAtLeast(ConfigKey key, int min) {
            String s = get(key);
            try {
                int i = Integer.parseInt(s.trim());
                if (i >= min) {
                    return i;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw bad(key, s, "an integer >= " + min);
        }

        <E extends Enum<E>> E choice(ConfigKey key, Class<E> type) {
            String s = get(key);
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s)) {
                    return e;
                }
            }
            throw bad(key, s, String.join(" | ", Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
        }

        List<String> list(ConfigKey key) {
            List<String> out = new ArrayList<>();
            given(key).ifPresent(s -> {
                for (String part : s.split(",")) {
                    if (part.trim().isEmpty()) {
                        throw bad(key, s, "a comma-separated list without empty entries");
                    }
                    out.add(part.trim());
                }
            });
            return out;
        }

        List<Double> lambdas() {
            List<Double> out = new ArrayList<>();
            if (given(ConfigKey.LAMBDA).isEmpty()) {
                return out;
            }
            String s = given(ConfigKey.LAMBDA).get();
            for (String part : s.split(",")) {
                double d = number(ConfigKey.LAMBDA, part);
                if (d <= 0) {
                    throw bad(ConfigKey.LAMBDA, part.trim(), "values > 0");
                }
                out.add(d);
            }
            return out;
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
