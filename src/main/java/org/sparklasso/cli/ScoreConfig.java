package org.sparklasso.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparklasso.input.CsvReaderOptions;
import org.sparklasso.input.InputFormat;
import org.sparklasso.spec.JobException;

/**
 * The validated arguments of {@code score}: {@code --model M --input PATH --output PATH
 * [--keepCols a,b] [--format F] [--header B] [--sep S] [--labelCol N] [--csv.NAME V]}. Unknown or
 * repeated keys and missing required ones are configuration errors (exit 2) naming the key.
 *
 * @param model      a train output directory or a saved model
 * @param labelCol   csv without header: the 1-based label column to leave out of x1..xp, or null
 * @param keepCols   input columns copied to the output beside the predictions
 */
public record ScoreConfig(String model, String input, InputFormat format, boolean header,
                          Map<String, String> csvOptions, String labelCol, List<String> keepCols, String output) {
    /** The keys score takes (besides csv.NAME), with what each means, in the order {@code --help} lists them. */
    static final Map<String, String> KEY_HELP = keyHelp();
    static final List<String> KEYS = List.copyOf(KEY_HELP.keySet());

    private static Map<String, String> keyHelp() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("model", "required: a train output directory (its model/) or a saved Spark ML model");
        m.put("input", "required: the rows to score (file or directory; any Hadoop file system)");
        m.put("output", "required: the Parquet directory to write (replaced atomically, _SUCCESS last)");
        m.put("keepCols", "input columns copied beside the predictions, comma-separated (default: none)");
        m.put("format", "csv, libsvm or parquet (default: from input's extension)");
        m.put("header", "csv: first line names the columns; features are matched by name (default: true)");
        m.put("sep", "csv: the field separator (default: tab for .tsv, else comma)");
        m.put("labelCol", "csv without header: the 1-based label column to skip, so x1..xp stay aligned");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** {@code score --help}: the usage line and every key with its meaning. */
    static String help() {
        StringBuilder sb = new StringBuilder("usage: submit.sh [spark-submit options] score --model TRAIN_OUTPUT|SAVED_MODEL "
                + "--input PATH --output PATH [--KEY VALUE | --KEY=VALUE]... [--verbose]\n\nKeys:\n");
        KEY_HELP.forEach((k, v) -> sb.append(String.format("  %-10s %s%n", k, v)));
        sb.append(Main.CSV_OPTIONS_HELP);
        sb.append("Output: the kept columns, prediction, and probability_<class> for classification models.\n");
        sb.append(Main.EXIT_CODES_HELP).append(" (a missing feature, a bad value).\n");
        return sb.toString();
    }

    /** Parses the arguments that follow {@code score}. */
    public static ScoreConfig parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        Map<String, String> csv = CsvReaderOptions.newMap();
        FlagArgs.forEach(args, (name, value) -> {
            if (name.regionMatches(true, 0, CsvReaderOptions.PREFIX, 0, CsvReaderOptions.PREFIX.length())) {
                csv.put(CsvReaderOptions.canonical(name.substring(CsvReaderOptions.PREFIX.length()))
                        .orElseThrow(() -> JobException.config("unknown key '" + name + "' (Spark CSV options: "
                                + String.join(", ", CsvReaderOptions.names()) + ")")), value);
            } else if (!KEYS.contains(name)) {
                throw JobException.config("unknown key '" + name + "' for score" + suggestion(name) + " (keys: "
                        + String.join(", ", KEYS) + ")");
            } else if (given.put(name, value.trim()) != null) {
                throw JobException.config(name + ": given twice");
            }
        });
        String model = required(given, "model");
        String input = required(given, "input");
        String output = required(given, "output");
        InputFormat format = given.containsKey("format")
                ? InputFormat.parse(given.get("format")).orElseThrow(() -> JobException.config("format: invalid value '"
                        + given.get("format") + "' (expected csv, libsvm or parquet)"))
                : InputFormat.inferFromPath(input).orElseThrow(() -> JobException.config("format: cannot infer the "
                        + "format of input '" + input + "' from its extension; set format=csv|libsvm|parquet"));
        String header = given.getOrDefault("header", "true").toLowerCase(Locale.ROOT);
        if (!header.equals("true") && !header.equals("false")) {
            throw JobException.config("header: invalid value '" + header + "' (expected true or false)");
        }
        if (format != InputFormat.CSV) {
            for (String key : List.of("header", "sep", "labelCol")) {
                if (given.containsKey(key)) {
                    throw JobException.config(key + ": applies to csv input only (format is "
                            + format.name().toLowerCase(Locale.ROOT) + ")");
                }
            }
        }
        if (given.containsKey("labelCol") && header.equals("true")) {
            throw JobException.config("labelCol: only for a csv without header (with one, features are matched by "
                    + "name and other columns ignored)");
        }
        csv.put("sep", given.getOrDefault("sep", InputFormat.isTabSeparated(input) ? "\t" : ","));
        List<String> keep = new ArrayList<>();
        if (given.containsKey("keepCols")) {
            for (String c : given.get("keepCols").split(",")) {
                if (c.trim().isEmpty()) {
                    throw JobException.config("keepCols: invalid value '" + given.get("keepCols")
                            + "' (expected a comma-separated list without empty entries)");
                }
                keep.add(c.trim());
            }
        }
        return new ScoreConfig(model, input, format, header.equals("true"), csv, given.get("labelCol"), keep,
                output);
    }

    private static String required(Map<String, String> given, String key) {
        String v = given.get(key);
        if (v == null || v.isEmpty()) {
            throw JobException.config(key + ": required (score --model MODEL --input PATH --output PATH)");
        }
        return v;
    }

    private static String suggestion(String name) {
        for (String k : KEYS) {
            if (ConfigParser.editDistance(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)) <= 2) {
                return " (did you mean '" + k + "'?)";
            }
        }
        return "";
    }
}
