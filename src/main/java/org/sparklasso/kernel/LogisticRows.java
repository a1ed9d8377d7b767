package org.sparklasso.kernel;


import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The binomial per-row work of a GLM pass, vectorized with the JDK's Vector API (exp, log and
 * log1p by its SVML intrinsics), with e = exp(−|f|) as in the logistic datafit.
 * For a run of training rows with margins f = m + a: the loss {@code max(f, 0) + log1p(e) − y f},
 * the weighted residual {@code w (y − σ(f))} written back over the margins, the Newton weight
 * {@code w e/(1 + e)²} and the misclassified weight; for a run of held-out rows, the sums
 * cross-validation scores them by. This loop runs for every row at
 * every point of every pass; scalar, exp, log1p and the divisions cost about 50 ns a row, 7× this
 * (measured with AVX-512 on 8 lanes). Only loaded when {@link VectorKernels#enabled()} says so.
 */
public final class LogisticRows {
    private static final VectorSpecies<Double> SPECIES = DoubleLanes.SPECIES;

    private LogisticRows() {
    }

    /**
     * Rows {@code from} to the last full vector before {@code to}: margins {@code m[off + i]}
     * (replaced by the weighted residuals), labels y, weights w (null: all 1), Newton weights into
     * {@code wh[i]} unless null. Adds Σ w ℓ, Σ w r and the misclassified weight to
     * {@code sums[0..2]}; returns the first row not done (the caller does the rest, scalar).
     */
    public static int training(double[] m, int off, double intercept, double[] y, double[] w, int from, int to,
                        double[] wh, double[] sums) {
        int lanes = SPECIES.length();
        DoubleVector loss = DoubleVector.zero(SPECIES);
        DoubleVector residuals = DoubleVector.zero(SPECIES);
        DoubleVector missed = DoubleVector.zero(SPECIES);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        int i = from;
        for (; i + lanes <= to; i += lanes) {
            DoubleVector f = DoubleVector.fromArray(SPECIES, m, off + i).add(intercept);
            DoubleVector e = f.abs().neg().lanewise(VectorOperators.EXP);
            DoubleVector inv = one.div(e.add(1.0));
            DoubleVector eInv = e.mul(inv);
            VectorMask<Double> positive = f.compare(VectorOperators.GT, 0.0);
            // σ(f) = 1/(1 + e) for f ≥ 0, e/(1 + e) below (at f = 0 both are ½)
            DoubleVector sigma = eInv.blend(inv, positive);
            DoubleVector label = DoubleVector.fromArray(SPECIES, y, i);
            DoubleVector weight = w == null ? one : DoubleVector.fromArray(SPECIES, w, i);
            DoubleVector wr = label.sub(sigma).mul(weight);
            wr.intoArray(m, off + i);
            residuals = residuals.add(wr);
            if (wh != null) {
                eInv.mul(inv).mul(weight).intoArray(wh, i);
            }
            DoubleVector l = f.max(0.0).add(e.lanewise(VectorOperators.LOG1P)).sub(label.mul(f));
            loss = loss.add(l.mul(weight));
            // predicted class 1 exactly when f > 0
            VectorMask<Double> wrong = positive.eq(label.compare(VectorOperators.EQ, 1.0)).not();
            missed = missed.add(weight, wrong);
        }
        sums[0] += loss.reduceLanes(VectorOperators.ADD);
        sums[1] += residuals.reduceLanes(VectorOperators.ADD);
        sums[2] += missed.reduceLanes(VectorOperators.ADD);
        return i;
    }

    /**
     * Held-out rows {@code from} to the last full vector before {@code to}: adds to
     * {@code held[HeldOutSums.*]} the weighted held-out loss (probabilities clamped to
     * [1e-5, 1 − 1e-5] as cv.glmnet does), misclassified weight, Σ w r², Σ w |r| and Σ w, and
     * zeroes the rows' margins (they add nothing to the gradient); returns the first row not done.
     */
    public static int heldOut(double[] m, int off, double intercept, double[] y, double[] w, int from, int to,
                       double[] held) {
        int lanes = SPECIES.length();
        DoubleVector loss = DoubleVector.zero(SPECIES);
        DoubleVector missed = DoubleVector.zero(SPECIES);
        DoubleVector squares = DoubleVector.zero(SPECIES);
        DoubleVector absolutes = DoubleVector.zero(SPECIES);
        DoubleVector total = DoubleVector.zero(SPECIES);
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector zero = DoubleVector.zero(SPECIES);
        double low = HeldOutSums.PROB_MIN;
        int i = from;
        for (; i + lanes <= to; i += lanes) {
            DoubleVector f = DoubleVector.fromArray(SPECIES, m, off + i).add(intercept);
            DoubleVector e = f.abs().neg().lanewise(VectorOperators.EXP);
            DoubleVector inv = one.div(e.add(1.0));
            VectorMask<Double> positive = f.compare(VectorOperators.GT, 0.0);
            DoubleVector sigma = e.mul(inv).blend(inv, positive);
            DoubleVector label = DoubleVector.fromArray(SPECIES, y, i);
            DoubleVector weight = w == null ? one : DoubleVector.fromArray(SPECIES, w, i);
            DoubleVector r = label.sub(sigma);
            DoubleVector clamped = sigma.max(low).min(1 - low);
            DoubleVector l = label.mul(clamped.lanewise(VectorOperators.LOG))
                    .add(one.sub(label).mul(one.sub(clamped).lanewise(VectorOperators.LOG))).neg();
            loss = loss.add(l.mul(weight));
            VectorMask<Double> wrong = positive.eq(label.compare(VectorOperators.EQ, 1.0)).not();
            missed = missed.add(weight, wrong);
            squares = squares.add(r.mul(r).mul(weight));
            absolutes = absolutes.add(r.abs().mul(weight));
            total = total.add(weight);
            zero.intoArray(m, off + i);
        }
        held[HeldOutSums.LOSS] += loss.reduceLanes(VectorOperators.ADD);
        held[HeldOutSums.MISS] += missed.reduceLanes(VectorOperators.ADD);
        held[HeldOutSums.SQ] += squares.reduceLanes(VectorOperators.ADD);
        held[HeldOutSums.ABS] += absolutes.reduceLanes(VectorOperators.ADD);
        held[HeldOutSums.W] += total.reduceLanes(VectorOperators.ADD);
        return i;
    }
}
