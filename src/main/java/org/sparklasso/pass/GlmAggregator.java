package org.sparklasso.pass;

import org.sparklasso.kernel.HeldOutSums;

import org.sparklasso.kernel.LogisticRows;
import org.sparklasso.kernel.WeightedColumns;
import org.sparklasso.kernel.WeightedGram;

import dev.ludovic.netlib.blas.BLAS;
import java.io.Serializable;
import org.sparklasso.kernel.Blas;
import org.sparklasso.block.Block;
import org.sparklasso.kernel.VectorKernels;
import org.sparklasso.datafit.Datafit;
import org.sparklasso.datafit.Logistic;

/**
 * Executor-side sums of a generalized linear model's loss at several points (of several models:
 * the full model and cross-validation fold models), each with K margins {@code f = a + Xᵀβ}:
 * per point {@code Σ wℓ}, the raw gradient {@code Xᵀ(w∘r)} (p×K) and {@code Σ w r} over its
 * training rows, and {@code Σ wℓ} (probabilities clamped as cv.glmnet does), misclassified
 * weight, {@code Σ w‖r‖²}, {@code Σ w‖r‖₁}, {@code Σ w} over its held-out fold, and the
 * misclassified weight over its training rows. Optionally (Newton) the per-class weighted Gram
 * matrix of a working set of centered, scaled columns plus an intercept column, at the first
 * point. {@link #add} runs on the executors, {@link #merge} there or on the driver; the getters
 * and {@link #recenter} are the driver's ({@link GlmPass}).
 */
