package org.sparklasso.datafit;

/**
 * Multinomial (softmax) loss {@code ℓ = log Σₖ e^{fₖ} − f_y} for a class index y; computed with
 * the max subtracted. r_k = [y = k] − p_k; Hessian diag(p) − ppᵀ.
 */
public final class Multinomial implements Datafit {
    private static final long serialVersionUID = 1L;
    private final int classes;

    public Multinomial(int classes) {
        this.classes = classes;
    }

    @Override
    public double curvatureBound() {
        return 0.5;
    }

    @Override
    public int margins() {
        return classes;
    }

    /** Writes softmax(f) into p and returns log Σ e^f. */
    private double softmax(double[] f, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, f[k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            p[k] = Math.exp(f[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < classes; k++) {
            p[k] /= sum;
        }
        return max + Math.log(sum);
    }

    @Override
    public double evaluate(double y, double[] f, double[] r, double[] h) {
        double lse = softmax(f, r);
        if (h != null) {
            for (int k = 0; k < classes; k++) {
                for (int l = 0; l < classes; l++) {
                    h[k * classes + l] = (k == l ? r[k] : 0) - r[k] * r[l];
                }
            }
        }
        int c = (int) y;
        for (int k = 0; k < classes; k++) {
            r[k] = (k == c ? 1 : 0) - r[k];
        }
        return lse - f[c];
    }

    @Override
    public double heldOutLoss(double y, double[] f) {
        double[] p = new double[classes];
        softmax(f, p);
        double py = Math.min(Math.max(p[(int) y], PROB_MIN), 1 - PROB_MIN);
        return -Math.log(py);
    }

    @Override
    public int predict(double[] f) {
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (f[k] > f[best]) {
                best = k;
            }
        }
        return best;
    }
}
