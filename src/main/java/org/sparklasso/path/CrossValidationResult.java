package org.sparklasso.path;

/**
 * The cross-validation of a path: per λ the mean error and its standard error (cv.glmnet's cvm
 * and cvsd) and the full model's nonzero count, plus the per-fold errors they come from.
 *
 * @param typeMeasure  mse or mae
 * @param foldErrors   [fold][λ] weighted mean error of each fold's model on its held-out rows
 * @param foldWeights  total weight of each fold
 * @param otherMeasures cvm of every measure computed along (binomial/multinomial: deviance, class,
 *                      mse, mae, and auc when asked), by name
 */
public record CrossValidationResult(String typeMeasure, int nfolds, CrossValidationSummary summary, int[] nnz,
                                    double[][] foldErrors, double[] foldWeights, java.util.Map<String, double[]> otherMeasures) {
}
