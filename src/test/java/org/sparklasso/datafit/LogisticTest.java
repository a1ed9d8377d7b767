package org.sparklasso.datafit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The binomial loss's fast log1p against StrictMath's, and the loss against its definition. */
class LogisticTest {

    @Test
    void fastLog1pIsAccurateToAFewUlps() {
        Random random = new Random(7);
        double worst = 0;
        for (int t = 0; t < 1_000_000; t++) {
            // e = exp(−|f|) over the whole range the loss sees, tiny values included
            double e = Math.exp(-random.nextDouble() * (t % 2 == 0 ? 1 : 800));
            double exact = StrictMath.log1p(e);
            double fast = Logistic.log1p(e, 1 + e);
            worst = Math.max(worst, Math.abs(fast - exact) / Math.ulp(exact));
        }
        assertTrue(worst <= 4, "worst error " + worst + " ulps");
        assertEquals(0.0, Logistic.log1p(0, 1));
        assertEquals(Math.log(2), Logistic.log1p(1, 2), Math.ulp(Math.log(2)));
    }

    @Test
    void lossResidualAndCurvatureMatchTheirDefinitions() {
        Logistic logistic = new Logistic();
        double[] r = new double[1];
        double[] h = new double[1];
        for (double f : new double[] {-40, -3.5, -1e-9, 0, 2e-12, 0.7, 5, 35}) {
            for (double y : new double[] {0, 1}) {
                double loss = logistic.evaluate(y, new double[] {f}, r, h);
                double p = 1 / (1 + Math.exp(-f));
                double expected = StrictMath.log1p(Math.exp(f < 0 ? f : -f)) + Math.max(f, 0) - y * f;
                assertEquals(expected, loss, 1e-15 * (1 + Math.abs(f)), "loss at f=" + f + " y=" + y);
                assertEquals(y - p, r[0], 1e-15, "residual at f=" + f);
                assertEquals(p * (1 - p), h[0], 1e-15, "curvature at f=" + f);
            }
        }
    }
}
