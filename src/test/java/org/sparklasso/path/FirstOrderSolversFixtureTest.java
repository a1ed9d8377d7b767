package org.sparklasso.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparklasso.ClassificationReference;
import org.sparklasso.FixtureJson;
import org.sparklasso.ReferenceProblem;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.WrittenCoefficients;
import org.sparklasso.cli.Main;

/**
 * The comparison solvers against the committed glmnet fixtures, through the CLI and the written
 * coefficients (objectives recomputed from the definitions by {@link ReferenceProblem} and
 * {@link ClassificationReference}): {@code gd} (proximal gradient without momentum) reaches
 * glmnet's objective within 1e-6 relative at every fixture λ, gaussian, binomial and multinomial;
 * {@code subgradient}, with its default budget, comes within its documented distance ("at least
 * this good", not equal), never claims a convergence it has not shown, and reports how it stopped
 * and its thresholded sparsity in metrics.json.
 */
class FirstOrderSolversFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = TestFits.root().resolve("src/test/resources/fixtures");

    /**
     * The subgradient method's distance to glmnet's objective after its default 1,000 steps
     * (relative): its O(1/√t) decay leaves it there. Seen over these cases, with α₀ = 1/(largest
     * curvature): 1e-5 … 0.28 (the unstandardized diabetes at its middle λ: internal L1 weights
     * spanning orders of magnitude; then iris at its smallest λ, 0.067); the bound is ~2× the worst.
     */
    private static final double SUBGRADIENT_BOUND = 0.6;

    /**
     * sgd's distance to glmnet's objective after its default 10 epochs (relative), without polish.
     * Seen over these cases: 1.3e-5 … 0.068 (iris at its smallest λ). These sets are sgd's worst
     * case: one block each, so its mini-batches are 2–6 rows; the bound is ~2× the worst seen.
     */
    private static final double SGD_BOUND = 0.15;

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        List<String> fixtures = List.of(
                "gaussian/glmnet_diabetes_std-true_alpha-1.json",
                "gaussian/glmnet_diabetes_std-false_alpha-0.5.json",
                "gaussian/glmnet_synthetic_std-true_alpha-1.json",
                "classification/glmnet_binomial_breast_cancer_std-true_alpha-1.json",
                "classification/glmnet_binomial_breast_cancer_std-false_alpha-1.json",
                "classification/glmnet_multinomial-ungrouped_iris_std-true_alpha-1.json",
                "classification/glmnet_multinomial-grouped_wine_std-true_alpha-0.5.json");
        List<Arguments> out = new ArrayList<>();
        for (String solver : List.of("gd", "subgradient", "sgd", "sgd+polish")) {
            for (String f : fixtures) {
                // Not for subgradient: unstandardized breast cancer's internal L1 weights span ~1e4
                // (1/scaleⱼ), so its α₀/√t steps overshoot by α·l1ⱼ for far more than the default
                // budget; it stalls at its start (relative 0.85 at λ = 20.2) and says so
                // (stoppingRule "stall"). Normalized steps are the known remedy (issue 18's note).
                if (!(solver.equals("subgradient") && f.contains("breast_cancer_std-false"))) {
                    out.add(Arguments.of(f, solver));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void reachesItsStatedDistanceFromGlmnet(String name, String solver) throws IOException {
        SparkTestSession.get();
        JsonNode fx = JSON.readTree(FIXTURES.resolve(name).toFile());
        String family = fx.has("family") ? fx.get("family").asText() : "gaussian";
        List<String> lambdas = new ArrayList<>();
        fx.get("fits").forEach(f -> lambdas.add(Double.toString(f.get("lambda").asDouble())));
        String out = tmp.resolve("out").toString();
        List<String> args = new ArrayList<>(List.of("train", "--input", TestFits.resource(fx.get("dataset").asText()),
                "--labelCol", fx.get("labelCol").asText(), "--family", family,
                "--standardize", fx.get("standardize").asText(), "--alpha", fx.get("alpha").asText(),
                "--lambda", String.join(",", lambdas), "--solver", solver.replace("+polish", ""), "--tol", "1e-8",
                "--plots", "false", "--output", out));
        if (solver.endsWith("+polish")) {
            args.addAll(List.of("--sgdPolish", "true"));
        }
        String weightCol = fx.get("weightCol").isNull() ? null : fx.get("weightCol").asText();
        if (weightCol != null) {
            args.addAll(List.of("--weightCol", weightCol));
        }
        if (fx.has("typeMultinomial") && family.equals("multinomial")) {
            args.addAll(List.of("--typeMultinomial", fx.get("typeMultinomial").asText()));
        }
        assertEquals(0, Main.run(args.toArray(new String[0])), "exit code");
        JsonNode metrics = JSON.readTree(Path.of(out, "metrics.json").toFile());
        boolean standardize = fx.get("standardize").asBoolean();
        double alpha = fx.get("alpha").asDouble();
        boolean multinomial = family.equals("multinomial");
        boolean grouped = multinomial && fx.get("typeMultinomial").asText().equals("grouped");
        List<String> features;
        List<String> classes = null;
        ReferenceProblem gaussian = null;
        ClassificationReference glm = null;
        Path data = TestFits.root().resolve(fx.get("dataset").asText());
        if (family.equals("gaussian")) {
            gaussian = ReferenceProblem.readCsv(data, fx.get("labelCol").asText(), weightCol);
            features = gaussian.names;
        } else {
            List<String> all = FixtureJson.strings(fx.get("classes"));
            classes = multinomial ? all : null;
            glm = ClassificationReference.readCsv(data, fx.get("labelCol").asText(), weightCol, all, !multinomial);
            features = FixtureJson.strings(fx.get("features"));
        }
        List<WrittenCoefficients.Model> written = WrittenCoefficients.read(out + "/coefficients", classes, features);
        assertEquals(lambdas.size(), written.size(), "one written model per λ");
        JsonNode reported = metrics.get("fits");
        for (JsonNode expected : fx.get("fits")) {
            double lambda = expected.get("lambda").asDouble();
            WrittenCoefficients.Model m = written.stream().filter(f -> f.lambda() == lambda).findFirst().orElseThrow();
            double theirs = expected.get("objective").asDouble();
            double ours = gaussian != null
                    ? gaussian.objective(m.intercept()[0], m.beta()[0], lambda, alpha, standardize)
                    : glm.objective(m.intercept(), m.beta(), lambda, alpha, standardize, grouped);
            double suboptimality = (ours - theirs) / Math.abs(theirs);
            String at = String.format(Locale.ROOT, "%s %s at λ=%s: relative suboptimality %.3g", solver, name, lambda,
                    suboptimality);
            System.out.println(at);
            assertTrue(suboptimality > -1e-9, "not better than glmnet's optimum beyond rounding, " + at);
            JsonNode fit = fitAt(reported, lambda);
            if (solver.equals("gd") || solver.equals("sgd+polish")) {
                assertTrue(suboptimality <= 1e-6, at);
                assertTrue(fit.get("converged").asBoolean(), solver + " certifies its answer, " + at);
                assertFalse(fit.has("stoppingRule"), solver + " is exact: no approximate report, " + at);
            } else {
                assertTrue(suboptimality <= (solver.equals("sgd") ? SGD_BOUND : SUBGRADIENT_BOUND), at);
                String rule = fit.get("stoppingRule").asText();
                assertTrue(List.of("budget", "stall", "converged").contains(rule), rule);
                assertEquals(rule.equals("converged"), fit.get("converged").asBoolean(),
                        "converged only when its stopping measure was met, " + at);
                assertTrue(fit.get("nnzThresholded").asInt() <= fit.get("nnz").asInt(), at);
                // thresholding moves coefficients by at most one step's penalty pull: the objective stays close
                assertTrue(fit.get("objectiveThresholded").asDouble() <= theirs * (1 + 2 * SUBGRADIENT_BOUND), at);
                assertEquals(solver.equals("sgd") ? 10 : fit.get("iterations").asInt(), fit.get("iterations").asInt(),
                        "sgd runs its default 10 epochs unless converged, " + at);
            }
        }
    }

    private static JsonNode fitAt(JsonNode fits, double lambda) {
        for (JsonNode f : fits) {
            if (f.get("lambda").asDouble() == lambda) {
                return f;
            }
        }
        throw new AssertionError("metrics.json has no fit at λ=" + lambda);
    }
}
