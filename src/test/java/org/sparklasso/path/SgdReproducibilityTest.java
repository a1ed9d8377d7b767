package org.sparklasso.path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparklasso.TestFits;

/**
 * Solver sgd is reproducible for a fixed seed and partitioning: the same seed gives the same
 * coefficients bit for bit (every fold model too: the CV curve is equal), another seed or another
 * partitioning gives other (close) coefficients, so the sampler really is seeded by both.
 */
class SgdReproducibilityTest {
    private static final String DIABETES = TestFits.resource("sample-data/diabetes.csv");

    private static TrainingResult fit(String seed, String partitions) {
        return TestFits.fit("--input", DIABETES, "--labelCol", "progression", "--solver", "sgd", "--nlambda", "10",
                "--nfolds", "3", "--seed", seed, "--numPartitions", partitions, "--blockRows", "50");
    }

    @Test
    void sameSeedAndPartitioningGiveTheSameFit() {
        TrainingResult a = fit("7", "3");
        TrainingResult b = fit("7", "3");
        assertEquals(a.fits().size(), b.fits().size());
        for (int l = 0; l < a.fits().size(); l++) {
            assertArrayEquals(a.fits().get(l).coefficients(), b.fits().get(l).coefficients(), 0.0, "λ #" + l);
        }
        assertArrayEquals(a.cv().summary().cvm(), b.cv().summary().cvm(), 0.0, "CV curve");
    }

    @Test
    void anotherSeedOrPartitioningSamplesOtherRows() {
        List<double[]> base = coefficients(fit("7", "3"));
        List<double[]> seed = coefficients(fit("8", "3"));
        List<double[]> parts = coefficients(fit("7", "2"));
        assertFalse(equal(base, seed), "seed 8 against seed 7");
        assertFalse(equal(base, parts), "2 partitions against 3");
        // the same problem all the same: the last λ's models agree to sgd's accuracy
        double[] x = base.get(base.size() - 1);
        double[] y = seed.get(seed.size() - 1);
        double scale = Arrays.stream(x).map(Math::abs).max().orElse(1);
        for (int j = 0; j < x.length; j++) {
            assertTrue(Math.abs(x[j] - y[j]) <= 0.2 * scale, "coefficient " + j + ": " + x[j] + " vs " + y[j]);
        }
    }

    private static List<double[]> coefficients(TrainingResult r) {
        return r.fits().stream().map(FittedModel::coefficients).toList();
    }

    private static boolean equal(List<double[]> a, List<double[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
