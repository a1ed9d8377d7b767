package org.sparklasso.path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparklasso.ReferenceProblem;
import org.sparklasso.TestFits;

/**
 * The λ path against glmnet's and cross-validation against cv.glmnet's, through the fixtures of
 * tools/fixtures/make_path_cv_fixtures.R (same folds via the committed fold column): per λ the
 * objective recomputed from the coefficients ({@link ReferenceProblem}, not the solver's report)
 * within 1e-6, the KKT conditions and each coefficient (in its feature's units, 2e-5 of the
 * largest standardized one); glmnet's early stop; cvm, cvsd, lambda.min and lambda.1se.
 *
 * <p>Our fold models are fitted at exactly the full path's λ values, so the fixture to match is
 * {@code cvExactLambda}: cv.glmnet(…, lambda = glmnet(…)$lambda, foldid = fold). (Called without
 * {@code lambda}, cv.glmnet fits each fold on its own grid and interpolates between grid points;
 * see the README.)
 */
class PathAndCrossValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FIXTURES = {
        "glmnet_path_cv_diabetes_std-true_alpha-1.json",
        "glmnet_path_cv_diabetes_std-false_alpha-1.json",
        "glmnet_path_cv_synthetic_scaled_std-true_alpha-1.json"};

    static Stream<String> fixtures() {
        return Stream.of(FIXTURES);
    }

    static Stream<Arguments> cvCases() {
        return fixtures().flatMap(f -> Stream.of(Arguments.of(f, "mse"), Arguments.of(f, "mae")));
    }

    private static JsonNode read(String name) throws IOException {
        return JSON.readTree(TestFits.root().resolve("src/test/resources/fixtures/path/" + name).toFile());
    }

    private static List<String> baseArgs(JsonNode fx, String dataset) {
        List<String> args = new ArrayList<>(List.of("--input", TestFits.resource(dataset),
                "--labelCol", fx.get("labelCol").asText(),
                "--standardize", fx.get("standardize").asText(),
                "--alpha", fx.get("alpha").asText()));
        if (!fx.get("weightCol").isNull()) {
            args.addAll(List.of("--weightCol", fx.get("weightCol").asText()));
        }
        return args;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void pathMatchesGlmnet(String name) throws IOException {
        JsonNode fx = read(name);
        List<String> args = baseArgs(fx, fx.get("dataset").asText());
        args.addAll(List.of("--solver", "cd", "--tol", "1e-10"));
        TrainingResult r = TestFits.fit(args.toArray(new String[0]));
        double[] lambdas = doubles(fx.get("lambda"));
        double[] objectives = doubles(fx.get("objective"));
        boolean standardize = fx.get("standardize").asBoolean();
        String weightCol = fx.get("weightCol").isNull() ? null : fx.get("weightCol").asText();
        ReferenceProblem ref = ReferenceProblem.readCsv(TestFits.root().resolve(fx.get("dataset").asText()),
                fx.get("labelCol").asText(), weightCol);
        double[] sd = ref.penaltyScale(true);
        double kktScale = ref.gradientScaleAtZero(true);
        assertTrue(r.computedGrid());
        assertEquals(lambdas.length, r.fits().size(), "path length (glmnet's early stop)");
        for (int k = 0; k < lambdas.length; k++) {
            FittedModel m = r.fits().get(k);
            assertEquals(lambdas[k], m.lambda(), 1e-12 * lambdas[k], "λ " + k);
            double ours = ref.objective(m.intercept(), m.coefficients(), m.lambda(), 1, standardize);
            assertEquals(objectives[k], ours, 1e-6 * objectives[k], "objective (recomputed) at λ " + k);
            double kkt = ref.kktViolation(m.intercept(), m.coefficients(), m.lambda(), 1, standardize, true) / kktScale;
            assertTrue(kkt < 1e-5, "KKT at λ " + k + ": " + kkt);
            // each coefficient in its own feature's units, relative to the largest standardized one
            JsonNode coefs = fx.get("coefficients").get(k);
            double big = 0;
            for (int j = 0; j < sd.length; j++) {
                big = Math.max(big, Math.abs(coefs.get(j).asDouble()) * sd[j]);
            }
            for (int j = 0; j < sd.length; j++) {
                double c = coefs.get(j).asDouble();
                assertEquals(c, m.coefficients()[j], 1e-6 * Math.abs(c) + 2e-5 * big / sd[j],
                        "coefficient " + ref.names.get(j) + " at λ " + k);
            }
            assertEquals(fx.get("devRatio").get(k).asDouble(), m.devRatio(), 1e-6, "devRatio at λ " + k);
        }
        assertEquals(0, r.fits().get(0).nnz(), "λ_max gives all zeros");
        assertTrue(r.fits().get(1).nnz() > 0, "the next λ does not");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cvCases")
    void crossValidationMatchesCvGlmnet(String name, String measure) throws IOException {
        JsonNode fx = read(name);
        JsonNode expected = fx.get("cvExactLambda").get(measure);
        List<String> args = baseArgs(fx, fx.get("foldsDataset").asText());
        args.addAll(List.of("--foldCol", fx.get("foldCol").asText(), "--typeMeasure", measure, "--solver", "cd",
                "--tol", "1e-10"));
        TrainingResult r = TestFits.fit(args.toArray(new String[0]));
        CrossValidationResult cv = r.cv();
        double[] cvm = doubles(expected.get("cvm"));
        double[] cvsd = doubles(expected.get("cvsd"));
        assertEquals(cvm.length, cv.summary().cvm().length);
        for (int l = 0; l < cvm.length; l++) {
            assertEquals(cvm[l], cv.summary().cvm()[l], 1e-6 * cvm[l], "cvm at λ " + l);
            assertEquals(cvsd[l], cv.summary().cvsd()[l], 1e-6 * cvm[l], "cvsd at λ " + l);
        }
        assertEquals(expected.get("lambdaMin").asDouble(), cv.summary().lambdaMin(), 1e-12 * cv.summary().lambdaMin());
        assertEquals(expected.get("lambda1se").asDouble(), cv.summary().lambda1se(), 1e-12 * cv.summary().lambda1se());
        assertEquals(5, cv.nfolds());
        assertEquals(cv.summary().index1se(), r.chosen(), "lambda.1se is the default choice");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"workingset", "fista"})
    void passSolversShareCrossValidationPassesAndMatchCvGlmnet(String solver) throws IOException {
        JsonNode fx = read(FIXTURES[2]);
        JsonNode expected = fx.get("cvExactLambda").get("mse");
        double[] lambdas = doubles(fx.get("lambda"));
        List<String> lambdaList = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            lambdaList.add(Double.toString(lambdas[k]));
        }
        List<String> args = baseArgs(fx, fx.get("foldsDataset").asText());
        args.addAll(List.of("--foldCol", "fold", "--solver", solver, "--tol", "1e-12",
                "--lambda", String.join(",", lambdaList)));
        TrainingResult r = TestFits.fit(args.toArray(new String[0]));
        for (int l = 0; l < 8; l++) {
            double want = expected.get("cvm").get(l).asDouble();
            assertEquals(want, r.cv().summary().cvm()[l], 1e-6 * want, "cvm at λ " + l);
        }
        int fullPasses = r.fits().stream().mapToInt(f -> f.solve().passes()).sum();
        int foldPasses = r.passes() - fullPasses - 2; // minus the moments pass and the pass at b = 0
        // five fold models in lockstep cost about one path's passes, not five
        assertTrue(foldPasses < 2.5 * fullPasses, "fold passes " + foldPasses + " vs full path " + fullPasses);
    }

    @Test
    void strongRulesGiveTheSamePathAsNoScreening() {
        for (String solver : List.of("cd", "workingset", "fista")) {
            List<String> args = new ArrayList<>(List.of("--input", TestFits.resource("sample-data/diabetes.csv"),
                    "--labelCol", "progression", "--standardize", "false", "--solver", solver, "--tol", "1e-11"));
            if (solver.equals("fista")) {
                args.addAll(List.of("--nlambda", "8", "--lambdaMinRatio", "0.05"));
            }
            TrainingResult strong = TestFits.fit(concat(args, "--screening", "strong"));
            TrainingResult none = TestFits.fit(concat(args, "--screening", "none"));
            assertEquals(none.fits().size(), strong.fits().size(), solver);
            for (int k = 0; k < none.fits().size(); k++) {
                FittedModel a = strong.fits().get(k);
                FittedModel b = none.fits().get(k);
                assertEquals(b.lambda(), a.lambda(), 0.0);
                double scale = 1;
                for (double c : b.coefficients()) {
                    scale = Math.max(scale, Math.abs(c));
                }
                assertArrayEquals(b.coefficients(), a.coefficients(), 1e-6 * scale, solver + " λ " + k);
                assertEquals(b.solve().objective(), a.solve().objective(), 1e-10 * b.solve().objective());
            }
        }
    }

    @Test
    void randomFoldsAreReproducibleFromTheSeed() {
        String[] base = {"--input", TestFits.resource("sample-data/diabetes.csv"), "--labelCol", "progression",
            "--nfolds", "4", "--nlambda", "20"};
        TrainingResult a = TestFits.fit(concat(List.of(base), "--seed", "7"));
        TrainingResult b = TestFits.fit(concat(List.of(base), "--seed", "7"));
        TrainingResult c = TestFits.fit(concat(List.of(base), "--seed", "8"));
        assertArrayEquals(a.cv().summary().cvm(), b.cv().summary().cvm(), 0.0);
        assertNotEquals(a.cv().summary().cvm()[10], c.cv().summary().cvm()[10]);
        assertEquals(4, a.cv().nfolds());
        double total = 0;
        for (double w : a.cv().foldWeights()) {
            assertEquals(442 / 4.0, w, 1.0, "balanced folds");
            total += w;
        }
        assertEquals(442, total, 1e-9);
    }

    private static String[] concat(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }
}
