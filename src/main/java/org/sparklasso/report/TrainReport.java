package org.sparklasso.report;

import java.util.List;
import org.sparklasso.model.FittedModel;

/**
 * Everything a train run reports besides the coefficients: the data, the solver and the fits.
 *
 * @param lambdaMax   smallest λ with an all-zero solution (NaN for alpha = 0)
 * @param dataPasses  distributed passes over the cached blocks during training (statistics pass
 *                    included; the load pass is not)
 */
public record TrainReport(String family, double alpha, boolean standardize, boolean fitIntercept, long n,
                          double weightSum, int p, int activeFeatures, String solver, double tol,
                          double lambdaMax, List<FittedModel> fits, int dataPasses, double loadSeconds,
                          double trainSeconds, int partitions, String blas) {
}
