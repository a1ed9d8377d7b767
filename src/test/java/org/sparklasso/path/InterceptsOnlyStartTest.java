package org.sparklasso.path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sparklasso.penalty.MultiClassPenalty;

/**
 * The intercepts-only fit's starting point: for a binomial model with an intercept, the point where
 * the logistic loss's intercept gradient Σ w (y − σ(b₀)) vanishes, checked here on labels written
 * out (not through the formula); zeros where there is no closed form used.
 */
class InterceptsOnlyStartTest {
    private static MultiClassPenalty penalty(int p, int classes, boolean fitIntercept) {
        double[] weights = new double[p];
        Arrays.fill(weights, 1);
        boolean[] active = new boolean[p];
        Arrays.fill(active, true);
        return new MultiClassPenalty(0.1, 1, weights, active, classes, false, fitIntercept);
    }

    @Test
    void aBinomialStartZeroesTheInterceptGradientOfWeightedLabels() {
        double[] y = {1, 0, 0, 1, 1, 0, 1, 1};
        double[] w = {0.5, 2, 1, 1, 3, 0.25, 1, 2};
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < y.length; i++) {
            sw += w[i];
            swy += w[i] * y[i];
        }
        MultiClassPenalty base = penalty(3, 1, true);
        double[] start = GlmModelRun.interceptsOnlyStart(base, swy / sw);
        double b0 = start[base.interceptIndex(0)];
        double gradient = 0;
        for (int i = 0; i < y.length; i++) {
            gradient += w[i] * (y[i] - 1 / (1 + Math.exp(-b0)));
        }
        assertEquals(0, gradient / sw, 1e-15, "intercept gradient at the start");
        for (int j = 0; j < start.length; j++) {
            if (j != base.interceptIndex(0)) {
                assertEquals(0, start[j], "feature " + j);
            }
        }
    }

    @Test
    void otherwiseNewtonStartsFromZeros() {
        assertArrayEquals(new double[penalty(3, 1, false).size()],
                GlmModelRun.interceptsOnlyStart(penalty(3, 1, false), 0.3), "no intercept");
        assertArrayEquals(new double[penalty(3, 3, true).size()],
                GlmModelRun.interceptsOnlyStart(penalty(3, 3, true), 0.3), "multinomial");
        assertArrayEquals(new double[penalty(3, 1, true).size()],
                GlmModelRun.interceptsOnlyStart(penalty(3, 1, true), 1.0), "a single class in the data");
    }
}
