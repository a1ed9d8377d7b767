package org.sparklasso.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The group lasso's groups of an input's features: each feature's group, the groups' labels in
 * order of first appearance, their members, and their weights w_g (√|g| unless the config gives
 * one: Yuan and Lin 2006, "Model selection and estimation in regression with grouped variables",
 * JRSS B 68, §2).
 *
 * @param groupOf each feature's group index
 * @param labels  the groups' labels
 * @param weights the groups' weights w_g (> 0)
 */
public record FeatureGroups(int[] groupOf, List<String> labels, double[] weights) {

    public FeatureGroups {
        labels = List.copyOf(labels);
    }

    /** Groups from one label per feature, weights {@code given} by label or else √|g|. */
    public static FeatureGroups of(String[] labelOf, Map<String, Double> given) {
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] groupOf = new int[labelOf.length];
        List<Integer> sizes = new ArrayList<>();
        for (int j = 0; j < labelOf.length; j++) {
            Integer g = index.get(labelOf[j]);
            if (g == null) {
                g = index.size();
                index.put(labelOf[j], g);
                sizes.add(0);
            }
            groupOf[j] = g;
            sizes.set(g, sizes.get(g) + 1);
        }
        List<String> labels = new ArrayList<>(index.keySet());
        double[] weights = new double[labels.size()];
        for (int g = 0; g < weights.length; g++) {
            Double w = given.get(labels.get(g));
            weights[g] = w != null ? w : Math.sqrt(sizes.get(g));
        }
        return new FeatureGroups(groupOf, labels, weights);
    }

    /** Number of groups. */
    public int size() {
        return labels.size();
    }

    /** The members of each group, in feature order. */
    public int[][] members() {
        int[] count = new int[size()];
        for (int g : groupOf) {
            count[g]++;
        }
        int[][] out = new int[size()][];
        for (int g = 0; g < out.length; g++) {
            out[g] = new int[count[g]];
            count[g] = 0;
        }
        for (int j = 0; j < groupOf.length; j++) {
            out[groupOf[j]][count[groupOf[j]]++] = j;
        }
        return out;
    }

    /** Each feature's group label. */
    public String[] labelOfFeature() {
        String[] out = new String[groupOf.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = labels.get(groupOf[j]);
        }
        return out;
    }
}
