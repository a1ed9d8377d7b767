package org.sparklasso.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparklasso.spec.FeatureTerms;

/**
 * The per-feature penalty terms in force, as metrics.json reports them: for each of
 * {@code penaltyFactors} (after glmnet's rescaling), {@code lowerLimits} and {@code upperLimits},
 * the features whose value is not the default (factor 1, no bound), by name. Empty for the plain
 * elastic net; compact for a million features with a few options.
 */
public final class FeatureTermsReport {
    private FeatureTermsReport() {
    }

    public static Map<String, Map<String, Double>> of(FeatureTerms terms, List<String> features) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        put(out, "penaltyFactors", terms.factors(), 1, features);
        put(out, "lowerLimits", terms.lower(), Double.NEGATIVE_INFINITY, features);
        put(out, "upperLimits", terms.upper(), Double.POSITIVE_INFINITY, features);
        return out;
    }

    private static void put(Map<String, Map<String, Double>> out, String key, double[] values, double plain,
                            List<String> features) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (int j = 0; j < values.length; j++) {
            if (values[j] != plain) {
                named.put(features.get(j), values[j]);
            }
        }
        if (!named.isEmpty()) {
            out.put(key, named);
        }
    }
}
