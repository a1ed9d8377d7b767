package org.sparklasso.datafit;

import org.sparklasso.block.ColumnSubset;
import org.sparklasso.block.Standardization;

/**
 * The two kinds of data pass a {@link WorkingSetSolver} makes: least-squares evaluations over
 * every feature, and the data of a subset of the features, reduced to a problem the driver solves
 * alone: their coordinate statistics (dense data) or their gathered columns (sparse data).
 */
public interface WorkingSetOracle extends LossOracle {

    /**
     * One pass: the model's problem restricted to {@code features} (coefficients zero outside them),
     * in the model's own coordinates.
     *
     * @param features the coordinates wanted (strictly increasing)
     * @return the problem over a superset of {@code features} (passes may be shared with other
     *         models, whose features then come too), with that superset
     */
    Restricted restricted(int[] features);

    /** The most features {@link #restricted} may be asked for (the driver holds their data). */
    int maxFeatures();

    /**
     * A model's problem over {@code features} (strictly increasing, numbered 0..|features|−1), as
     * data the driver holds: the quadratic form of their coordinate statistics (dense data) or
     * their gathered columns in the model's coordinates (sparse data); exactly one is set.
     *
     * @param excludedFold the model's held-out fold (rows of the gathered columns it must skip), or -1
     */
    record Restricted(int[] features, QuadraticForm form, ColumnSubset columns, Standardization standardization,
                      int excludedFold) {
    }
}
