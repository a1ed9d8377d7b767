package org.sparklasso.aggregate;

import dev.ludovic.netlib.blas.BLAS;
import java.io.Serializable;
import org.sparklasso.data.Blas;
import org.sparklasso.data.Block;
import org.sparklasso.datafit.Datafit;

/**
 * Executor-side sums of a generalized linear model's loss at several points (of several models:
 * the full model and cross-validation fold models), each with K margins {@code f = a + Xᵀβ}:
 * per point {@code Σ wℓ}, the raw gradient {@code Xᵀ(w∘r)} (p×K) and {@code Σ w r} over its
 * training rows, and {@code Σ wℓ} (probabilities clamped as cv.glmnet does), misclassified weight, {@code Σ w‖r‖²}, {@code Σ w‖r‖₁},
 * {@code Σ w} over its held-out fold, and the misclassified weight over its training rows. Optionally (Newton) the per-class weighted Gram matrix of a
 * working set of centered, scaled columns plus an intercept column, at the first point.
 */
public final class GlmAggregator implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Held-out sums per point: loss, misclassified, squared residual, absolute residual, weight. */
    public static final int HELD_LOSS = 0;
    public static final int HELD_MISS = 1;
    public static final int HELD_SQ = 2;
    public static final int HELD_ABS = 3;
    public static final int HELD_W = 4;
    /** Misclassified weight among the training rows. */
    public static final int TRAIN_MISS = 5;

    /**
     * What the driver broadcasts for one pass: V (p × points·K, original-scale coefficients, class
     * k of point q in column q·K+k), intercepts (points·K), each point's excluded fold (-1: none);
     * and for the points that need a Newton step, the working set (else null) and the center and
     * scale of that point's model.
     */
    public record Payload(Datafit datafit, double[] v, double[] intercepts, int[] excludedFold, int points,
                          int[][] hessianColumns, double[][] center, double[][] scale) implements Serializable {
    }

    private final int p;
    private final int k;
    private final int points;
    private double[] rawGradient;
    private final double[] loss;
    private final double[] sumResiduals;
    private final double[][] heldOut;
    /** Per point: K×K blocks of (m+1)×(m+1) (block (c, c2) for c ≤ c2), m = its working-set size. */
    private double[][] hessian;

    public GlmAggregator(int p, int k, int points) {
        this.p = p;
        this.k = k;
        this.points = points;
        this.loss = new double[points];
        this.sumResiduals = new double[points * k];
        this.heldOut = new double[points][6];
        this.hessian = new double[points][];
    }

    public GlmAggregator add(Block block, Payload payload) {
        int n = block.rows();
        if (n == 0) {
            return this;
        }
        int cols = points * k;
        if (rawGradient == null) {
            rawGradient = new double[p * cols];
        }
        double[] m = new double[n * cols];
        block.multiply(payload.v(), cols, m);
        Datafit datafit = payload.datafit();
        double[] f = new double[k];
        double[] r = new double[k];
        double[] h = new double[k * k];
        for (int q = 0; q < points; q++) {
            int excluded = payload.excludedFold()[q];
            boolean newton = payload.hessianColumns()[q] != null;
            double[] wh = newton ? new double[k * k * n] : null;
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) {
                    f[c] = m[(q * k + c) * n + i] + payload.intercepts()[q * k + c];
                }
                double y = block.label(i);
                double w = block.weight(i);
                boolean heldOutRow = excluded >= 0 && block.fold(i) == excluded;
                if (newton && !heldOutRow) {
                    datafit.hessian(y, f, h);
                    for (int c = 0; c < k * k; c++) {
                        wh[c * n + i] = w * h[c];
                    }
                }
                double l = datafit.lossAndResidual(y, f, r);
                if (heldOutRow) {
                    double sq = 0;
                    double abs = 0;
                    for (int c = 0; c < k; c++) {
                        sq += r[c] * r[c];
                        abs += Math.abs(r[c]);
                        m[(q * k + c) * n + i] = 0;
                    }
                    double[] held = heldOut[q];
                    held[HELD_LOSS] += w * datafit.heldOutLoss(y, f);
                    held[HELD_MISS] += datafit.predict(f) != (int) y ? w : 0;
                    held[HELD_SQ] += w * sq;
                    held[HELD_ABS] += w * abs;
                    held[HELD_W] += w;
                    continue;
                }
                loss[q] += w * l;
                heldOut[q][TRAIN_MISS] += datafit.predict(f) != (int) y ? w : 0;
                for (int c = 0; c < k; c++) {
                    double wr = w * r[c];
                    m[(q * k + c) * n + i] = wr;
                    sumResiduals[q * k + c] += wr;
                }
            }
            if (newton) {
                addHessian(block, q, payload, wh);
            }
        }
        block.addTransposeProduct(m, cols, rawGradient);
        return this;
    }

    /** Σ_i w ∂²ℓ/∂f_c∂f_c2 x̃_i x̃_iᵀ over point q's working set (plus intercept), c ≤ c2. */
    private void addHessian(Block block, int q, Payload payload, double[] wh) {
        int n = block.rows();
        int[] set = payload.hessianColumns()[q];
        int m1 = set.length + 1;
        int blockSize = m1 * m1;
        if (hessian[q] == null) {
            hessian[q] = new double[k * k * blockSize];
        }
        double[] a = new double[n * m1];
        block.gatherColumns(set, payload.center()[q], payload.scale()[q], a);
        double[] scaled = new double[n * m1];
        BLAS blas = Blas.get();
        for (int c = 0; c < k; c++) {
            for (int c2 = c; c2 < k; c2++) {
                int pair = c * k + c2;
                for (int col = 0; col < m1; col++) {
                    for (int i = 0; i < n; i++) {
                        scaled[col * n + i] = a[col * n + i] * wh[pair * n + i];
                    }
                }
                blas.dgemm("T", "N", m1, m1, n, 1.0, a, 0, n, scaled, 0, n, 1.0, hessian[q], pair * blockSize, m1);
            }
        }
    }

    public GlmAggregator merge(GlmAggregator other) {
        rawGradient = PartialSums.merge(rawGradient, other.rawGradient);
        for (int q = 0; q < points; q++) {
            hessian[q] = PartialSums.merge(hessian[q], other.hessian[q]);
            loss[q] += other.loss[q];
            for (int c = 0; c < 6; c++) {
                heldOut[q][c] += other.heldOut[q][c];
            }
        }
        for (int i = 0; i < sumResiduals.length; i++) {
            sumResiduals[i] += other.sumResiduals[i];
        }
        return this;
    }

    /** Σ wℓ over the training rows of point q. */
    public double loss(int q) {
        return loss[q];
    }

    /** Xᵀ(w∘r) of point q, class c (length p). */
    public double[] rawGradient(int q, int c) {
        double[] g = new double[p];
        if (rawGradient != null) {
            System.arraycopy(rawGradient, (q * k + c) * p, g, 0, p);
        }
        return g;
    }

    public double sumResiduals(int q, int c) {
        return sumResiduals[q * k + c];
    }

    public double[] heldOut(int q) {
        return heldOut[q].clone();
    }

    /**
     * Point q's Hessian block for classes (c, c2): (m+1)×(m+1), column-major, rows indexed by
     * class c's coordinates; zeros if no rows.
     */
    public double[] hessian(int q, int c, int c2, int m1) {
        double[] out = new double[m1 * m1];
        if (hessian[q] == null) {
            return out;
        }
        int pair = Math.min(c, c2) * k + Math.max(c, c2);
        System.arraycopy(hessian[q], pair * m1 * m1, out, 0, m1 * m1);
        if (c > c2) {
            double[] t = new double[m1 * m1];
            for (int col = 0; col < m1; col++) {
                for (int row = 0; row < m1; row++) {
                    t[row + col * m1] = out[col + row * m1];
                }
            }
            return t;
        }
        return out;
    }
}
