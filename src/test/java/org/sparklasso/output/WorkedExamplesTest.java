package org.sparklasso.output;

import org.sparklasso.path.UnscaledObjective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sparklasso.penalty.ElasticNet;
import org.sparklasso.solver.SubgradientStep;

/** The three worked examples of the design guide. */
class WorkedExamplesTest {

    @Test
    void unscaledLossOfTheSeedExample() {
        double loss = UnscaledObjective.value(new double[] {3, 5}, new double[] {2.5, 4.5},
                new double[] {1.2, -0.8}, 0.5);
        assertEquals(1.5, loss, 1e-12);
    }

    @Test
    void unscaledFormIsTwoNTimesGlmnetsObjective() {
        double n = 2;
        double lambda = UnscaledObjective.lambda(n, 0.5);
        // glmnet form: (1/2n) RSS + λ Σ|w|
        double glmnet = (0.25 + 0.25) / (2 * n) + lambda * (1.2 + 0.8);
        assertEquals(1.5, 2 * n * glmnet, 1e-12);
        assertEquals(0.5, UnscaledObjective.lambdaPrime(n, lambda), 1e-15);
    }

    @Test
    void subgradientStep() {
        assertEquals(0.54, SubgradientStep.apply(0.6, 0.1, 0.4, 0.2), 1e-12);
    }

    @Test
    void softThreshold() {
        assertEquals(-0.8, ElasticNet.softThreshold(-1.1, 0.3), 1e-12);
        assertEquals(0.0, ElasticNet.softThreshold(0.2, 0.3), 0.0);
        assertEquals(0.5, ElasticNet.softThreshold(0.8, 0.3), 1e-12);
    }
}
