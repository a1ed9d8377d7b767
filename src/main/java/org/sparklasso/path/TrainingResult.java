package org.sparklasso.path;

import java.util.List;
import org.sparklasso.block.Standardization;
import org.sparklasso.spec.FeatureTerms;
import org.sparklasso.spec.SolverChoice;

/**
 * What a fit returns: the path's models and how they were obtained.
 *
 * @param standardization the full data's coordinates (centres and scales of the features)
 * @param terms           the penalty factors (rescaled) and bounds in force, per feature
 * @param fits            the path's models, largest λ first
 * @param solver          the solver that ran ({@code auto} resolved)
 * @param lambdaMax       the smallest λ whose model has no penalized feature (α = 0: glmnet's, with α = 0.001)
 * @param passes          distributed passes over the data, cross-validation included
 * @param computedGrid    whether the λ values are glmnet's computed path rather than given
 * @param cv              cross-validation, or null
 * @param chosen          index in {@code fits} of the model lambdaChoice picks, or -1 when every
 *                        fit is kept (no cross-validation)
 * @param adaptive        the adaptive lasso's weights, or null for the lasso / elastic net
 * @param relaxed         the relaxed lasso's blends and their cross-validation (relax=true), or null
 */
public record TrainingResult(Standardization standardization, FeatureTerms terms, List<FittedModel> fits, SolverChoice solver,
                             double lambdaMax, int passes, boolean computedGrid, CrossValidationResult cv, int chosen,
                             AdaptiveWeights adaptive, RelaxedPath relaxed) {
}
