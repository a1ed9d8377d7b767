package org.sparklasso.datafit;

import org.sparklasso.kernel.GramStatistics;
import org.sparklasso.block.Standardization;

/**
 * Coordinate statistics of every fold, taken in one pass in the global coordinates
 * {@code z = (x − c)/d}, {@code t = y − yc} of the full data. From them, any model's quadratic
 * form follows exactly, in that model's own coordinates: the full model, or the model fitted on
 * every fold but one (its own centering and scaling, as glmnet would compute them on those
 * rows). The held-out fold's squared error of any linear model follows too — no further pass.
 *
 * <p>With δ = (c′ − c)/d, ρ = d/d′ and ε = yc′ − yc for the model's center c′, scale d′ and
 * response center yc′: {@code x̃′ = ρ(z − δ)}, {@code ỹ′ = t − ε}, so its sums are affine
 * corrections of the stored ones. Storing z (near-standardized) keeps those corrections small.
 */
public final class CovarianceStatistics {
    private final Standardization global;
    private final GramStatistics[] folds;
    private final int p;

    public CovarianceStatistics(Standardization global, GramStatistics[] folds) {
        this.global = global;
        this.folds = folds;
        this.p = global.numFeatures();
    }

    public int numFolds() {
        return folds.length;
    }

    /** Sums over every fold except {@code excluded} (-1: all folds). */
    private double[][] training(int excluded) {
        double[] s = new double[p * p];
        double[] zs = new double[p];
        double[] zt = new double[p];
        double[] scalars = new double[3]; // tt, ts, w
        for (int k = 0; k < folds.length; k++) {
            if (k == excluded) {
                continue;
            }
            GramStatistics g = folds[k];
            add(s, g.gram());
            add(zs, g.xSum());
            add(zt, g.xy());
            scalars[0] += g.yy();
            scalars[1] += g.ySum();
            scalars[2] += g.weightSum();
        }
        // the Gram kernels fill the upper triangle only
        for (int col = 0; col < p; col++) {
            for (int row = col + 1; row < p; row++) {
                s[row + col * p] = s[col + row * p];
            }
        }
        return new double[][] {s, zs, zt, scalars};
    }

    private static void add(double[] into, double[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    /**
     * The normalized quadratic form of the model fitted on every fold but {@code excluded}
     * (-1: all rows) in that model's coordinates {@code m}.
     */
    public QuadraticForm quadraticForm(int excluded, Standardization m) {
        double[][] t = training(excluded);
        double[] s = t[0];
        double[] zs = t[1];
        double[] zt = t[2];
        double tt = t[3][0];
        double ts = t[3][1];
        double w = t[3][2];
        double[] delta = new double[p];
        double[] rho = new double[p];
        boolean[] active = m.active();
        for (int j = 0; j < p; j++) {
            delta[j] = (m.center()[j] - global.center()[j]) / global.scale()[j];
            rho[j] = active[j] ? global.scale()[j] / m.scale()[j] : 0;
        }
        double eps = m.yCenter() - global.yCenter();
        double[] gram = new double[p * p];
        double[] c = new double[p];
        for (int l = 0; l < p; l++) {
            for (int j = 0; j < p; j++) {
                double v = s[j + l * p] - delta[j] * zs[l] - zs[j] * delta[l] + w * delta[j] * delta[l];
                gram[j + l * p] = rho[j] * rho[l] * v / w;
            }
            c[l] = rho[l] * (zt[l] - delta[l] * ts - eps * zs[l] + w * delta[l] * eps) / w;
        }
        for (int j = 0; j < p; j++) {
            if (!active[j]) {
                gram[j + j * p] = 1;
            }
        }
        double yy = (tt - 2 * eps * ts + w * eps * eps) / w;
        return new QuadraticForm(p, gram, c, yy);
    }

    /** Σ w over fold k. */
    public double foldWeight(int k) {
        return folds[k].weightSum();
    }

    /**
     * Σ_{i ∈ fold k} wᵢ (yᵢ − b0 − xᵢᵀβ)² for an original-scale model: with a = b0 + cᵀβ − yc and
     * γ = d∘β, it is {@code tt − 2a·ts − 2γᵀzt + a²W + 2a·γᵀzs + γᵀSγ} over the fold's sums.
     */
    public double heldOutSquaredError(int k, double intercept, double[] beta) {
        GramStatistics g = folds[k];
        double a = intercept - global.yCenter();
        double[] gamma = new double[p];
        for (int j = 0; j < p; j++) {
            a += global.center()[j] * beta[j];
            gamma[j] = global.scale()[j] * beta[j];
        }
        double[] s = g.gram();
        double quad = 0;
        for (int l = 0; l < p; l++) {
            if (gamma[l] == 0) {
                continue;
            }
            double col = 0;
            for (int j = 0; j < p; j++) {
                // upper triangle holds S[min, max]
                col += (j <= l ? s[j + l * p] : s[l + j * p]) * gamma[j];
            }
            quad += gamma[l] * col;
        }
        double gzt = 0;
        double gzs = 0;
        for (int j = 0; j < p; j++) {
            gzt += gamma[j] * g.xy()[j];
            gzs += gamma[j] * g.xSum()[j];
        }
        double sse = g.yy() - 2 * a * g.ySum() - 2 * gzt + a * a * g.weightSum() + 2 * a * gzs + quad;
        return Math.max(0, sse);
    }
}
