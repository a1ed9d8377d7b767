package org.sparklasso.pass;

import java.util.Arrays;

/**
 * The area under the ROC curve of scored observations, weighted: the probability that a random
 * positive (weight-sampled) scores above a random negative, ties counting one half
 * (Mann–Whitney). Computed exactly by sorting, on the driver (from the scores
 * {@link ScoringPasses#auc} collects).
 */
public final class Auc {
    private Auc() {
    }

    /**
     * The AUC of scores with labels (0/1) and weights. The distinct scores are sorted as primitives
     * and each row's weight goes to its score's rank by binary search: no boxed comparisons, so the
     * cost is that of sorting n doubles.
     *
     * @return the AUC, or NaN when one class is absent
     */
    public static double weighted(double[] scores, double[] labels, double[] weights) {
        if (equalWeights(weights)) {
            return unweighted(scores, labels);
        }
        double[] distinct = scores.clone();
        Arrays.sort(distinct);
        int d = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (d == 0 || Double.compare(distinct[i], distinct[d - 1]) != 0) {
                distinct[d++] = distinct[i];
            }
        }
        double[] posAt = new double[d];
        double[] negAt = new double[d];
        for (int i = 0; i < scores.length; i++) {
            int rank = Arrays.binarySearch(distinct, 0, d, scores[i]);
            if (labels[i] > 0.5) {
                posAt[rank] += weights[i];
            } else {
                negAt[rank] += weights[i];
            }
        }
        double negBelow = 0;
        double numerator = 0;
        double pos = 0;
        double neg = 0;
        for (int r = 0; r < d; r++) {
            numerator += posAt[r] * (negBelow + 0.5 * negAt[r]);
            negBelow += negAt[r];
            pos += posAt[r];
            neg += negAt[r];
        }
        return pos > 0 && neg > 0 ? numerator / (pos * neg) : Double.NaN;
    }

    /** Equal positive weights (the usual case) cancel out of the AUC. */
    private static boolean equalWeights(double[] weights) {
        for (double w : weights) {
            if (w != weights[0]) {
                return false;
            }
        }
        return weights.length > 0 && weights[0] > 0;
    }

    /**
     * The AUC with equal weights: the positives' and the negatives' scores sorted apart, then one
     * merge counting for each positive the negatives below it and half those tied with it (the
     * Mann–Whitney U statistic): two sorts of parts of the scores, and no search per row.
     */
    static double unweighted(double[] scores, double[] labels) {
        int positives = 0;
        for (double y : labels) {
            positives += y > 0.5 ? 1 : 0;
        }
        double[] pos = new double[positives];
        double[] neg = new double[scores.length - positives];
        int a = 0;
        int b = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] > 0.5) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double numerator = 0;
        int below = 0;
        int notAbove = 0;
        for (double v : pos) {
            while (below < neg.length && Double.compare(neg[below], v) < 0) {
                below++;
            }
            notAbove = Math.max(notAbove, below);
            while (notAbove < neg.length && Double.compare(neg[notAbove], v) <= 0) {
                notAbove++;
            }
            numerator += below + 0.5 * (notAbove - below);
        }
        return numerator / ((double) pos.length * neg.length);
    }
}
