package org.sparklasso.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sparklasso.spec.JobException;

/**
 * The {@code bench} command's settings: {@code [--config FILE] [--KEY VALUE | --KEY=VALUE]…}, flags
 * over the file over the defaults below (the keys of {@code conf/bench.properties}). Unknown keys,
 * bad numbers and run counts below one stop the command with exit code 2 before any case runs.
 */
public final class BenchSettings {
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        String[][] d = {
            {"cases", "G1,G2,S1,B1,B2,M1,PEN,scale"},
            {"workDir", "/tmp/spark-lasso-bench"},
            {"keepData", "false"},
            {"output", "bench/results"},
            {"runs", "3"},
            {"warmup", "2"},
            {"seed", "42"},
            {"correlation", "0.5"},
            {"nonzeros", "10"},
            {"noise", "1"},
            {"partitions", "0"},
            {"alpha", "1"},
            {"standardize", "true"},
            {"ours.tol", "1e-7"},
            {"ours.args", ""},
            {"mllib.tol", "1e-10"},
            {"mllib.maxIter", "10000"},
            {"mllib.solver", "auto"},
            {"g1.rows", "100000"},
            {"g1.features", "100"},
            {"g1.lambdaRatio", "0.05"},
            {"g2.nfolds", "5"},
            {"g2.nlambda", "100"},
            {"g2.mllibGrid", "10"},
            {"g2.mllibRuns", "1"},
            {"s1.rows", "50000"},
            {"s1.features", "100000"},
            {"s1.nnzPerRow", "20"},
            {"s1.nonzeros", "100"},
            {"s1.lambdaRatio", "0.1"},
            {"s1.solver", "auto"},
            {"scale.rows", "100000,1000000"},
            {"scale.large", "false"},
            {"scale.largeRows", "5000000"},
            {"scale.runs", "5"},
            {"scale.mllibRuns", "1"},
            {"scale.cvRows", "1000000"},
            {"scale.cvMllib", "false"},
            {"glm.signalSd", "2"},
            {"glm.oursSolver", "auto"},
            {"b1.rows", "100000"},
            {"b1.features", "100"},
            {"b1.lambdaRatio", "0.05"},
            {"b2.nfolds", "5"},
            {"b2.nlambda", "100"},
            {"b2.mllibGrid", "10"},
            {"b2.mllibRuns", "1"},
            {"b2.mllibTol", "1e-6"},
            {"m1.rows", "100000"},
            {"m1.features", "100"},
            {"m1.classes", "3"},
            {"m1.lambdaRatio", "0.05"},
            {"bandwidth.mb", "1024"},
            {"solvers.cases", "G1,B1,S1"},
            {"solvers.largeRows", "1000000"},
            {"solvers.gdSteps", "5000"},
            {"solvers.subgradientSteps", "1000"},
            {"solvers.epochs", "10"},
        };
        for (String[] kv : d) {
            DEFAULTS.put(kv[0], kv[1]);
        }
    }

    /** Keys whose values are real numbers; the other numeric defaults are integers or integer lists. */
    private static final java.util.Set<String> REAL_KEYS = java.util.Set.of("correlation", "noise", "alpha",
            "ours.tol", "mllib.tol", "g1.lambdaRatio", "s1.lambdaRatio", "b1.lambdaRatio", "m1.lambdaRatio",
            "glm.signalSd", "b2.mllibTol");

    /** Run counts that must be at least one (B2's MLlib may be skipped with 0). */
    private static final List<String> POSITIVE_KEYS = List.of("runs", "g2.mllibRuns", "scale.runs", "scale.mllibRuns");

    private final Map<String, String> values;

    private BenchSettings(Map<String, String> values) {
        this.values = values;
    }

    public static BenchSettings parse(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        String file = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--verbose")) {
                continue;
            }
            if (!a.startsWith("--") || a.length() == 2) {
                throw JobException.config("bench: unexpected argument '" + a + "' (expected --KEY VALUE)");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw JobException.config("bench: missing value for --" + name);
            }
            if (name.equals("config")) {
                file = value;
            } else {
                flags.put(name, value);
            }
        }
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        if (file != null) {
            Properties props = new Properties();
            try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                throw JobException.config("bench: cannot read config file " + file + ": " + e.getMessage());
            }
            for (String k : props.stringPropertyNames()) {
                put(v, k, props.getProperty(k).trim(), file);
            }
        }
        for (Map.Entry<String, String> e : flags.entrySet()) {
            put(v, e.getKey(), e.getValue().trim(), "the flags");
        }
        BenchSettings settings = new BenchSettings(v);
        settings.validate();
        return settings;
    }

    /** Parses every value as its key's kind (by its default), so a typo stops the bench before it starts. */
    private void validate() {
        for (Map.Entry<String, String> e : DEFAULTS.entrySet()) {
            String key = e.getKey();
            String d = e.getValue();
            if (d.equals("true") || d.equals("false")) {
                bool(key);
            } else if (REAL_KEYS.contains(key)) {
                dbl(key);
            } else if (!d.isEmpty() && d.chars().allMatch(c -> Character.isDigit(c) || c == ',')) {
                longs(key);
            }
        }
        for (String key : POSITIVE_KEYS) {
            if (lng(key) < 1) {
                throw JobException.config("bench: " + key + ": must be at least 1, got '" + str(key) + "'");
            }
        }
    }

    private static void put(Map<String, String> v, String key, String value, String where) {
        if (!DEFAULTS.containsKey(key)) {
            throw JobException.config("bench: unknown key '" + key + "' in " + where + " (keys: "
                    + String.join(", ", DEFAULTS.keySet()) + ")");
        }
        v.put(key, value);
    }

    public Map<String, String> all() {
        return values;
    }

    public String str(String key) {
        return values.get(key);
    }

    public boolean bool(String key) {
        String s = str(key);
        if (!s.equals("true") && !s.equals("false")) {
            throw JobException.config("bench: " + key + ": invalid value '" + s + "' (true or false)");
        }
        return s.equals("true");
    }

    public double dbl(String key) {
        try {
            return Double.parseDouble(str(key));
        } catch (NumberFormatException e) {
            throw JobException.config("bench: " + key + ": invalid number '" + str(key) + "'");
        }
    }

    public long lng(String key) {
        List<Long> v = longs(key);
        if (v.isEmpty()) {
            throw JobException.config("bench: " + key + ": missing value");
        }
        return v.get(0);
    }

    public int integer(String key) {
        return Math.toIntExact(lng(key));
    }

    /** A comma list of integers (1e6 and 5_000_000 style accepted; empty: none). */
    public List<Long> longs(String key) {
        List<Long> out = new ArrayList<>();
        for (String part : str(key).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String s = part.trim().replace("_", "");
            try {
                double d = Double.parseDouble(s);
                if (d != Math.rint(d)) {
                    throw new NumberFormatException();
                }
                out.add((long) d);
            } catch (NumberFormatException e) {
                throw JobException.config("bench: " + key + ": invalid integer '" + part + "'");
            }
        }
        return out;
    }

    public List<String> list(String key) {
        List<String> out = new ArrayList<>();
        for (String s : str(key).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
