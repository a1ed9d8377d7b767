package org.sparklasso.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The group lasso's grouping as a config gives it ({@code penalty=group}): a group label per
 * feature in feature order ({@code groups=a,a,b,…}), or labels by feature name (the two-column
 * {@code feature,group} file, read by the caller), features not named being their own group; and
 * {@code groupWeights} overriding the default w_g = √|g| for some groups ({@code label:value}).
 * Matched to the input's features by {@link #resolve} when the fit starts.
 *
 * @param inOrder   one label per feature in feature order, or null
 * @param byFeature labels by feature name (with where each came from, for messages), or null
 * @param source    where the labels came from (the key's text or the file), for messages
 * @param weights   w_g by group label (> 0, finite); groups not named take √|g|
 */
public record GroupOptions(List<String> inOrder, Map<String, Labelled> byFeature, String source,
                           Map<String, Double> weights) {
    public static final String GROUPS = "groups";
    public static final String GROUP_WEIGHTS = "groupWeights";

    /** A feature's group label and where it was given (file and line). */
    public record Labelled(String label, String where) {
    }

    public GroupOptions {
        inOrder = inOrder == null ? null : List.copyOf(inOrder);
        byFeature = byFeature == null ? null : Map.copyOf(byFeature);
        weights = Map.copyOf(weights);
    }

    /** {@code groups=} as a comma list of labels in feature order. */
    public static GroupOptions inOrder(String text, Map<String, Double> weights) {
        List<String> labels = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String label = part.trim();
            if (label.isEmpty()) {
                throw JobException.config(GROUPS + ": empty label in '" + text + "'");
            }
            labels.add(label);
        }
        return new GroupOptions(labels, null, text, weights);
    }

    /** Parses {@code groupWeights} ({@code label:value,…}, value > 0 and finite); null text: none. */
    public static Map<String, Double> parseWeights(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split(",", -1)) {
            String entry = part.trim();
            int colon = entry.lastIndexOf(':');
            if (colon <= 0) {
                throw JobException.config(GROUP_WEIGHTS + ": entry '" + entry + "' is not group:value (a group label, "
                        + "a colon and a number > 0)");
            }
            String label = entry.substring(0, colon).trim();
            String number = entry.substring(colon + 1).trim();
            double v;
            try {
                v = Double.parseDouble(number.toLowerCase(Locale.ROOT).replace("infinity", "Infinity"));
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!(v > 0) || Double.isInfinite(v)) {
                throw JobException.config(GROUP_WEIGHTS + ": '" + number + "' for group '" + label
                        + "' is not a finite number > 0");
            }
            if (out.put(label, v) != null) {
                throw JobException.config(GROUP_WEIGHTS + ": group '" + label + "' is named twice");
            }
        }
        return out;
    }

    /** The groups of the input's features; a config error naming the key when they do not match. */
    public FeatureGroups resolve(List<String> features) {
        int p = features.size();
        String[] labelOf = new String[p];
        if (inOrder != null) {
            if (inOrder.size() != p) {
                throw JobException.config(GROUPS + ": " + inOrder.size() + " labels for " + p + " features (give one "
                        + "group label per feature in feature order, or a feature,group file)");
            }
            labelOf = inOrder.toArray(new String[0]);
        } else {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int j = 0; j < p; j++) {
                index.put(features.get(j), j);
            }
            for (Map.Entry<String, Labelled> e : byFeature.entrySet()) {
                Integer j = index.get(e.getKey());
                if (j == null) {
                    throw JobException.config(GROUPS + ": feature '" + e.getKey() + "' (" + e.getValue().where()
                            + ") is not a feature of the input");
                }
                labelOf[j] = e.getValue().label();
            }
            java.util.Set<String> named = new java.util.HashSet<>();
            byFeature.values().forEach(l -> named.add(l.label()));
            for (int j = 0; j < p; j++) {
                if (labelOf[j] == null) {
                    labelOf[j] = features.get(j);
                    if (named.contains(features.get(j))) {
                        throw JobException.config(GROUPS + ": feature '" + features.get(j) + "' is not in " + source
                                + ", so it is its own group, but a group of that name exists; list it");
                    }
                }
            }
        }
        FeatureGroups groups = FeatureGroups.of(labelOf, weights);
        for (String label : weights.keySet()) {
            if (!groups.labels().contains(label)) {
                throw JobException.config(GROUP_WEIGHTS + ": group '" + label + "' is not a group (groups: "
                        + String.join(", ", groups.labels()) + ")");
            }
        }
        return groups;
    }
}
