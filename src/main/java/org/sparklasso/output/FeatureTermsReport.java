package org.sparklasso.output;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparklasso.path.AdaptiveWeights;
import org.sparklasso.spec.FeatureTerms;

/**
 * The per-feature penalty terms in force, as metrics.json reports them: for each of
 * {@code penaltyFactors} (after glmnet's rescaling), {@code lowerLimits} and {@code upperLimits},
 * the features whose value is not the default (factor 1, no bound), by name; for the adaptive
 * lasso, {@code adaptive} (gamma, init, initLambda, leftOut) instead of every feature's factor
 * (those are in coefficients/); for the group lasso, {@code groups}: each group's label, size and
 * weight w_g in force (members in coefficients/ column group). Empty for the plain elastic net; compact for a million features
 * with a few options. Values are JSON-ready (±Infinity as strings).
 */
public final class FeatureTermsReport {
    private FeatureTermsReport() {
    }

    public static Map<String, Object> of(FeatureTerms terms, AdaptiveWeights adaptive, List<String> features) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (adaptive == null) {
            put(out, "penaltyFactors", terms.factors(), 1, features);
        } else {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("gamma", adaptive.gamma());
            a.put("init", adaptive.init());
            a.put("initLambda", Double.isNaN(adaptive.initLambda()) ? null : adaptive.initLambda());
            a.put("leftOut", adaptive.leftOut());
            a.put("weights", "coefficients/ column adaptiveWeight; rescaled factors in column penaltyFactor");
            out.put("adaptive", a);
        }
        if (terms.groups() != null) {
            List<Map<String, Object>> groups = new java.util.ArrayList<>();
            int[][] members = terms.groups().members();
            for (int g = 0; g < members.length; g++) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("group", terms.groups().labels().get(g));
                one.put("size", members[g].length);
                one.put("weight", terms.groups().weights()[g]);
                groups.add(one);
            }
            out.put("groups", groups);
        }
        put(out, "lowerLimits", terms.lower(), Double.NEGATIVE_INFINITY, features);
        put(out, "upperLimits", terms.upper(), Double.POSITIVE_INFINITY, features);
        return out;
    }

    private static void put(Map<String, Object> out, String key, double[] values, double plain,
                            List<String> features) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (int j = 0; j < values.length; j++) {
            if (values[j] != plain) {
                double v = values[j];
                named.put(features.get(j), Double.isInfinite(v) ? (v > 0 ? "Infinity" : "-Infinity") : v);
            }
        }
        if (!named.isEmpty()) {
            out.put(key, named);
        }
    }
}
