package org.sparklasso.model;

import org.sparklasso.solver.SolverResult;

/**
 * One fitted model at one λ, on the original scale of the features, with how the solve went.
 *
 * @param mse      weighted training mean squared error Σwr²/Σw
 * @param r2       1 − Σwr² / Σw(y − ȳ)²
 * @param devRatio fraction of the null deviance explained (glmnet's dev.ratio; equals r2 with an
 *                 intercept, uses the uncentered Σwy² without)
 */
public record FittedModel(double lambda, double intercept, double[] coefficients, SolverResult solve,
                          double mse, double r2, double devRatio) {

    /** Maps an internal solution back to the original scale. */
    public static FittedModel of(double lambda, SolverResult r, Standardization s) {
        double[] beta = s.toOriginal(r.coefficients());
        double mse = 2 * r.loss();
        double r2 = s.labelVariance() > 0 ? 1 - mse / s.labelVariance() : 0;
        double null2 = s.responseSquareMean();
        double devRatio = null2 > 0 ? 1 - mse / null2 : 0;
        return new FittedModel(lambda, s.intercept(beta), beta, r, mse, r2, devRatio);
    }

    public int nnz() {
        int nnz = 0;
        for (double c : coefficients) {
            if (c != 0) {
                nnz++;
            }
        }
        return nnz;
    }

    /** Fraction of the coefficients that are exactly zero. */
    public double sparsityRatio() {
        return coefficients.length == 0 ? 0 : (double) (coefficients.length - nnz()) / coefficients.length;
    }
}
