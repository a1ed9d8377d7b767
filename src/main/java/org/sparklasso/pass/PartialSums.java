package org.sparklasso.pass;

/** Merging of the lazily allocated sum arrays that aggregators carry between tasks. */
final class PartialSums {
    private PartialSums() {
    }

    /**
     * {@code into + from}, element-wise, where either may still be unallocated (null: all zeros);
     * adds into {@code into} when both exist and never aliases {@code from}.
     */
    static double[] merge(double[] into, double[] from) {
        if (from == null) {
            return into;
        }
        if (into == null) {
            return from.clone();
        }
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
        return into;
    }
}
