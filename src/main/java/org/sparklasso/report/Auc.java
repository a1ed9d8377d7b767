package org.sparklasso.report;

import java.util.Arrays;

/**
 * The area under the ROC curve of scored observations, weighted: the probability that a random
 * positive (weight-sampled) scores above a random negative, ties counting one half
 * (Mann–Whitney). Computed exactly by sorting.
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
}
