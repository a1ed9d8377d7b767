package org.sparklasso.output;

import org.sparklasso.path.UnscaledObjective;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sparklasso.penalty.ElasticNet;
import org.sparklasso.solver.Subgradient;

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

    /**
     * The seed's example, w = 0.6, α = 0.1, ∂MSE/∂w = 0.4, λ = 0.2: w ← 0.6 − 0.1·(0.4 + 0.2·sign(0.6)) = 0.54,
     * through the subgradient solver's own step and the lasso penalty's own subgradient.
     */
    @Test
    void subgradientStep() {
        ElasticNet lasso = new ElasticNet(0.2, 1, new double[] {1}, new boolean[] {true});
        double[] w = {0.6};
        double[] penaltySubgradient = new double[1];
        lasso.subgradient(w, penaltySubgradient);
        assertEquals(0.2, penaltySubgradient[0], 0);
        assertEquals(0.54, Subgradient.step(w[0], 0.1, 0.4, penaltySubgradient[0]), 1e-12);
        // sign(0) = 0: a zero coefficient moves by the loss's derivative alone
        lasso.subgradient(new double[] {0}, penaltySubgradient);
        assertEquals(-0.04, Subgradient.step(0, 0.1, 0.4, penaltySubgradient[0]), 1e-12);
    }

    @Test
    void softThreshold() {
        assertEquals(-0.8, ElasticNet.softThreshold(-1.1, 0.3), 1e-12);
        assertEquals(0.0, ElasticNet.softThreshold(0.2, 0.3), 0.0);
        assertEquals(0.5, ElasticNet.softThreshold(0.8, 0.3), 1e-12);
    }
}
