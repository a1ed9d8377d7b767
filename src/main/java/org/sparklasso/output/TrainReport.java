package org.sparklasso.output;

import java.util.List;
import java.util.Map;
import org.sparklasso.path.FittedModel;
import org.sparklasso.path.CrossValidationResult;
import org.sparklasso.path.RelaxedPath;

/**
 * Everything a train run reports besides the coefficients: the data, the solver, the path and
 * its cross-validation.
 *
 * @param lambdaMax    smallest λ with an all-zero solution (for alpha = 0, glmnet's: with alpha 0.001)
 * @param fits         every fitted λ, largest first
 * @param chosen       index in fits of the model chosen by cross-validation, or -1 (no CV: every
 *                     fit is written to coefficients/)
 * @param computedPath whether the λ values were computed (glmnet's grid) rather than given
 * @param dataPasses   distributed passes over the cached blocks during training (statistics pass
 *                     included; the load pass is not)
 * @param classNames   the label's classes in order (class index k ↔ name), or null for gaussian
 * @param featureTerms penalty factors and bounds in force that differ from the default, by key and
 *                     feature name ({@link FeatureTermsReport}); empty for the plain elastic net
 * @param relaxed      the relaxed lasso's blends and choice (relax=true), or null
 */
public record TrainReport(String family, double alpha, boolean standardize, boolean fitIntercept, long n,
                          double weightSum, int p, int activeFeatures, String solver, double tol,
                          double lambdaMax, List<FittedModel> fits, int chosen, boolean computedPath,
                          CrossValidationResult cv, String lambdaChoice, int dataPasses, double loadSeconds,
                          double trainSeconds, int partitions, String blas, List<String> classNames,
                          Map<String, Object> featureTerms, RelaxedPath relaxed) {

    /** The models written to coefficients/: the chosen one, or all (relaxed: the chosen blend, or every blend). */
    public List<FittedModel> written() {
        if (relaxed != null) {
            return relaxed.written();
        }
        return chosen >= 0 ? List.of(fits.get(chosen)) : fits;
    }

    /** The γ of each written model (relax=true), else null. */
    public double[] writtenGammas() {
        return relaxed == null ? null : relaxed.writtenGammas();
    }
}
