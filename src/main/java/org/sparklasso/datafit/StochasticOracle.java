package org.sparklasso.datafit;

/**
 * A loss oracle that can also run an epoch of local proximal stochastic gradient
 * ({@link StochasticEpoch}) in the same pass as an evaluation: what solver {@code sgd} needs.
 */
public interface StochasticOracle extends LossOracle {

    /** One pass: the evaluation at {@code start}, and the averaged model after one epoch from it. */
    EpochResult epoch(double[] start, StochasticEpoch epoch);

    /** The evaluation at the epoch's start point, and where the epoch ended. */
    record EpochResult(Evaluation start, EpochEnd end) {
    }

    /**
     * The averaged model an epoch reached, and the partitions' mean base step α₀,m (before the
     * epoch's 1/√e: {@link StochasticEpoch#step}), which the solver's thresholding uses.
     */
    record EpochEnd(double[] point, double baseStep) {
    }
}
