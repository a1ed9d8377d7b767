package org.sparklasso.solver;

import org.sparklasso.path.TrainingResult;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.TestFits;
import org.sparklasso.path.FittedModel;
import org.sparklasso.penalty.ElasticNet;

/**
 * Orthonormal design: with centered columns of population variance 1 that are mutually
 * orthogonal, the lasso solution is the soft-thresholded least-squares fit,
 * βⱼ = S(xⱼᵀy/n, λ), and the intercept is ȳ.
 */
class ClosedFormTest {

    @ParameterizedTest
    @ValueSource(strings = {"cd", "workingset", "fista"})
    void orthonormalDesignGivesSoftThresholdedLeastSquares(String solver, @TempDir Path dir) throws IOException {
        // columns 1..3 of the 8×8 Sylvester–Hadamard matrix: ±1, mean 0, variance 1, orthogonal
        int n = 8;
        int p = 3;
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = Integer.bitCount(i & (j + 1)) % 2 == 0 ? 1 : -1;
            }
        }
        double[] y = {3.1, -0.4, 2.2, 0.9, -1.7, 4.4, 0.3, 1.5};
        List<String> lines = new ArrayList<>(List.of("a,b,c,y"));
        for (int i = 0; i < n; i++) {
            lines.add(x[i][0] + "," + x[i][1] + "," + x[i][2] + "," + y[i]);
        }
        Path csv = dir.resolve("orthonormal.csv");
        Files.write(csv, lines);
        double lambda = 0.3;
        TrainingResult r = TestFits.fit("--input", csv.toString(), "--labelCol", "y",
                "--lambda", Double.toString(lambda), "--solver", solver, "--tol", "1e-12");
        FittedModel m = r.fits().get(0);
        double ybar = 0;
        for (double v : y) {
            ybar += v / n;
        }
        for (int j = 0; j < p; j++) {
            double c = 0;
            for (int i = 0; i < n; i++) {
                c += x[i][j] * y[i] / n;
            }
            assertEquals(ElasticNet.softThreshold(c, lambda), m.coefficients()[j], 1e-9, "β" + j);
        }
        assertEquals(ybar, m.intercept(), 1e-9);
    }
}
