package org.sparklasso.path;

import java.util.ArrayList;
import java.util.List;

/**
 * A relaxed lasso's models and their cross-validation: the blends γ·lasso + (1−γ)·refit of the
 * full path, per γ and λ, and with cross-validation cv.glmnet(relax=TRUE)'s summary per γ and its
 * choice of (λ, γ).
 *
 * @param gammas       the γ values, ascending
 * @param blends       [γ][λ] the full model's blends (γ = 1: the lasso's models)
 * @param cv           per γ, the mean error and its standard error at each λ (null without cross-validation)
 * @param min          {λ index, γ index} of lambda.min / gamma.min (null without)
 * @param oneSe        {λ index, γ index} of lambda.1se / gamma.1se (null without)
 * @param chosenLambda λ index of the model lambdaChoice picks, or -1 (every blend is written)
 * @param chosenGamma  γ index of that model, or -1
 */
public record RelaxedPath(double[] gammas, List<List<FittedModel>> blends, List<CrossValidationSummary> cv,
                          int[] min, int[] oneSe, int chosenLambda, int chosenGamma) {

    /** The models written to coefficients/: the chosen blend, or every blend λ by λ, γ by γ. */
    public List<FittedModel> written() {
        if (chosenLambda >= 0) {
            return List.of(blends.get(chosenGamma).get(chosenLambda));
        }
        List<FittedModel> out = new ArrayList<>();
        for (int l = 0; l < blends.get(0).size(); l++) {
            for (List<FittedModel> byLambda : blends) {
                out.add(byLambda.get(l));
            }
        }
        return out;
    }

    /** The γ of each written model, in the order of {@link #written()}. */
    public double[] writtenGammas() {
        if (chosenLambda >= 0) {
            return new double[] {gammas[chosenGamma]};
        }
        int lambdas = blends.get(0).size();
        double[] out = new double[lambdas * gammas.length];
        for (int l = 0; l < lambdas; l++) {
            System.arraycopy(gammas, 0, out, l * gammas.length, gammas.length);
        }
        return out;
    }
}
