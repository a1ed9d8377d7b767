package org.sparklasso.penalty;

/** The per-feature arrays of a penalty restricted to some features (a working set's {@code onFeatures}). */
final class FeatureSelection {
    private FeatureSelection() {
    }

    /** {@code values[features[i]]} for each i. */
    static double[] select(double[] values, int[] features) {
        double[] out = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            out[i] = values[features[i]];
        }
        return out;
    }

    /** {@code values[features[i]]} for each i. */
    static boolean[] select(boolean[] values, int[] features) {
        boolean[] out = new boolean[features.length];
        for (int i = 0; i < features.length; i++) {
            out[i] = values[features[i]];
        }
        return out;
    }
}
