package org.sparklasso.pass;

import org.sparklasso.kernel.HeldOutSums;

import java.io.Serializable;
import org.sparklasso.block.Block;

/**
 * Executor-side sums for the least-squares loss of k coefficient vectors at once (several points
 * of several models: the full model and cross-validation fold models). Column q has its own
 * response center and may exclude one fold: its rows then count as held out. Per column:
 * {@code Σ w r²}, {@code Σ w r}, {@code Σ w r ỹ}, the raw gradient {@code Xᵀ(w∘r)} over the
 * training rows, and {@code Σ w r²}, {@code Σ w |r|}, {@code Σ w} over the held-out rows, where
 * {@code r = y − yCenter − (xᵀv − shift)}. Arrays are allocated on the first block, so the zero
 * value shipped to tasks is small (Spark ML's aggregators do the same). {@link #add} runs on the
 * executors, {@link #merge} there or on the driver; the getters are the driver's
 * ({@link LeastSquaresPass}).
 */
public final class LeastSquaresAggregator implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * What the driver broadcasts for one pass: V (p×k column-major, original-scale coefficients)
     * and per column the shift, response center and excluded fold (-1 for none).
     */
    public record Payload(double[] v, double[] shift, double[] yCenter, int[] excludedFold, int k)
            implements Serializable {
    }

    private final int p;
    private final int k;
    private double[] rawGradient;
    private final double[] sumSquares;
    private final double[] sumResiduals;
    private final double[] sumResidualResponse;
    private final double[] heldOutSquares;
    private final double[] heldOutAbs;
    private final double[] heldOutWeight;

    public LeastSquaresAggregator(int p, int k) {
        this.p = p;
        this.k = k;
        this.sumSquares = new double[k];
        this.sumResiduals = new double[k];
        this.sumResidualResponse = new double[k];
        this.heldOutSquares = new double[k];
        this.heldOutAbs = new double[k];
        this.heldOutWeight = new double[k];
    }

    public LeastSquaresAggregator add(Block block, Payload payload) {
        int n = block.rows();
        if (n == 0) {
            return this;
        }
        if (rawGradient == null) {
            rawGradient = new double[p * k];
        }
        double[] m = new double[n * k];
        block.multiply(payload.v(), k, m);
        for (int q = 0; q < k; q++) {
            int off = q * n;
            double shift = payload.shift()[q];
            double yCenter = payload.yCenter()[q];
            int excluded = payload.excludedFold()[q];
            double ss = 0;
            double sr = 0;
            double sry = 0;
            for (int i = 0; i < n; i++) {
                double yt = block.label(i) - yCenter;
                double r = yt - (m[off + i] - shift);
                double w = block.weight(i);
                if (excluded >= 0 && block.fold(i) == excluded) {
                    heldOutSquares[q] += w * r * r;
                    heldOutAbs[q] += w * Math.abs(r);
                    heldOutWeight[q] += w;
                    m[off + i] = 0;
                    continue;
                }
                double wr = w * r;
                ss += wr * r;
                sr += wr;
                sry += wr * yt;
                m[off + i] = wr;
            }
            sumSquares[q] += ss;
            sumResiduals[q] += sr;
            sumResidualResponse[q] += sry;
        }
        block.addTransposeProduct(m, k, rawGradient);
        return this;
    }

    public LeastSquaresAggregator merge(LeastSquaresAggregator other) {
        rawGradient = PartialSums.merge(rawGradient, other.rawGradient);
        for (int q = 0; q < k; q++) {
            sumSquares[q] += other.sumSquares[q];
            sumResiduals[q] += other.sumResiduals[q];
            sumResidualResponse[q] += other.sumResidualResponse[q];
            heldOutSquares[q] += other.heldOutSquares[q];
            heldOutAbs[q] += other.heldOutAbs[q];
            heldOutWeight[q] += other.heldOutWeight[q];
        }
        return this;
    }

    /** Xᵀ(w∘r) over the training rows of column q (length p). */
    public double[] rawGradient(int q) {
        return PartialSums.slice(rawGradient, q * p, p);
    }

    public double sumSquares(int q) {
        return sumSquares[q];
    }

    public double sumResiduals(int q) {
        return sumResiduals[q];
    }

    public double sumResidualResponse(int q) {
        return sumResidualResponse[q];
    }

    /** Σ w r²/2, Σ w r², Σ w |r| and Σ w over the held-out rows of column q ({@link HeldOutSums}' layout). */
    public double[] heldOut(int q) {
        double[] sums = new double[HeldOutSums.SIZE];
        sums[HeldOutSums.LOSS] = heldOutSquares[q] / 2;
        sums[HeldOutSums.SQ] = heldOutSquares[q];
        sums[HeldOutSums.ABS] = heldOutAbs[q];
        sums[HeldOutSums.W] = heldOutWeight[q];
        return sums;
    }
}
