package org.sparklasso.model;

import org.sparklasso.solver.SolverResult;

/**
 * One fitted model at one λ, on the original scale of the features, with how the solve went.
 *
 * @param mse  weighted training mean squared error Σwr²/Σw
 * @param r2   1 − Σwr² / Σw(y − ȳ)²
 */
public record FittedModel(double lambda, double intercept, double[] coefficients, SolverResult solve,
                          double mse, double r2) {

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
