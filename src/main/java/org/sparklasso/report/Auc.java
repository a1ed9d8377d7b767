package org.sparklasso.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The area under the ROC curve of scored observations, weighted: the probability that a random
 * positive (weight-sampled) scores above a random negative, ties counting one half
 * (Mann–Whitney). Computed exactly by sorting.
 */
public final class Auc {
    private Auc() {
    }

    /**
     * @param rows  each row holds the label (0/1) at index 1, the weight at index 2 and the score
     *              at {@code scoreIndex}
     * @return the AUC, or NaN when one class is absent
     */
    public static double weighted(List<double[]> rows, int scoreIndex) {
        List<double[]> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble(r -> r[scoreIndex]));
        double negBelow = 0;
        double numerator = 0;
        double pos = 0;
        double neg = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            double tiePos = 0;
            double tieNeg = 0;
            while (j < sorted.size() && sorted.get(j)[scoreIndex] == sorted.get(i)[scoreIndex]) {
                if (sorted.get(j)[1] > 0.5) {
                    tiePos += sorted.get(j)[2];
                } else {
                    tieNeg += sorted.get(j)[2];
                }
                j++;
            }
            numerator += tiePos * (negBelow + 0.5 * tieNeg);
            negBelow += tieNeg;
            pos += tiePos;
            neg += tieNeg;
            i = j;
        }
        return pos > 0 && neg > 0 ? numerator / (pos * neg) : Double.NaN;
    }
}
