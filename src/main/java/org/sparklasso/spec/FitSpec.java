package org.sparklasso.spec;

import java.util.List;

/**
 * What to fit, and nothing about where the data comes from or where results go: the family, the
 * penalty and its parameters, the λ path, the solver and its tolerance, and cross-validation. One
 * immutable value, validated where it is built (the CLI's {@code ConfigParser}, later the Spark ML
 * Estimators); the path driver reads only this.
 *
 * @param family             the model family (glmnet's {@code family})
 * @param groupedMultinomial multinomial only: one L2-grouped penalty per feature across classes
 *                           (glmnet's {@code type.multinomial="grouped"}) instead of L1 per coefficient
 * @param alpha              elastic-net mixing: 1 = lasso, 0 = ridge
 * @param lambdas            the λ values to fit (solved from largest to smallest); empty: a computed path
 * @param nlambda            length of a computed path
 * @param lambdaMinRatio     smallest path λ / λ_max, or NaN for glmnet's default (1e-4 if n > p, else 1e-2)
 * @param nfolds             random cross-validation folds (0 = none); ignored when foldCol is set
 * @param foldCol            a column of fold ids, or null
 * @param seed               seed of the random fold assignment
 * @param typeMeasure        cross-validation error measure (cv.glmnet's {@code type.measure})
 * @param lambdaChoice       "lambda.min" or "lambda.1se": the model cross-validation chooses
 * @param screening          whether the sequential strong rules screen features along the path
 * @param standardize        whether the penalty acts on standardized coefficients (glmnet's default)
 * @param fitIntercept       whether the model has an unpenalized intercept
 * @param solver             the solver, or {@link SolverChoice#AUTO}
 * @param tol                convergence: relative duality gap
 * @param maxIter            iteration limit; 0 means the solver's default
 * @param solverOptions      the first-order solvers' settings (step size …)
 * @param cdMaxFeatures      largest p for which {@code auto} holds the p×p coordinate statistics on the driver
 * @param aggregationDepth   depth of Spark's treeAggregate for each pass
 * @param penaltyOptions     per-feature penalty factors and coefficient bounds
 */
public record FitSpec(
        Family family,
        boolean groupedMultinomial,
        double alpha,
        List<Double> lambdas,
        int nlambda,
        double lambdaMinRatio,
        int nfolds,
        String foldCol,
        long seed,
        String typeMeasure,
        String lambdaChoice,
        boolean screening,
        boolean standardize,
        boolean fitIntercept,
        SolverChoice solver,
        double tol,
        int maxIter,
        SolverOptions solverOptions,
        int cdMaxFeatures,
        int aggregationDepth,
        PenaltyOptions penaltyOptions) {

    public FitSpec {
        lambdas = List.copyOf(lambdas);
    }

    /** The same fit with other penalty options. */
    public FitSpec withPenaltyOptions(PenaltyOptions options) {
        return new FitSpec(family, groupedMultinomial, alpha, lambdas, nlambda, lambdaMinRatio, nfolds, foldCol, seed,
                typeMeasure, lambdaChoice, screening, standardize, fitIntercept, solver, tol, maxIter, solverOptions,
                cdMaxFeatures, aggregationDepth, options);
    }

    /**
     * glmnet's default ridge path of this fit ({@code glmnet(alpha = 0)}: 100 λ from 1000 times
     * the lasso's λ_max, the default lambdaMinRatio), cross-validated with the same folds and
     * measure and choosing lambda.min; the adaptive lasso's ridge init.
     */
    public FitSpec ridgePath() {
        return new FitSpec(family, groupedMultinomial, 0, List.of(), 100, Double.NaN, nfolds, foldCol, seed,
                typeMeasure, "lambda.min", screening, standardize, fitIntercept, solver, tol, maxIter, solverOptions,
                cdMaxFeatures, aggregationDepth, penaltyOptions);
    }

    /** The same fit with other solver settings. */
    public FitSpec withSolverOptions(SolverOptions options) {
        return new FitSpec(family, groupedMultinomial, alpha, lambdas, nlambda, lambdaMinRatio, nfolds, foldCol, seed,
                typeMeasure, lambdaChoice, screening, standardize, fitIntercept, solver, tol, maxIter, options,
                cdMaxFeatures, aggregationDepth, penaltyOptions);
    }

    /** The subgradient method's and sgd's α₀, or NaN for their default. */
    public double stepSize() {
        return solverOptions.stepSize();
    }

    /** Whether cross-validation runs. */
    public boolean crossValidate() {
        return nfolds > 0 || foldCol != null;
    }
}
