package org.sparklasso.path;

import org.sparklasso.block.Standardization;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sparklasso.solver.SolverResult;

/**
 * One fitted model at one λ, on the original scale of the features, with how the solve went.
 * K = 1 for gaussian and binomial (binomial: the coefficients of the second class, as glmnet),
 * K classes for multinomial.
 *
 * @param intercepts   one per class (K)
 * @param coefficients K blocks of p original-scale coefficients (class-major)
 * @param devRatio     fraction of the null deviance explained (glmnet's dev.ratio)
 * @param quality      training-data measures: mse and r2 (gaussian), logLoss and accuracy
 *                     (binomial, multinomial), auc (binomial), in insertion order
 */
public record FittedModel(double lambda, double[] intercepts, double[] coefficients, int classes, SolverResult solve,
                          double devRatio, Map<String, Double> quality) {

    /** A Gaussian model from an internal least-squares solution. */
    public static FittedModel of(double lambda, SolverResult r, Standardization s) {
        double[] beta = s.toOriginal(r.coefficients());
        double mse = 2 * r.loss();
        double r2 = s.labelVariance() > 0 ? 1 - mse / s.labelVariance() : 0;
        double null2 = s.responseSquareMean();
        double devRatio = null2 > 0 ? Math.max(0, 1 - mse / null2) : 0;
        Map<String, Double> quality = new LinkedHashMap<>();
        quality.put("mse", mse);
        quality.put("r2", r2);
        return new FittedModel(lambda, new double[] {s.intercept(beta)}, beta, 1, r, devRatio, quality);
    }

    /**
     * A binomial/multinomial model from an internal solution laid out as K blocks of p
     * coefficients then K intercepts (on centered, scaled features). An unpenalized feature's K
     * coefficients (multinomial) are, like the intercepts, determined only up to a common shift:
     * they are centred over the classes, as glmnet reports them.
     *
     * @param unpenalized the features with penalty factor 0, or null
     */
    public static FittedModel ofClasses(double lambda, SolverResult r, Standardization s, int classes,
                                        double devRatio, Map<String, Double> quality, boolean[] unpenalized) {
        double[] x = r.coefficients();
        int p = s.numFeatures();
        double[] beta = new double[p * classes];
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < p; j++) {
                beta[k * p + j] = s.active()[j] ? x[k * p + j] / s.scale()[j] : 0;
            }
        }
        if (classes > 1 && unpenalized != null) {
            for (int j = 0; j < p; j++) {
                if (unpenalized[j]) {
                    double mean = 0;
                    for (int k = 0; k < classes; k++) {
                        mean += beta[k * p + j] / classes;
                    }
                    for (int k = 0; k < classes; k++) {
                        beta[k * p + j] -= mean;
                    }
                }
            }
        }
        double[] a = new double[classes];
        for (int k = 0; k < classes; k++) {
            a[k] = x[p * classes + k];
            for (int j = 0; j < p; j++) {
                a[k] -= s.center()[j] * beta[k * p + j];
            }
        }
        if (classes > 1) {
            centerIntercepts(a);
        }
        return new FittedModel(lambda, a, beta, classes, r, devRatio, quality);
    }

    /**
     * Moves multinomial intercepts to mean zero. The softmax likelihood does not change when one
     * constant is added to every class's intercept, and the intercepts are not penalized, so their
     * common level is whatever the solver's rounding left (seen to move by O(1) between runs that
     * merge partial sums in another order); glmnet reports them centred
     * ({@code a0 = scale(a0, TRUE, FALSE)} in its multinomial fit), and so do we.
     */
    private static void centerIntercepts(double[] a) {
        double mean = 0;
        for (double v : a) {
            mean += v / a.length;
        }
        for (int k = 0; k < a.length; k++) {
            a[k] -= mean;
        }
    }

    /** The (first) intercept. */
    public double intercept() {
        return intercepts[0];
    }

    public int numFeatures() {
        return coefficients.length / classes;
    }

    /** Training mean squared error (gaussian; NaN otherwise). */
    public double mse() {
        return quality.getOrDefault("mse", Double.NaN);
    }

    /** Features with a nonzero coefficient in any class (glmnet's df). */
    public int nnz() {
        int p = numFeatures();
        int nnz = 0;
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < classes; k++) {
                if (coefficients[k * p + j] != 0) {
                    nnz++;
                    break;
                }
            }
        }
        return nnz;
    }

    /**
     * For an approximate solver's model (subgradient): the features nonzero in any class after its
     * documented thresholding ({@link SolverResult.Approximate}); -1 for the exact solvers.
     */
    public int thresholdedNnz() {
        if (solve.approximate() == null) {
            return -1;
        }
        double[] t = solve.approximate().thresholded();
        int p = numFeatures();
        int nnz = 0;
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < classes; k++) {
                if (t[k * p + j] != 0) {   // internal layout: class k's p coefficients, then the intercepts
                    nnz++;
                    break;
                }
            }
        }
        return nnz;
    }

    /**
     * Fraction of the coefficients that are not zero: the seed's "sparsity ratio" (the proportion
     * of features with non-zero weights; over every class's coefficient for multinomial). Always
     * {@code 1 − sparsityRatio()}.
     */
    public double nonzeroFraction() {
        return coefficients.length == 0 ? 0 : 1 - sparsityRatio();
    }

    /** Fraction of the coefficients that are exactly zero (metrics.json's {@code sparsityRatio}). */
    public double sparsityRatio() {
        if (coefficients.length == 0) {
            return 0;
        }
        int zeros = 0;
        for (double c : coefficients) {
            zeros += c == 0 ? 1 : 0;
        }
        return (double) zeros / coefficients.length;
    }
}
