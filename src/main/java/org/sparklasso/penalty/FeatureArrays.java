package org.sparklasso.penalty;

/**
 * The per-feature arrays of a penalty (weights, factors, bounds, active flags): their defaults,
 * whether any bound is finite, and their restriction to some features (a working set's
 * {@code onFeatures}).
 */
final class FeatureArrays {
    private FeatureArrays() {
    }

    /** n copies of v (the defaults: factor 1, bounds ∓∞). */
    static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** Whether some feature has a finite lower or upper bound. */
    static boolean anyBound(double[] lower, double[] upper) {
        for (int j = 0; j < lower.length; j++) {
            if (lower[j] > Double.NEGATIVE_INFINITY || upper[j] < Double.POSITIVE_INFINITY) {
                return true;
            }
        }
        return false;
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
