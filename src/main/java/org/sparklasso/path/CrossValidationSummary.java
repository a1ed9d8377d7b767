package org.sparklasso.path;

/**
 * cv.glmnet's summary of per-fold errors (glmnet 4.1.6 {@code cvcompute} and
 * {@code getOptcv.glmnet}): with Eₖₗ the weighted mean error of fold k at λₗ and Wₖ the fold's
 * total weight, {@code cvm = Σₖ WₖEₖₗ / ΣₖWₖ} and
 * {@code cvsd = sqrt(Σₖ Wₖ(Eₖₗ − cvm)² / ΣₖWₖ / (K − 1))}; lambda.min is the largest λ with the
 * smallest cvm, lambda.1se the largest λ with cvm ≤ cvm(lambda.min) + cvsd(lambda.min).
 *
 * @param lambdas decreasing
 */
public record CrossValidationSummary(double[] lambdas, double[] cvm, double[] cvsd, int indexMin, int index1se) {

    /**
     * @param foldErrors  Eₖₗ: [fold][λ]
     * @param foldWeights Wₖ
     */
    public static CrossValidationSummary of(double[] lambdas, double[][] foldErrors, double[] foldWeights) {
        int folds = foldErrors.length;
        int n = lambdas.length;
        double total = 0;
        for (double w : foldWeights) {
            total += w;
        }
        double[] cvm = new double[n];
        double[] cvsd = new double[n];
        for (int l = 0; l < n; l++) {
            double m = 0;
            for (int k = 0; k < folds; k++) {
                m += foldWeights[k] * foldErrors[k][l];
            }
            m /= total;
            double v = 0;
            for (int k = 0; k < folds; k++) {
                double d = foldErrors[k][l] - m;
                v += foldWeights[k] * d * d;
            }
            cvm[l] = m;
            cvsd[l] = Math.sqrt(v / total / (folds - 1));
        }
        int min = 0;
        for (int l = 1; l < n; l++) {
            if (cvm[l] < cvm[min]) {
                min = l;
            }
        }
        // lambdas decrease, so the first index reaching the bound is the largest λ
        double bound = cvm[min] + cvsd[min];
        int oneSe = min;
        for (int l = 0; l < n; l++) {
            if (cvm[l] <= bound) {
                oneSe = l;
                break;
            }
        }
        return new CrossValidationSummary(lambdas, cvm, cvsd, min, oneSe);
    }

    /**
     * As {@link #of} for a measure to maximize (auc): lambda.min is the largest λ with the largest
     * cvm, lambda.1se the largest λ with cvm ≥ cvm(lambda.min) − cvsd(lambda.min) (cv.glmnet
     * negates the measure).
     */
    public static CrossValidationSummary ofMaximized(double[] lambdas, double[][] foldErrors, double[] foldWeights) {
        double[][] negated = new double[foldErrors.length][];
        for (int k = 0; k < foldErrors.length; k++) {
            negated[k] = foldErrors[k].clone();
            for (int l = 0; l < negated[k].length; l++) {
                negated[k][l] = -negated[k][l];
            }
        }
        CrossValidationSummary s = of(lambdas, negated, foldWeights);
        double[] cvm = s.cvm().clone();
        for (int l = 0; l < cvm.length; l++) {
            cvm[l] = -cvm[l];
        }
        return new CrossValidationSummary(lambdas, cvm, s.cvsd(), s.indexMin(), s.index1se());
    }

    public double lambdaMin() {
        return lambdas[indexMin];
    }

    public double lambda1se() {
        return lambdas[index1se];
    }
}
