package org.sparklasso.cli;

import static org.sparklasso.api.KeyValues.bad;

import org.sparklasso.api.ConfigKey;
import org.sparklasso.api.FitSpecParser;
import org.sparklasso.api.KeyValues;
import org.sparklasso.spec.FitSpec;
import org.sparklasso.spec.JobException;

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
        String[] configFile = {null};
        FlagArgs.forEach(args, (name, value) -> {
            if (name.equals("config")) {
                if (configFile[0] != null) {
                    throw JobException.config("config: given twice ('" + configFile[0] + "' and '" + value + "')");
                }
                configFile[0] = value;
            } else {
                flags.put(name, value, "");
            }
        });
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        Given values = configFile[0] != null ? readProperties(configFile[0]) : new Given();
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
        KeyValues values = new KeyValues(given.keys);
        String input = values.required(ConfigKey.INPUT);
        InputFormat format = values.given(ConfigKey.FORMAT)
                .map(s -> InputFormat.parse(s).orElseThrow(() -> bad(ConfigKey.FORMAT, s, "csv, libsvm or parquet")))
                .orElseGet(() -> InputFormat.inferFromPath(input).orElseThrow(() -> JobException.config(
                        "format: cannot infer the format of input '" + input
                                + "' from its extension; set format=csv|libsvm|parquet")));
        String output = values.required(ConfigKey.OUTPUT);
        FitSpec fit = FitSpecParser.parse(values);
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
        return new JobConfig(
                input, format, header, csvOptions,
                values.given(ConfigKey.LABEL_COL).orElse(null),
                values.list(ConfigKey.FEATURE_COLS),
                values.given(ConfigKey.FEATURES_COL).orElse(null),
                values.given(ConfigKey.WEIGHT_COL).orElse(null),
                output, fit,
                values.bool(ConfigKey.PLOTS),
                values.bool(ConfigKey.LOCAL_PASSES),
                values.intAtLeast(ConfigKey.NUM_PARTITIONS, 0),
                values.intAtLeast(ConfigKey.BLOCK_ROWS, 0),
                values.raw(),
                verbose);
    }

    /** Refuses keys that the input format cannot use, so that a misplaced key never goes unnoticed. */
    private static void checkApplicable(KeyValues values, Given given, InputFormat format, boolean header) {
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

}
