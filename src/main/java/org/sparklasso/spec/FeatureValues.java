package org.sparklasso.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * One number per feature, as a config gives it (glmnet's {@code penalty.factor},
 * {@code lower.limits}, {@code upper.limits}): one value for every feature (where the key allows
 * it), a comma list in feature order, or {@code name:value} pairs, unlisted features taking the
 * default. The text is parsed and range-checked when the config is read; it is matched to the
 * input's feature names when the fit starts ({@link #resolve}), the first time they are known.
 */
public final class FeatureValues {
    private final String key;
    private final String text;
    private final double unlisted;
    private final double[] inOrder;
    private final Map<String, Double> byName;

    private FeatureValues(String key, String text, double unlisted, double[] inOrder, Map<String, Double> byName) {
        this.key = key;
        this.text = text;
        this.unlisted = unlisted;
        this.inOrder = inOrder;
        this.byName = byName;
    }

    /** Not given: every feature takes {@code unlisted}. */
    public static FeatureValues none(String key, double unlisted) {
        return new FeatureValues(key, null, unlisted, null, Map.of());
    }

    /**
     * Parses a config value.
     *
     * @param unlisted  the value of a feature the text does not name (and of every feature when not given)
     * @param valid     which numbers are allowed (±Infinity are numbers here)
     * @param expected  what {@code valid} allows, for the message
     * @param uniform   whether one number alone means "every feature" (else it is a list of one)
     */
    public static FeatureValues parse(String key, String text, double unlisted, DoublePredicate valid,
                                      String expected, boolean uniform) {
        String[] parts = text.split(",");
        boolean named = text.indexOf(':') >= 0;
        if (uniform && parts.length == 1 && !named) {
            double v = number(key, parts[0], valid, expected);
            return new FeatureValues(key, text, v, null, Map.of());
        }
        double[] inOrder = named ? null : new double[parts.length];
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                throw JobException.config(key + ": empty entry in '" + text + "'");
            }
            if (!named) {
                inOrder[i] = number(key, part, valid, expected);
                continue;
            }
            int colon = part.lastIndexOf(':');
            if (colon <= 0) {
                throw JobException.config(key + ": entry '" + part + "' is not name:value (give either a list of "
                        + "numbers in feature order or name:value pairs, not both)");
            }
            String name = part.substring(0, colon).trim();
            if (byName.put(name, number(key, part.substring(colon + 1), valid, expected)) != null) {
                throw JobException.config(key + ": feature '" + name + "' is named twice");
            }
        }
        return new FeatureValues(key, text, unlisted, inOrder, byName);
    }

    private static double number(String key, String s, DoublePredicate valid, String expected) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        double v;
        try {
            v = switch (t) {
                case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
                case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(t);
            };
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (Double.isNaN(v) || !valid.test(v)) {
            throw JobException.config(key + ": invalid value '" + s.trim() + "' (expected " + expected + ")");
        }
        return v;
    }

    /** Whether the config gave the key. */
    public boolean given() {
        return text != null;
    }

    /**
     * One value per feature of the input, in feature order; a list of the wrong length or a name
     * that is not a feature is a config error (exit 2: the value does not fit the input's features)
     * naming the key and the features.
     */
    public double[] resolve(List<String> features) {
        int p = features.size();
        double[] out = new double[p];
        if (inOrder != null) {
            if (inOrder.length != p) {
                throw JobException.config(key + ": " + inOrder.length + " value" + (inOrder.length == 1 ? "" : "s")
                        + " given for " + p + " features (" + preview(features) + "); give one per feature in order, "
                        + "or name:value pairs");
            }
            return inOrder.clone();
        }
        Arrays.fill(out, unlisted);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int j = 0; j < p; j++) {
            index.putIfAbsent(features.get(j), j);
        }
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, Double> e : byName.entrySet()) {
            Integer j = index.get(e.getKey());
            if (j == null) {
                unknown.add(e.getKey());
            } else {
                out[j] = e.getValue();
            }
        }
        if (!unknown.isEmpty()) {
            throw JobException.config(key + ": no feature named '" + unknown.get(0) + "' in the input (features: "
                    + preview(features) + ")");
        }
        return out;
    }

    private static String preview(List<String> features) {
        int shown = Math.min(features.size(), 8);
        String head = String.join(", ", features.subList(0, shown));
        return features.size() > shown ? head + ", … " + features.get(features.size() - 1) : head;
    }
}