public final class GlmAggregator implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * What the driver broadcasts for one pass: V (p × points·K, original-scale coefficients, class
     * k of point q in column q·K+k), intercepts (points·K), each point's excluded fold (-1: none);
     * for the points that need a Newton step, their working set as positions into
     * {@code union} (else null). The union's columns are gathered once per block, shifted by
     * {@code unionCenter} and not scaled; the driver moves each Hessian to its own model's
     * center and scale ({@link #recenter}).
     */
    public record Payload(Datafit datafit, double[] v, double[] intercepts, int[] excludedFold, int points,
                          int[][] hessianPositions, int[] union, double[] unionCenter) implements Serializable {
    }

    /** Rows per Hessian chunk: its gathered, copied and weighted columns stay in a core's L2 cache. */
    static final int HESSIAN_CHUNK_ROWS = 128;
    /**
     * From this many columns a diagonal Hessian block is one dsyrk (upper triangle, half dgemm's
     * flops) rather than a dgemm: on narrow blocks dsyrk's fixed overhead outweighs the flops it
     * saves. The threshold was set by timing OpenBLAS on {@link #HESSIAN_CHUNK_ROWS}-row chunks.
     */
    static final int SYRK_MIN_COLUMNS = 24;

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
        this.heldOut = new double[points][HeldOutSums.SIZE];
        this.hessian = new double[points][];
    }

    public GlmAggregator add(Block block, Payload payload) {
        return add(block, payload, VectorKernels.enabled());
    }

    /** {@link #add} with the choice of row kernel made by the caller (tests compare both). */
    GlmAggregator add(Block block, Payload payload, boolean vectorized) {
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
        double[][] wh = new double[points][];
        boolean vectorRows = vectorized && k == 1 && datafit instanceof Logistic;
        int[] ranges = vectorRows ? block.foldRanges() : null;
        double[] sums = new double[3];
        for (int q = 0; q < points; q++) {
            int excluded = payload.excludedFold()[q];
            wh[q] = payload.hessianPositions()[q] != null ? new double[k * k * n] : null;
            if (!vectorRows || excluded >= 0 && ranges == null) {
                addRows(block, payload, m, wh, q, 0, n);
                continue;
            }
            // rows sorted by fold: the held-out fold is one range; each range goes through its vector
            // kernel, the last partial vector of each row by row
            int heldFrom = excluded >= 0 && excluded + 1 < ranges.length ? ranges[excluded] : n;
            int heldTo = excluded >= 0 && excluded + 1 < ranges.length ? ranges[excluded + 1] : n;
            java.util.Arrays.fill(sums, 0);
            double intercept = payload.intercepts()[q];
            double[] y = block.labels();
            double[] w = block.weightsOrNull();
            int done = LogisticRows.training(m, q * n, intercept, y, w, 0, heldFrom, wh[q], sums);
            addRows(block, payload, m, wh, q, done, heldFrom);
            done = LogisticRows.heldOut(m, q * n, intercept, y, w, heldFrom, heldTo, heldOut[q]);
            addRows(block, payload, m, wh, q, done, heldTo);
            done = LogisticRows.training(m, q * n, intercept, y, w, heldTo, n, wh[q], sums);
            addRows(block, payload, m, wh, q, done, n);
            loss[q] += sums[0];
            sumResiduals[q] += sums[1];
            heldOut[q][HeldOutSums.TRAIN_MISS] += sums[2];
        }
        if (payload.union() != null) {
            addHessians(block, payload, wh, vectorized);
        }
        block.addTransposeProduct(m, cols, rawGradient);
        return this;
    }

    /**
     * Rows {@code from..to−1} at point q, one at a time: the loss, residuals (written over the
     * margins in {@code m}, zeroed for held-out rows) and Newton weights of training rows, the
     * held-out sums of held-out ones.
     */
    private void addRows(Block block, Payload payload, double[] m, double[][] wh, int q, int from, int to) {
        int n = block.rows();
        Datafit datafit = payload.datafit();
        double[] f = new double[k];
        double[] r = new double[k];
        double[] h = new double[k * k];
        int excluded = payload.excludedFold()[q];
        boolean newton = wh[q] != null;
        for (int i = from; i < to; i++) {
            for (int c = 0; c < k; c++) {
                f[c] = m[(q * k + c) * n + i] + payload.intercepts()[q * k + c];
            }
            double y = block.label(i);
            double w = block.weight(i);
            boolean heldOutRow = excluded >= 0 && block.fold(i) == excluded;
            boolean withHessian = newton && !heldOutRow;
            double l = datafit.evaluate(y, f, r, withHessian ? h : null);
            if (withHessian) {
                for (int c = 0; c < k * k; c++) {
                    wh[q][c * n + i] = w * h[c];
                }
            }
            if (heldOutRow) {
                double sq = 0;
                double abs = 0;
                for (int c = 0; c < k; c++) {
                    sq += r[c] * r[c];
                    abs += Math.abs(r[c]);
                    m[(q * k + c) * n + i] = 0;
                }
                double[] held = heldOut[q];
                held[HeldOutSums.LOSS] += w * datafit.heldOutLoss(y, f);
                held[HeldOutSums.MISS] += datafit.predict(f) != (int) y ? w : 0;
                held[HeldOutSums.SQ] += w * sq;
                held[HeldOutSums.ABS] += w * abs;
                held[HeldOutSums.W] += w;
                continue;
            }
            loss[q] += w * l;
            heldOut[q][HeldOutSums.TRAIN_MISS] += datafit.predict(f) != (int) y ? w : 0;
            for (int c = 0; c < k; c++) {
                double wr = w * r[c];
                m[(q * k + c) * n + i] = wr;
                sumResiduals[q * k + c] += wr;
            }
        }
    }

    /**
     * Adds the Hessians of the Newton points, a chunk of rows at a time: the chunk's union columns
     * are gathered once for all points, and each point's weighted copy and product stay in cache.
     */
    private void addHessians(Block block, Payload payload, double[][] wh, boolean vectorized) {
        int n = block.rows();
        int[] union = payload.union();
        int u = union.length;
        double[] gathered = new double[HESSIAN_CHUNK_ROWS * (u + 1)];
        double[] a = new double[HESSIAN_CHUNK_ROWS * (u + 1)];
        double[] scaled = new double[HESSIAN_CHUNK_ROWS * (u + 1)];
        double[] sqrtWeights = new double[HESSIAN_CHUNK_ROWS];
        WeightedGram tiles = vectorized && WeightedGram.available() ? new WeightedGram() : null;
        // rows sorted by fold: chunks stay within one fold, and a fold model skips its held-out fold
        int[] ranges = block.foldRanges();
        int segments = ranges == null ? 1 : ranges.length - 1;
        for (int fold = 0; fold < segments; fold++) {
            int end = ranges == null ? n : ranges[fold + 1];
            for (int start = ranges == null ? 0 : ranges[fold]; start < end; start += HESSIAN_CHUNK_ROWS) {
                int rows = Math.min(HESSIAN_CHUNK_ROWS, end - start);
                block.gatherColumns(union, payload.unionCenter(), start, rows, gathered);
                for (int q = 0; q < points; q++) {
                    int[] positions = payload.hessianPositions()[q];
                    boolean heldOut = ranges != null && payload.excludedFold()[q] == fold;
                    if (positions != null && !heldOut) {
                        addHessian(q, positions, u, gathered, rows, wh[q], start, n, a, scaled, sqrtWeights,
                                vectorized, tiles);
                    }
                }
            }
        }
    }

    /**
     * Σ_i w ∂²ℓ/∂f_c∂f_c2 a_i a_iᵀ over point q's working set (plus the intercept), c ≤ c2, for one
     * chunk of {@code rows} rows from {@code start}: {@code gathered} holds the chunk's union columns
     * (rows × (u+1), the ones column last) and {@code positions} point q's columns in it;
     * {@code a} and {@code scaled} are scratch of the same size. A diagonal block goes to the tiled
     * kernel ({@code tiles}, when the Vector API runs), else to dsyrk from {@link #SYRK_MIN_COLUMNS}
     * columns, else to dgemm.
     */
    private void addHessian(int q, int[] positions, int u, double[] gathered, int rows, double[] wh, int start,
                            int n, double[] a, double[] scaled, double[] sqrtWeights, boolean vectorized,
                            WeightedGram tiles) {
        int m1 = positions.length + 1;
        int blockSize = m1 * m1;
        if (hessian[q] == null) {
            hessian[q] = new double[k * k * blockSize];
        }
        boolean identity = isIdentity(positions, u);
        boolean symmetricOnly = tiles != null || m1 >= SYRK_MIN_COLUMNS;
        boolean onlyDiagonal = k == 1 && symmetricOnly;
        double[] left = gathered;
        if (!identity && !onlyDiagonal) {
            left = a;
            for (int col = 0; col < positions.length; col++) {
                System.arraycopy(gathered, positions[col] * rows, a, col * rows, rows);
            }
            System.arraycopy(gathered, u * rows, a, positions.length * rows, rows);
        }
        BLAS blas = Blas.get();
        for (int c = 0; c < k; c++) {
            for (int c2 = c; c2 < k; c2++) {
                int pair = c * k + c2;
                int woff = pair * n + start;
                if (c == c2 && symmetricOnly) {
                    // diagonal weights are ≥ 0: (√w∘A)ᵀ(√w∘A), upper triangle only (half dgemm's flops);
                    // with one class the working-set columns are weighted straight from the gathered union
                    int i0 = vectorized ? WeightedColumns.sqrt(wh, woff, sqrtWeights, rows) : 0;
                    for (int i = i0; i < rows; i++) {
                        sqrtWeights[i] = Math.sqrt(wh[woff + i]);
                    }
                    int[] from = new int[m1];
                    for (int col = 0; col < m1; col++) {
                        from[col] = left != gathered || identity ? col * rows
                                : (col < m1 - 1 ? positions[col] : u) * rows;
                    }
                    if (tiles != null) {
                        tiles.addUpper(left, from, m1, sqrtWeights, rows, hessian[q], pair * blockSize);
                        continue;
                    }
                    for (int col = 0; col < m1; col++) {
                        int off = col * rows;
                        int i1 = vectorized ? WeightedColumns.scale(left, from[col], sqrtWeights, 0, scaled, off, rows)
                                : 0;
                        for (int i = i1; i < rows; i++) {
                            scaled[off + i] = left[from[col] + i] * sqrtWeights[i];
                        }
                    }
                    blas.dsyrk("U", "T", m1, rows, 1.0, scaled, 0, rows, 1.0, hessian[q], pair * blockSize, m1);
                    continue;
                }
                for (int col = 0; col < m1; col++) {
                    int off = col * rows;
                    int i1 = vectorized ? WeightedColumns.scale(left, off, wh, woff, scaled, off, rows) : 0;
                    for (int i = i1; i < rows; i++) {
                        scaled[off + i] = left[off + i] * wh[woff + i];
                    }
                }
                blas.dgemm("T", "N", m1, m1, rows, 1.0, left, 0, rows, scaled, 0, rows, 1.0, hessian[q],
                        pair * blockSize, m1);
            }
        }
    }

    private static boolean isIdentity(int[] positions, int u) {
        if (positions.length != u) {
            return false;
        }
        for (int i = 0; i < u; i++) {
            if (positions[i] != i) {
                return false;
            }
        }
        return true;
    }

    /**
     * Moves a Hessian block of columns shifted by c₀ (m working columns, then the intercept; m1 =
     * m + 1, column-major) to the model's own center c and scale s, in place: with δ = c − c₀,
     * Σ w (a − δ)(a − δ)ᵀ = H − δvᵀ − vδᵀ + σδδᵀ and Σ w (a − δ) = v − σδ (v the intercept column,
     * σ the corner), then rows and columns divided by s. The shift is a small difference of means
     * (fold against full data), so nothing cancels.
     */
    public static void recenter(double[] block, int m1, double[] delta, double[] scale) {
        int m = m1 - 1;
        double sigma = block[m + m * m1];
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            v[i] = block[i + m * m1];
        }
        for (int col = 0; col < m; col++) {
            for (int row = 0; row < m; row++) {
                double x = block[row + col * m1] - delta[row] * v[col] - v[row] * delta[col]
                        + sigma * delta[row] * delta[col];
                block[row + col * m1] = x / (scale[row] * scale[col]);
            }
        }
        for (int i = 0; i < m; i++) {
            double x = (v[i] - sigma * delta[i]) / scale[i];
            block[i + m * m1] = x;
            block[m + i * m1] = x;
        }
    }

    public GlmAggregator merge(GlmAggregator other) {
        rawGradient = PartialSums.merge(rawGradient, other.rawGradient);
        for (int q = 0; q < points; q++) {
            hessian[q] = PartialSums.merge(hessian[q], other.hessian[q]);
            loss[q] += other.loss[q];
            for (int c = 0; c < HeldOutSums.SIZE; c++) {
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
        return PartialSums.slice(rawGradient, (q * k + c) * p, p);
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
        int pair = Math.min(c, c2) * k + Math.max(c, c2);
        double[] out = PartialSums.slice(hessian[q], pair * m1 * m1, m1 * m1);
        if (c == c2) {
            // a diagonal block may hold only its upper triangle (dsyrk): mirror it
            for (int col = 0; col < m1; col++) {
                for (int row = col + 1; row < m1; row++) {
                    out[row + col * m1] = out[col + row * m1];
                }
            }
        }
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
