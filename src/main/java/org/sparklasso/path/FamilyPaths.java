package org.sparklasso.path;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.sparklasso.block.Standardization;
import org.sparklasso.spec.SolverChoice;

/**
 * The family-specific part of fitting a path, behind the one {@link PathDriver}: the full model's
 * problem and λ_max, the solves along the path (the full model's and every fold model's, sharing
 * passes as the family's solvers allow), its models, and the held-out errors of the folds.
 */
interface FamilyPaths {

    /** The full model's coordinates. */
    Standardization standardization();

    /** The solver that runs (auto resolved). */
    SolverChoice solver();

    /** λ_max of the full model (for α = 0, glmnet's: computed with α = 0.001). */
    double lambdaMax();

    /** What the solver log line says of the family before "n=… p=…" (empty for Gaussian). */
    String describe();

    /** glmnet's early stop of a computed path for this family. */
    RegularizationPath.EarlyStop earlyStop();

    /** The full model's path over {@code grid} and, with cross-validation, every fold's path at its λ values. */
    Paths solve(double[] grid, RegularizationPath.EarlyStop earlyStop, Consumer<RegularizationPath.Step> progress);

    /**
     * The path's starting model on the original scale: the fit of the unpenalized features (and
     * intercepts) with every other feature at zero; with every feature unpenalized, the
     * unpenalized fit (least squares or maximum likelihood).
     */
    FittedModel startModel();

    /** The full model at one solved λ, on the original scale. */
    FittedModel model(RegularizationPath.Step step);

    /** Every measure's per-observation held-out error [fold][λ] and the fold weights. */
    FoldErrors foldErrors(List<FittedModel> fits, Paths paths);

    /**
     * The relaxed lasso: each λ's unpenalized refit on its active set, for the full model and every
     * fold model, and the blends γ·lasso + (1−γ)·refit for each γ (in the internal coordinates,
     * which the blend commutes with): the full model's blends as models, and every measure's
     * held-out error of the fold models' blends.
     */
    Relaxed relax(Paths paths, double[] gammas);

    /** The full model's blends [γ][λ] and, with cross-validation, held-out errors by measure [γ][fold][λ]. */
    record Relaxed(List<List<FittedModel>> blends, Map<String, double[][][]> foldErrors) {
    }

    /** Adds training-data quality measures to the models written (binomial: AUC); none by default. */
    default void addTrainingQuality(List<FittedModel> written) {
    }

    /** A fold model's path and its coordinates. */
    record FoldPath(Standardization standardization, List<RegularizationPath.Step> steps) {
    }

    /** The full path and the fold paths (empty without cross-validation). */
    record Paths(List<RegularizationPath.Step> full, List<FoldPath> folds) {
    }

    /** Held-out errors by measure name, [fold][λ], and each fold's weight. */
    record FoldErrors(Map<String, double[][]> byMeasure, double[] weights) {
    }
}
