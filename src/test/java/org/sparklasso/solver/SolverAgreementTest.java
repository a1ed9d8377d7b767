package org.sparklasso.solver;

import org.sparklasso.path.TrainingResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.ReferenceProblem;
import org.sparklasso.TestFits;
import org.sparklasso.path.FittedModel;

/**
 * cd, workingset and fista solve the same problem: at a requested relative gap of 1e-10 all get
 * there and their objectives agree within 1e-8; and features whose scales differ by 10⁴ cost no more
 * iterations than the same data rescaled to unit variance (the solvers work in standardized
 * coordinates whatever {@code standardize} says).
 */
class SolverAgreementTest {
    private static final String DATA = "src/test/resources/data/synthetic_scaled.csv";

    private static TrainingResult fit(String input, String solver, String alpha, String standardize) {
        return TestFits.fit("--input", input, "--labelCol", "y", "--weightCol", "w", "--lambda", "1.0,0.2",
                "--alpha", alpha, "--standardize", standardize, "--solver", solver, "--tol", "1e-10");
    }

    @Test
    void everySolverReachesTheSameObjectiveAtGap1e10() {
        for (String alpha : List.of("1", "0.5")) {
            for (String standardize : List.of("true", "false")) {
                TrainingResult cd = fit(TestFits.resource(DATA), "cd", alpha, standardize);
                for (String solver : List.of("workingset", "fista")) {
                    TrainingResult other = fit(TestFits.resource(DATA), solver, alpha, standardize);
                    for (int k = 0; k < cd.fits().size(); k++) {
                        FittedModel a = cd.fits().get(k);
                        FittedModel b = other.fits().get(k);
                        String what = "alpha=" + alpha + " standardize=" + standardize + " λ=" + a.lambda();
                        assertTrue(a.solve().converged() && a.solve().relativeGap() <= 1e-10, "cd " + what);
                        assertTrue(b.solve().converged() && b.solve().relativeGap() <= 1e-10, solver + " " + what);
                        assertEquals(a.solve().objective(), b.solve().objective(), 1e-8 * a.solve().objective(),
                                solver + " " + what);
                    }
                }
            }
        }
    }

    @Test
    void badlyScaledFeaturesConvergeAsFastAsUnitScaleOnes(@TempDir Path dir) throws IOException {
        ReferenceProblem ref = ReferenceProblem.readCsv(TestFits.root().resolve(DATA), "y", "w");
        double[] sd = ref.penaltyScale(true);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", ref.names) + ",y,w");
        for (int i = 0; i < ref.n(); i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < ref.p(); j++) {
                sb.append(ref.x[i][j] / sd[j]).append(',');
            }
            lines.add(sb.append(ref.y[i]).append(',').append(ref.w[i]).toString());
        }
        Path unit = dir.resolve("unit.csv");
        Files.write(unit, lines);
        double spread = sd[ref.p() - 1] / sd[0];
        assertTrue(spread > 1e3 || spread < 1e-3, "the fixture's scales differ by about 10^4");
        for (String solver : List.of("cd", "workingset", "fista")) {
            TrainingResult scaled = fit(TestFits.resource(DATA), solver, "1", "true");
            TrainingResult unitScale = fit(unit.toString(), solver, "1", "true");
            for (int k = 0; k < scaled.fits().size(); k++) {
                int a = scaled.fits().get(k).solve().iterations();
                int b = unitScale.fits().get(k).solve().iterations();
                assertTrue(a <= b * 1.1 + 2, solver + ": " + a + " iterations scaled vs " + b + " unit-scale");
                assertEquals(unitScale.fits().get(k).solve().objective(), scaled.fits().get(k).solve().objective(),
                        1e-8 * unitScale.fits().get(k).solve().objective());
            }
        }
    }
}
