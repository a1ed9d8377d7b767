package org.sparklasso.path;

import org.sparklasso.block.Standardization;
import org.sparklasso.input.LoadedData;
import org.sparklasso.kernel.FeatureMoments;
import org.sparklasso.pass.BlockPasses;
import org.sparklasso.pass.PassCounter;
import org.sparklasso.spec.FeatureTerms;
import org.sparklasso.spec.FitSpec;

/**
 * What the {@link PathDriver} hands a family's paths: the data, the fit, the per-feature penalty
 * terms resolved for the data's features, the passes over the data
 * with their counter, the per-fold feature moments, the full model's coordinates, and the fit's
 * start time (System.nanoTime(), for progress lines).
 */
record PathContext(LoadedData data, FitSpec spec, FeatureTerms terms, BlockPasses passes, FeatureMoments[] byFold,
                   Standardization global, PassCounter counter, long start) {

    /** The coordinates of the model that leaves fold {@code excluded} out. */
    Standardization foldStandardization(int excluded) {
        return PathDriver.standardization(byFold, excluded, spec);
    }

    /** The progress line of fold {@code fold}'s path. */
    void logFold(int fold, java.util.List<RegularizationPath.Step> steps) {
        PathDriver.logFold(fold, byFold.length, steps, counter, start);
    }
}
