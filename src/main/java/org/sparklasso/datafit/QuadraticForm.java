package org.sparklasso.datafit;

/**
 * A least-squares loss reduced to its coordinate statistics (glmnet's covariance mode):
 * {@code f(b) = ½ (yy − 2 cᵀb + bᵀ G b)} with {@code G = X̃ᵀWX̃/n} (full, column-major),
 * {@code c = X̃ᵀWỹ/n}, {@code yy = ỹᵀWỹ/n}. Holding G makes every further iteration free of data
 * passes.
 */
public record QuadraticForm(int p, double[] gram, double[] c, double yy) {

    public double gram(int row, int col) {
        return gram[row + col * p];
    }
}
