package org.sparklasso.api;

import java.io.Serializable;
import java.util.List;
import org.sparklasso.path.CrossValidationResult;
import org.sparklasso.path.FittedModel;
import org.sparklasso.path.TrainingResult;

/**
 * What a fit's λ path and cross-validation looked like, kept with the model it chose (glmnet's
 * {@code print(fit)} and {@code cv.glmnet}'s {@code cvm}, {@code cvsd}, {@code lambda.min},
 * {@code lambda.1se}). Arrays are per λ, largest λ first.
 *
 * @param lambdas     the path's λ values
 * @param nnz         features with a nonzero coefficient at each λ (glmnet's df)
 * @param devRatio    fraction of the null deviance explained at each λ (glmnet's dev.ratio)
 * @param typeMeasure the cross-validation's error measure, or null without cross-validation
 * @param cvMean      the cross-validated error at each λ (cvm), or null
 * @param cvStd       its standard error (cvsd), or null
 * @param lambdaMin   the λ of the smallest cross-validated error, or NaN
 * @param lambda1se   the largest λ within one standard error of it, or NaN
 */
public record PathSummary(double[] lambdas, int[] nnz, double[] devRatio, String typeMeasure, double[] cvMean,
                          double[] cvStd, double lambdaMin, double lambda1se) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The summary of a fit's path and cross-validation. */
    public static PathSummary of(TrainingResult result) {
        List<FittedModel> fits = result.fits();
        double[] lambdas = new double[fits.size()];
        int[] nnz = new int[fits.size()];
        double[] devRatio = new double[fits.size()];
        for (int l = 0; l < fits.size(); l++) {
            lambdas[l] = fits.get(l).lambda();
            nnz[l] = fits.get(l).nnz();
            devRatio[l] = fits.get(l).devRatio();
        }
        CrossValidationResult cv = result.cv();
        if (cv == null) {
            return new PathSummary(lambdas, nnz, devRatio, null, null, null, Double.NaN, Double.NaN);
        }
        return new PathSummary(lambdas, nnz, devRatio, cv.typeMeasure(), cv.summary().cvm().clone(),
                cv.summary().cvsd().clone(), cv.summary().lambdaMin(), cv.summary().lambda1se());
    }

    /** Whether the path was cross-validated. */
    public boolean crossValidated() {
        return cvMean != null;
    }
}
