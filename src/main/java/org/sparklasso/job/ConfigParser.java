package org.sparklasso.job;

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
import org.sparklasso.data.InputFormat;

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
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
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
                configFile = value;
                continue;
            }
            final String keyName = name;
            ConfigKey key = ConfigKey.find(name).orElseThrow(
                    () -> JobException.config("unknown key '" + keyName + "'" + suggestion(keyName)));
            flags.put(key, value);
        }
        if (configFile != null) {
            values.putAll(readProperties(configFile));
        }
        values.putAll(flags);
        return build(values, verbose);
    }

    private static Map<ConfigKey, String> readProperties(String file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (NoSuchFileException e) {
            throw JobException.config("config file not found: " + file);
        } catch (IOException | IllegalArgumentException e) {
            throw JobException.config("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        for (String name : props.stringPropertyNames()) {
            ConfigKey key = ConfigKey.find(name).orElseThrow(() -> JobException.config(
                    "unknown key '" + name + "' in " + file + suggestion(name)));
            values.put(key, props.getProperty(name).trim());
        }
        return values;
    }

    private static String suggestion(String name) {
        for (ConfigKey k : ConfigKey.values()) {
            if (k.key().equalsIgnoreCase(name)) {
                return " (did you mean '" + k.key() + "'?)";
            }
        }
        return "";
    }

    private static JobConfig build(Map<ConfigKey, String> v, boolean verbose) {
        Values values = new Values(v);
        String input = values.required(ConfigKey.INPUT);
        InputFormat format = values.optional(ConfigKey.FORMAT)
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
        if (family == Family.GAUSSIAN && solver == SolverChoice.NEWTON) {
            throw bad(ConfigKey.SOLVER, "newton", "auto, cd, workingset or fista for family gaussian (its Newton step is cd)");
        }
        if (family != Family.GAUSSIAN && (solver == SolverChoice.CD || solver == SolverChoice.WORKINGSET)) {
            throw bad(ConfigKey.SOLVER, solver.key(), "auto, newton or fista for family " + family.key()
                    + " (newton runs coordinate descent on working sets of each quadratic approximation)");
        }
        double tol = values.positiveDouble(ConfigKey.TOL);
        if (tol >= 1) {
            throw bad(ConfigKey.TOL, v.get(ConfigKey.TOL), "a number in (0, 1)");
        }
        List<String> featureCols = values.list(ConfigKey.FEATURE_COLS);
        String featuresCol = values.optional(ConfigKey.FEATURES_COL).orElse(null);
        if (!featureCols.isEmpty() && featuresCol != null) {
            throw JobException.config("featureCols and featuresCol cannot both be set");
        }
        if (alpha == 0 && lambdas.isEmpty()) {
            throw JobException.config("lambda: required when alpha = 0 (there is no λ_max for ridge)");
        }
        double minRatio = values.optional(ConfigKey.LAMBDA_MIN_RATIO).isPresent()
                ? values.doubleIn(ConfigKey.LAMBDA_MIN_RATIO, Double.MIN_VALUE, 1) : Double.NaN;
        if (minRatio == 1) {
            throw bad(ConfigKey.LAMBDA_MIN_RATIO, v.get(ConfigKey.LAMBDA_MIN_RATIO), "a number in (0, 1)");
        }
        int nfolds = values.intAtLeast(ConfigKey.NFOLDS, 0);
        if (nfolds > 0 && nfolds < 3) {
            throw bad(ConfigKey.NFOLDS, v.get(ConfigKey.NFOLDS), "0 or an integer >= 3");
        }
        String typeMeasure = values.optional(ConfigKey.TYPE_MEASURE).orElse(
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
        String foldCol = values.optional(ConfigKey.FOLD_COL).orElse(null);
        long seed;
        try {
            seed = Long.parseLong(values.get(ConfigKey.SEED).trim());
        } catch (NumberFormatException e) {
            throw bad(ConfigKey.SEED, values.get(ConfigKey.SEED), "an integer");
        }
        return new JobConfig(
                input, format,
                values.bool(ConfigKey.HEADER),
                values.optional(ConfigKey.LABEL_COL).orElse(null),
                featureCols, featuresCol,
                values.optional(ConfigKey.WEIGHT_COL).orElse(null),
                output,
                family, typeMultinomial.equals("grouped"),
                alpha, lambdas,
                values.intAtLeast(ConfigKey.NLAMBDA, 1), minRatio, nfolds, foldCol, seed, typeMeasure, lambdaChoice,
                screening.equals("strong"), values.bool(ConfigKey.PLOTS),
                values.bool(ConfigKey.STANDARDIZE),
                values.bool(ConfigKey.FIT_INTERCEPT),
                solver, tol,
                values.optional(ConfigKey.MAX_ITER).isPresent() ? values.intAtLeast(ConfigKey.MAX_ITER, 1) : 0,
                values.intAtLeast(ConfigKey.CD_MAX_FEATURES, 1),
                values.intAtLeast(ConfigKey.AGGREGATION_DEPTH, 0),
                values.bool(ConfigKey.LOCAL_PASSES),
                values.intAtLeast(ConfigKey.NUM_PARTITIONS, 0),
                values.intAtLeast(ConfigKey.BLOCK_ROWS, 0),
                verbose);
    }

    static JobException bad(ConfigKey key, String value, String expected) {
        return JobException.config(key.key() + ": invalid value '" + value + "' (expected " + expected + ")");
    }

    /** Typed access to the raw strings, defaults applied. */
    private record Values(Map<ConfigKey, String> raw) {
        String get(ConfigKey key) {
            String s = raw.get(key);
            return s != null ? s.trim() : key.defaultValue();
        }

        java.util.Optional<String> optional(ConfigKey key) {
            String s = get(key);
            return s == null || s.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(s);
        }

        String required(ConfigKey key) {
            return optional(key).orElseThrow(() -> JobException.config(key.key() + ": required"));
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
            optional(key).ifPresent(s -> {
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
            if (optional(ConfigKey.LAMBDA).isEmpty()) {
                return out;
            }
            String s = optional(ConfigKey.LAMBDA).get();
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
