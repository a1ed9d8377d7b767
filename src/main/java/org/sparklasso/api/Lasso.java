package org.sparklasso.api;

import org.sparklasso.input.LoadedData;
import org.sparklasso.path.PathDriver;
import org.sparklasso.path.TrainingResult;
import org.sparklasso.spec.FitSpec;

/**
 * The library's entry point: fits what a {@link FitSpec} describes to data already cached as
 * blocks, and returns the path, its cross-validation and the chosen model ({@link TrainingResult}).
 * The CLI's {@code train} is this after its readers; a Spark application calls it the same way.
 * Nothing here reads or writes files.
 */
public final class Lasso {
    private Lasso() {
    }

    /** Fits {@code spec} to {@code data}; the caller releases the data when done with it. */
    public static TrainingResult fit(LoadedData data, FitSpec spec) {
        return PathDriver.fit(data, spec);
    }
}
