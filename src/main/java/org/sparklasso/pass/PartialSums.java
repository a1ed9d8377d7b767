package org.sparklasso.pass;

import org.sparklasso.block.Standardization;

/**
 * The sums aggregators carry between tasks, merged (executor and driver side) and read back on
 * the driver: shared by {@link LeastSquaresAggregator} and {@link GlmAggregator} and their passes.
 */
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

    /** A copy of {@code sums[from, from + length)}, zeros if they were never allocated (no rows). */
    static double[] slice(double[] sums, int from, int length) {
        double[] out = new double[length];
        if (sums != null) {
            System.arraycopy(sums, from, out, 0, length);
        }
        return out;
    }

    /**
     * The loss gradient in the model's internal coordinates (centered, scaled columns, divided by
     * the weight sum n), into {@code out[offset, offset + p)}, from sums over the raw columns:
     * {@code raw = Xᵀ(w∘r)} and {@code sumR = Σ w r}. Since x̃_j = (x_j − c_j)/s_j,
     * {@code Σ w r x̃_j = (raw_j − c_j·sumR)/s_j}: the passes never center the (possibly sparse)
     * data, as glmnet's sparse routines (spelnet) keep x as is and correct by its means. Inactive (constant) features get 0.
     */
    static void internalGradient(Standardization s, double[] raw, double sumR, double[] out, int offset) {
        double n = s.weightSum();
        for (int j = 0; j < raw.length; j++) {
            out[offset + j] = s.active()[j] ? (raw[j] - s.center()[j] * sumR) / (n * s.scale()[j]) : 0;
        }
    }
}
