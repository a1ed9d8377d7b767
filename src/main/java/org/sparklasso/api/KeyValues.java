package org.sparklasso.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparklasso.spec.JobException;

/**
 * Typed access to the keys the user gave. {@link #given} is only what was given (an empty value
 * counts as not given); {@link #get} falls back to the key's fixed default and must not be used
 * for a key whose default depends on the context.
 */
public record KeyValues(Map<ConfigKey, String> raw) {
    public java.util.Optional<String> given(ConfigKey key) {
        String s = raw.get(key);
        return s == null || s.trim().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(s.trim());
    }

    public String get(ConfigKey key) {
        return given(key).orElseGet(() -> java.util.Optional.ofNullable(key.defaultValue()).orElseThrow(
                () -> new IllegalStateException(key.key() + " has no fixed default")));
    }

    public String required(ConfigKey key) {
        return given(key).orElseThrow(() -> JobException.config(key.key() + ": required"));
    }

    public boolean bool(ConfigKey key) {
        String s = get(key).toLowerCase(Locale.ROOT);
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        throw bad(key, get(key), "true or false");
    }

    public double number(ConfigKey key, String s) {
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

    public double doubleIn(ConfigKey key, double lo, double hi) {
        double d = number(key, get(key));
        if (d < lo || d > hi) {
            throw bad(key, get(key), "a number in [" + fmt(lo) + ", " + fmt(hi) + "]");
        }
        return d;
    }

    public double positiveDouble(ConfigKey key) {
        double d = number(key, get(key));
        if (d <= 0) {
            throw bad(key, get(key), "a number > 0");
        }
        return d;
    }

    public int intAtLeast(ConfigKey key, int min) {
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

    public <E extends Enum<E>> E choice(ConfigKey key, Class<E> type) {
        String s = get(key);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) {
                return e;
            }
        }
        throw bad(key, s, String.join(" | ", Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
    }

    public List<String> list(ConfigKey key) {
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

    public List<Double> lambdas() {
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

    /** The error for a bad value of {@code key}: names the key, the value and what was expected. */
    public static JobException bad(ConfigKey key, String value, String expected) {
        return JobException.config(key.key() + ": invalid value '" + value + "' (expected " + expected + ")");
    }
}
