package org.sparklasso.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sparklasso.FixtureJson.numbers;
import static org.sparklasso.FixtureJson.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparklasso.ClassificationReference;
import org.sparklasso.ReferenceProblem;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.WrittenCoefficients;
import org.sparklasso.cli.Main;

/**
 * Penalty factors (zeros, unequal, Infinity) and coefficient limits (the non-negative lasso,
 * finite bounds on both sides) against glmnet's fixtures (tools/fixtures/make_penalty_options_fixtures.R):
 * gaussian, binomial and multinomial, standardize on and off. Each job runs as a user would, with
 * the keys as the fixture gave glmnet its arguments, and is checked on what it WROTE: every written
 * coefficient within its bounds; the objective, recomputed here from the definition with the
 * rescaled factors, equal to glmnet's (and not worse); the KKT conditions with the normal cone at
 * the bounds, written here apart from the code's own; the coefficients against glmnet's. The
 * default path is checked for glmnet's λ_max (from the fit of the unpenalized features) and its
 * length (glmnet's early stop, switched off by a zero limit).
 */
class PenaltyOptionsFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = TestFits.root().resolve("src/test/resources/fixtures/penalty");

    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }


    private static String list(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return String.join(",", out);
    }


    /** The fixture (and a started Spark session for the job). */
    private static JsonNode fixture(String name) throws IOException {
        SparkTestSession.get();
        return JSON.readTree(DIR.resolve(name).toFile());
    }

    static Stream<String> adaptiveCases() throws IOException {
        return cases().filter(name -> name.contains("_adaptive_"));
    }

    /**
     * The job's arguments for the fixture, with or without its λ values. An adaptive-lasso fixture
     * runs penalty=adaptive from its initial estimate, written here as a coefficients output (so
     * that the weights are exactly glmnet's penalty.factor), unless {@code adaptiveInit} is given.
     */
    private List<String> args(JsonNode fx, String out, boolean givenLambdas) throws IOException {
        return args(fx, out, givenLambdas ? fx.get("fits").size() : 0, null, "1e-12", null);
    }

    /**
     * @param lambdas      how many of the fixture's λ values to give, evenly spaced (0: the default path)
     * @param adaptiveInit the adaptive init, or null for the fixture's initial estimate
     * @param solver       the solver, or null for auto
     */
    private List<String> args(JsonNode fx, String out, int lambdas, String adaptiveInit, String tol, String solver)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("train", "--input", TestFits.resource(fx.get("dataset").asText()),
                "--labelCol", fx.get("labelCol").asText(), "--family", fx.get("family").asText(),
                "--standardize", fx.get("standardize").asText(), "--alpha", fx.get("alpha").asText(),
                "--tol", tol, "--plots", "false", "--output", out));
        if (fx.has("adaptiveGamma")) {
            args.addAll(List.of("--penalty", "adaptive", "--adaptiveGamma", fx.get("adaptiveGamma").asText(),
                    "--adaptiveInit", adaptiveInit != null ? adaptiveInit : writeInitial(fx)));
        } else {
            args.addAll(List.of("--penaltyFactor", list(fx.get("penaltyFactor"))));
        }
        if (!fx.get("weightCol").isNull()) {
            args.addAll(List.of("--weightCol", fx.get("weightCol").asText()));
        }
        if (!fx.get("family").asText().equals("multinomial")) {
            args.addAll(List.of("--lowerLimits", list(fx.get("lowerLimits")), "--upperLimits",
                    list(fx.get("upperLimits"))));
        }
        if (solver != null) {
            args.addAll(List.of("--solver", solver));
        }
        if (lambdas > 0) {
            args.addAll(List.of("--lambda", String.join(",", lambdas(fx, lambdas))));
        }
        return args;
    }

    /** Runs the job and reads the models it wrote: one per λ given. */
    private static List<WrittenCoefficients.Model> runAndRead(JsonNode fx, List<String> args, String out) {
        assertEquals(0, Main.run(args.toArray(new String[0])), "exit code");
        boolean multinomial = fx.get("family").asText().equals("multinomial");
        List<WrittenCoefficients.Model> written = WrittenCoefficients.read(out + "/coefficients",
                multinomial ? strings(fx.get("classes")) : null, strings(fx.get("features")));
        int given = args.indexOf("--lambda") < 0 ? -1 : args.get(args.indexOf("--lambda") + 1).split(",").length;
        assertEquals(given, written.size(), "one written model per λ");
        return written;
    }

    /** {@code count} of the fixture's λ values, evenly spaced along its path, the last included. */
    private static List<String> lambdas(JsonNode fx, int count) {
        int all = fx.get("fits").size();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int k = count == all ? i : (int) Math.round((all - 1) * (i + 1.0) / count);
            out.add(Double.toString(fx.get("fits").get(k).get("lambda").asDouble()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writtenModelsMatchGlmnet(String name) throws IOException {
        JsonNode fx = fixture(name);
        String out = tmp.resolve("out").toString();
        String family = fx.get("family").asText();
        List<String> features = strings(fx.get("features"));
        Reference ref = new Reference(fx, family.equals("gaussian") ? null : strings(fx.get("classes")));
        List<WrittenCoefficients.Model> written = runAndRead(fx, args(fx, out, true), out);
        // the factors in force, beside the coefficients (the column only when some factor is not 1)
        double[] rescaled = numbers(fx.get("penaltyFactorRescaled"));
        boolean plain = java.util.Arrays.stream(rescaled).allMatch(f -> f == 1);
        List<Row> rows = SparkTestSession.get().read().parquet(out + "/coefficients").collectAsList();
        assertEquals(!plain, List.of(rows.get(0).schema().fieldNames()).contains("penaltyFactor"));
        if (!plain) {
            assertFeatureColumn(rows, "penaltyFactor", rescaled, 1e-12, features);
        }
        boolean multinomial = family.equals("multinomial");
        for (JsonNode expected : fx.get("fits")) {
            double lambda = expected.get("lambda").asDouble();
            WrittenCoefficients.Model m = written.stream().filter(f -> f.lambda() == lambda).findFirst().orElseThrow();
            String at = name + " at λ=" + lambda;
            ref.assertWithinBounds(m.beta(), at);
            double theirs = (multinomial ? expected.get("objectiveExact") : expected.get("objective")).asDouble();
            double ours = ref.objective(m.intercept(), m.beta(), lambda);
            assertEquals(theirs, ours, 1e-9 * Math.abs(theirs), "objective of the written model, " + at);
            // glmnet is KKT-certified to 1e-10; ours stops at a relative duality gap of 1e-12 (gaussian)
            assertTrue(ours <= theirs + 1e-10 * Math.abs(theirs), "not worse than glmnet, " + at);
            double kkt = ref.kktViolation(m.intercept(), m.beta(), lambda) / Math.max(1, lambda);
            assertTrue(kkt < (family.equals("gaussian") ? 1e-6 : 1e-7), "KKT of the written model, " + at + ": " + kkt);
            JsonNode coefficients = multinomial ? expected.get("coefficientsExact") : expected.get("coefficients");
            double scale = 1e-300;
            double worst = 0;
            for (int c = 0; c < m.beta().length; c++) {
                double[] theirsBeta = numbers(multinomial ? coefficients.get(c) : coefficients);
                for (int j = 0; j < theirsBeta.length; j++) {
                    scale = Math.max(scale, Math.abs(theirsBeta[j]));
                    worst = Math.max(worst, Math.abs(theirsBeta[j] - m.beta()[c][j]));
                }
            }
            // glmnet's binomial solutions are within 2.9e-7 of the exact optimum (fixture README)
            assertTrue(worst <= (family.equals("binomial") ? 1e-5 : 1e-6) * scale,
                    "coefficients, " + at + ": " + worst + " of " + scale);
        }
    }

    /** Every fixture with each solver other than the family's default that can fit it. */
    static Stream<org.junit.jupiter.params.provider.Arguments> otherSolvers() throws IOException {
        return cases().flatMap(name -> {
            List<String> solvers = name.contains("_gaussian_") ? List.of("workingset", "fista") : List.of("fista");
            return solvers.stream().map(solver -> org.junit.jupiter.params.provider.Arguments.of(name, solver));
        });
    }

    /**
     * Every solver honours penalty factors and limits (clipped coordinate updates, box prox): on
     * ten (gaussian), three (binomial) or two (multinomial; FISTA on a GLM is slow at tight
     * tolerances, and CI's 20 minutes are tight) of the fixture's λ values, the smallest among them the written model is within its bounds, within 1e-7
     * (gaussian, tol 1e-9) or 1e-6 (GLM, tol 1e-8) of glmnet's objective, and meets the boxed KKT
     * conditions.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("otherSolvers")
    void otherSolversHonourFactorsAndLimits(String name, String solver) throws IOException {
        JsonNode fx = fixture(name);
        String out = tmp.resolve("solver-" + solver).toString();
        String family = fx.get("family").asText();
        boolean gaussian = family.equals("gaussian");
        int count = gaussian ? 10 : family.equals("binomial") ? 3 : 2;
        Reference ref = new Reference(fx, gaussian ? null : strings(fx.get("classes")));
        List<WrittenCoefficients.Model> written = runAndRead(fx, args(fx, out, count, null,
                gaussian ? "1e-9" : "1e-8", solver), out);
        for (JsonNode expected : fx.get("fits")) {
            double lambda = expected.get("lambda").asDouble();
            WrittenCoefficients.Model m = written.stream().filter(f -> f.lambda() == lambda).findFirst().orElse(null);
            if (m == null) {
                continue;
            }
            String at = name + " " + solver + " at λ=" + lambda;
            ref.assertWithinBounds(m.beta(), at);
            double theirs = (family.equals("multinomial") ? expected.get("objectiveExact")
                    : expected.get("objective")).asDouble();
            double ours = ref.objective(m.intercept(), m.beta(), lambda);
            assertEquals(theirs, ours, (gaussian ? 1e-7 : 1e-6) * Math.abs(theirs), "objective, " + at);
            double kkt = ref.kktViolation(m.intercept(), m.beta(), lambda) / Math.max(1, lambda);
            assertTrue(kkt < 1e-5, "KKT of the written model, " + at + ": " + kkt);
        }
    }

    /**
     * Multinomial (ungrouped) coefficient limits, which glmnet's multinomial solver does not solve
     * tightly enough to serve as the oracle here: certified instead by the boxed KKT conditions and
     * the bounds, both computed by {@link Reference} from the written models, with newton and fista
     * reaching the same objective. Iris, every coefficient in [−0.6, 0.8] (several bind).
     */
    @org.junit.jupiter.api.Test
    void multinomialLimitsMeetTheBoxedKkt() throws IOException {
        SparkTestSession.get();
        List<String> classes = List.of("setosa", "versicolor", "virginica");
        com.fasterxml.jackson.databind.node.ObjectNode fx = JSON.createObjectNode();
        fx.put("dataset", "src/test/resources/data/iris.csv").put("labelCol", "label").putNull("weightCol")
                .put("family", "multinomial").put("standardize", true).put("alpha", 1.0);
        fx.putPOJO("classes", classes);
        fx.putPOJO("penaltyFactorRescaled", List.of(1.0, 1.0, 1.0, 1.0));
        fx.putPOJO("lowerLimits", List.of(-0.6, -0.6, -0.6, -0.6));
        fx.putPOJO("upperLimits", List.of(0.8, 0.8, 0.8, 0.8));
        fx = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(JSON.writeValueAsString(fx));
        Reference ref = new Reference(fx, classes);
        List<String> features = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
        double[] lambdas = {0.05, 0.01, 0.002};
        Map<String, double[]> objectives = new java.util.LinkedHashMap<>();
        int binding = 0;
        for (String solver : List.of("newton", "fista")) {
            String out = tmp.resolve("limits-" + solver).toString();
            assertEquals(0, Main.run(new String[] {"train", "--input", TestFits.resource("src/test/resources/data/iris.csv"),
                    "--labelCol", "label", "--family", "multinomial", "--lowerLimits", "-0.6", "--upperLimits", "0.8",
                    "--lambda", "0.05,0.01,0.002", "--tol", "1e-10", "--solver", solver, "--plots", "false",
                    "--output", out}), "exit code, " + solver);
            List<WrittenCoefficients.Model> written = WrittenCoefficients.read(out + "/coefficients", classes, features);
            double[] obj = new double[lambdas.length];
            for (int l = 0; l < lambdas.length; l++) {
                WrittenCoefficients.Model m = written.get(l);
                String at = solver + " at λ=" + m.lambda();
                ref.assertWithinBounds(m.beta(), at);
                double kkt = ref.kktViolation(m.intercept(), m.beta(), m.lambda());
                assertTrue(kkt < 1e-6, "boxed KKT, " + at + ": " + kkt);
                obj[l] = ref.objective(m.intercept(), m.beta(), m.lambda());
                for (double[] row : m.beta()) {
                    for (double b : row) {
                        binding += b == -0.6 || b == 0.8 ? 1 : 0;
                    }
                }
            }
            objectives.put(solver, obj);
        }
        assertTrue(binding >= 4, "some bounds bind: " + binding);
        for (int l = 0; l < lambdas.length; l++) {
            assertEquals(objectives.get("newton")[l], objectives.get("fista")[l], 1e-9 * objectives.get("newton")[l],
                    "newton and fista at λ=" + lambdas[l]);
        }
    }

    /** The fixture's initial estimate as a one-λ coefficients output (feature, coefficient, lambda). */
    private String writeInitial(JsonNode fx) {
        String dir = tmp.resolve("initial-coefficients").toString();
        if (Files.exists(Path.of(dir))) {
            return dir;
        }
        List<String> features = strings(fx.get("features"));
        double[] b = numbers(fx.get("adaptiveInitial"));
        List<Row> rows = new ArrayList<>();
        rows.add(org.apache.spark.sql.RowFactory.create("(Intercept)", 0.0, 1.0));
        for (int j = 0; j < b.length; j++) {
            rows.add(org.apache.spark.sql.RowFactory.create(features.get(j), b[j], 1.0));
        }
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
                .add("feature", "string").add("coefficient", "double").add("lambda", "double");
        SparkTestSession.get().createDataFrame(rows, schema).coalesce(1).write().parquet(dir);
        return dir;
    }

    /**
     * The adaptive lasso's own initial fit: ols (gaussian) equals the least-squares fit and ridge
     * (binomial, no cross-validation) glmnet's ridge path at its smallest λ, so the weights written
     * beside the coefficients are 1/|b|^γ of the fixture's initial estimate, and the path that
     * follows starts at glmnet's λ_max for those weights.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("adaptiveCases")
    void adaptiveInitIsTheFixturesInitialFit(String name) throws IOException {
        JsonNode fx = fixture(name);
        String out = tmp.resolve("own-init").toString();
        String init = fx.get("adaptiveInit").asText();
        assertEquals(0, Main.run(args(fx, out, 0, init, "1e-12", null).toArray(new String[0])), "exit code");
        JsonNode metrics = JSON.readTree(Path.of(out, "metrics.json").toFile());
        JsonNode adaptive = metrics.get("adaptive");
        assertEquals(init, adaptive.get("init").asText());
        assertEquals(fx.get("adaptiveGamma").asDouble(), adaptive.get("gamma").asDouble());
        if (fx.get("adaptiveInitLambda").isNull()) {
            assertTrue(adaptive.get("initLambda").isNull(), "no λ for " + init);
        } else {
            double l = fx.get("adaptiveInitLambda").asDouble();
            assertEquals(l, adaptive.get("initLambda").asDouble(), 1e-9 * l, "the ridge fit's λ (glmnet's smallest)");
        }
        double gamma = fx.get("adaptiveGamma").asDouble();
        double[] initial = numbers(fx.get("adaptiveInitial"));
        List<String> features = strings(fx.get("features"));
        double[] weights = new double[initial.length];
        for (int j = 0; j < weights.length; j++) {
            weights[j] = Math.pow(Math.abs(initial[j]), -gamma);
        }
        // ols: exact to rounding; ridge: glmnet's path is KKT-certified to 1e-7·λ
        assertFeatureColumn(SparkTestSession.get().read().parquet(out + "/coefficients").collectAsList(),
                "adaptiveWeight", weights, init.equals("ols") ? 1e-8 : 1e-5, features);
        double lambdaMax = fx.get("lambdaMaxIndependent").asDouble();
        assertEquals(lambdaMax, metrics.get("lambdaMax").asDouble(), (init.equals("ols") ? 1e-8 : 1e-5) * lambdaMax,
                "λ_max with the weights");
    }

    /** Every feature row of coefficients/ has {@code expected[index]} in {@code column}, to {@code rel}. */
    private static void assertFeatureColumn(List<Row> rows, String column, double[] expected, double rel,
                                            List<String> features) {
        for (Row r : rows) {
            int j = r.getInt(r.fieldIndex("index"));
            if (j >= 0) {
                assertEquals(expected[j], r.getDouble(r.fieldIndex(column)), rel * (1 + Math.abs(expected[j])),
                        column + " of " + features.get(j));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultPathStartsWhereGlmnetsDoes(String name) throws IOException {
        JsonNode fx = fixture(name);
        String out = tmp.resolve("path").toString();
        assertEquals(0, Main.run(args(fx, out, false).toArray(new String[0])), "exit code");
        JsonNode metrics = JSON.readTree(Path.of(out, "metrics.json").toFile());
        double lambdaMax = fx.get("lambdaMaxIndependent").asDouble();
        assertEquals(lambdaMax, metrics.get("lambdaMax").asDouble(), 1e-9 * lambdaMax, "λ_max");
        if (!fx.get("family").asText().equals("multinomial")) {
            // glmnet's multinomial path here is not converged enough for its stopping rule (fixture README)
            assertEquals(fx.get("fits").size(), metrics.get("pathLength").asInt(), "path length (early stop)");
        }
        // the unpenalized features are in the first model, unless a bound holds them at 0
        double[] factors = numbers(fx.get("penaltyFactorRescaled"));
        JsonNode first = fx.get("fits").get(0);
        int unpenalizedNonzero = 0;
        for (int j = 0; j < factors.length; j++) {
            JsonNode b = fx.get("family").asText().equals("multinomial") ? first.get("coefficients").get(0).get(j)
                    : first.get("coefficients").get(j);
            unpenalizedNonzero += factors[j] == 0 && b.asDouble() != 0 ? 1 : 0;
        }
        assertEquals(unpenalizedNonzero, metrics.get("nnz").get(0).asInt(), "nnz at λ_max");
    }

    /**
     * The objective and KKT conditions with penalty factors and bounds, from their definitions:
     * loss + λ Σⱼ vⱼ [α sⱼ Σₖ|βⱼₖ| + (1−α)/2 sⱼ² Σₖ βⱼₖ²], lo ≤ β ≤ hi.
     */
    private static final class Reference {
        private final ReferenceProblem gaussian;
        private final ClassificationReference classification;
        private final double alpha;
        private final double[] v;
        private final double[] s;
        private final double[] lo;
        private final double[] hi;

        Reference(JsonNode fx, List<String> classes) {
            Path data = TestFits.root().resolve(fx.get("dataset").asText());
            String weightCol = fx.get("weightCol").isNull() ? null : fx.get("weightCol").asText();
            boolean standardize = fx.get("standardize").asBoolean();
            if (classes == null) {
                gaussian = ReferenceProblem.readCsv(data, fx.get("labelCol").asText(), weightCol);
                classification = null;
                s = gaussian.penaltyScale(standardize);
            } else {
                gaussian = null;
                classification = ClassificationReference.readCsv(data, fx.get("labelCol").asText(), weightCol, classes,
                        fx.get("family").asText().equals("binomial"));
                s = classification.penaltyScale(standardize);
            }
            alpha = fx.get("alpha").asDouble();
            v = numbers(fx.get("penaltyFactorRescaled"));
            lo = numbers(fx.get("lowerLimits"));
            hi = numbers(fx.get("upperLimits"));
        }

        void assertWithinBounds(double[][] beta, String at) {
            for (double[] row : beta) {
                for (int j = 0; j < row.length; j++) {
                    assertTrue(row[j] >= lo[j] && row[j] <= hi[j], "bounds of feature " + j + ", " + at);
                    if (Double.isInfinite(v[j])) {
                        assertEquals(0, row[j], "a left-out feature, " + at);
                    }
                }
            }
        }

        private double loss(double[] b0, double[][] beta) {
            if (classification != null) {
                return classification.loss(b0, beta);
            }
            double sum = 0;
            for (int i = 0; i < gaussian.n(); i++) {
                double r = gaussian.y[i] - b0[0];
                for (int j = 0; j < gaussian.p(); j++) {
                    r -= gaussian.x[i][j] * beta[0][j];
                }
                sum += gaussian.w[i] * r * r;
            }
            return sum / (2 * gaussian.weightSum());
        }

        /** [k][j] features, [k][p] intercept. */
        private double[][] gradient(double[] b0, double[][] beta) {
            if (classification != null) {
                return classification.lossGradient(b0, beta);
            }
            int p = gaussian.p();
            double[][] g = new double[1][p + 1];
            for (int i = 0; i < gaussian.n(); i++) {
                double r = gaussian.y[i] - b0[0];
                for (int j = 0; j < p; j++) {
                    r -= gaussian.x[i][j] * beta[0][j];
                }
                for (int j = 0; j < p; j++) {
                    g[0][j] -= gaussian.w[i] * gaussian.x[i][j] * r;
                }
                g[0][p] -= gaussian.w[i] * r;
            }
            for (int j = 0; j <= p; j++) {
                g[0][j] /= gaussian.weightSum();
            }
            return g;
        }

        double objective(double[] b0, double[][] beta, double lambda) {
            double pen = 0;
            for (double[] row : beta) {
                for (int j = 0; j < row.length; j++) {
                    if (Double.isFinite(v[j])) {
                        pen += v[j] * (alpha * s[j] * Math.abs(row[j]) + (1 - alpha) / 2 * s[j] * s[j] * row[j] * row[j]);
                    }
                }
            }
            return loss(b0, beta) + lambda * pen;
        }

        /** The largest violation: the normal cone of [lo, hi] added to the subdifferential at a bound. */
        double kktViolation(double[] b0, double[][] beta, double lambda) {
            double[][] g = gradient(b0, beta);
            double worst = 0;
            for (int c = 0; c < beta.length; c++) {
                int p = beta[c].length;
                worst = Math.max(worst, Math.abs(g[c][p]));
                for (int j = 0; j < p; j++) {
                    if (Double.isInfinite(v[j]) || lo[j] == hi[j]) {
                        continue;
                    }
                    double b = beta[c][j];
                    double pen = lambda * alpha * v[j] * s[j];
                    double h = g[c][j] + lambda * (1 - alpha) * v[j] * s[j] * s[j] * b;
                    double violation;
                    if (b == hi[j]) {
                        violation = Math.max(0, h + pen * (b > 0 ? 1 : -1));
                    } else if (b == lo[j]) {
                        violation = Math.max(0, -(h + pen * (b < 0 ? -1 : 1)));
                    } else if (b != 0) {
                        violation = Math.abs(h + pen * Math.signum(b));
                    } else {
                        violation = Math.max(0, Math.abs(g[c][j]) - pen);
                    }
                    worst = Math.max(worst, violation);
                }
            }
            return worst;
        }
    }
}
