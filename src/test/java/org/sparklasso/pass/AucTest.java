package org.sparklasso.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The weighted AUC against its definition, summed over every (positive, negative) pair with ties
 * counting one half: scores with many ties (rounded), zero weights, and a single-class input.
 */
class AucTest {

    @Test
    void matchesThePairwiseDefinitionWithTiesAndWeights() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 500;
        double[] scores = new double[n];
        double[] labels = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextDouble() < 0.3 ? 1 : 0;
            scores[i] = Math.round((rnd.nextGaussian() + labels[i]) * 4) / 4.0; // few distinct values
            weights[i] = rnd.nextDouble() < 0.1 ? 0 : rnd.nextDouble() * 3;
        }
        assertEquals(pairwise(scores, labels, weights), Auc.weighted(scores, labels, weights), 1e-12);
    }

    @Test
    void equalWeightsMatchThePairwiseDefinitionWithTies() {
        SplittableRandom rnd = new SplittableRandom(5);
        int n = 700;
        double[] scores = new double[n];
        double[] labels = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextDouble() < 0.4 ? 1 : 0;
            scores[i] = Math.round((rnd.nextGaussian() + labels[i]) * 3) / 3.0;
            weights[i] = 2.5;
        }
        scores[0] = -0.0;
        scores[1] = 0.0;
        assertEquals(pairwise(scores, labels, weights), Auc.weighted(scores, labels, weights), 1e-12);
        weights[3] = 1; // no longer equal: the general path, same answer up to the weight change
        assertEquals(Auc.unweighted(scores, labels), Auc.weighted(scores, labels, weights), 1e-2);
    }

    /**
     * The definition: over every (positive, negative) pair, weighted by both weights, the share
     * where the positive scores higher, ties (in {@link Double#compare}'s order) counting one half.
     */
    private static double pairwise(double[] scores, double[] labels, double[] weights) {
        double numerator = 0;
        double pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    double w = weights[i] * weights[j];
                    int c = Double.compare(scores[i], scores[j]);
                    pairs += w;
                    numerator += c > 0 ? w : c == 0 ? 0.5 * w : 0;
                }
            }
        }
        return numerator / pairs;
    }

    @Test
    void oneClassHasNoAuc() {
        assertTrue(Double.isNaN(Auc.weighted(new double[] {1, 2}, new double[] {1, 1}, new double[] {1, 1})));
    }
}
