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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparklasso.ClassificationReference;
import org.sparklasso.ReferenceProblem;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.WrittenCoefficients;
import org.sparklasso.cli.Main;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.PenaltyKind;
import org.sparklasso.spec.SolverChoice;

/**
 * The group lasso (penalty=group) against the independent numpy reference
 * (tools/fixtures/make_group_lasso_fixtures.py: block coordinate descent then Newton, KKT to
 * 1e-14): gaussian diabetes in four groups (standardize on and off, α 1 and 0.5), binomial breast
 * cancer by measurement, and singleton groups (which are the lasso, so the reference reproduces
 * glmnet there). Each job runs as a user would and is checked on what it WROTE: the objective,
 * recomputed here from its definition, against the reference's; the group KKT conditions, written
 * here apart from the code's; the coefficients; the group column. Every solver either reaches the
 * reference objective or is refused at config time with a message (the penalty × solver table).
 */
class GroupLassoFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = TestFits.root().resolve("src/test/resources/fixtures/group");

    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    private static JsonNode fixture(String name) throws IOException {
        SparkTestSession.get();
        return JSON.readTree(DIR.resolve(name).toFile());
    }



    private static boolean gaussian(JsonNode fx) {
        return fx.get("family").asText().equals("gaussian");
    }

    /** Every {@code every}-th of the fixture's λ values (the last included). */
    private static List<Double> lambdas(JsonNode fx, int every) {
        List<Double> out = new ArrayList<>();
        int n = fx.get("fits").size();
        for (int k = n - 1; k >= 0; k -= every) {
            out.add(0, fx.get("fits").get(k).get("lambda").asDouble());
        }
        return out;
    }

    private List<String> args(JsonNode fx, String out, List<Double> lambdas, String solver, String tol) {
        List<String> args = new ArrayList<>(List.of("train", "--input", TestFits.resource(fx.get("dataset").asText()),
                "--labelCol", fx.get("labelCol").asText(), "--family", fx.get("family").asText(),
                "--standardize", fx.get("standardize").asText(), "--alpha", fx.get("alpha").asText(),
                "--penalty", "group", "--groups", String.join(",", strings(fx.get("groups"))),
                "--tol", tol, "--plots", "false", "--output", out));
        if (solver != null) {
            args.addAll(List.of("--solver", solver));
        }
        if (!lambdas.isEmpty()) {
            args.addAll(List.of("--lambda", String.join(",", lambdas.stream().map(String::valueOf).toList())));
        }
        return args;
    }

    /** Runs the job, checks the group column, and returns the models written by λ. */
    private static List<WrittenCoefficients.Model> runAndRead(JsonNode fx, List<String> args, String out) {
        assertEquals(0, Main.run(args.toArray(new String[0])), "exit code");
        List<String> features = strings(fx.get("features"));
        List<String> groups = strings(fx.get("groups"));
        for (Row r : SparkTestSession.get().read().parquet(out + "/coefficients").collectAsList()) {
            int j = r.getInt(r.fieldIndex("index"));
            String group = r.isNullAt(r.fieldIndex("group")) ? null : r.getString(r.fieldIndex("group"));
            assertEquals(j < 0 ? null : groups.get(j), group, "group column of " + r);
        }
        return WrittenCoefficients.read(out + "/coefficients", null, features);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writtenModelsMatchTheReference(String name) throws IOException {
        JsonNode fx = fixture(name);
        // cd (gaussian) to a relative gap of 1e-12; newton (binomial) on every third λ to a KKT of 1e-10
        boolean g = gaussian(fx);
        String out = tmp.resolve("out").toString();
        List<WrittenCoefficients.Model> written = runAndRead(fx, args(fx, out, lambdas(fx, g ? 1 : 3), null,
                g ? "1e-12" : "1e-10"), out);
        check(fx, written, g ? 1e-10 : 1e-9, 1e-5, name);
    }

    /** The penalty × solver table: every solver that fits the family either matches the reference or is refused. */
    static Stream<Arguments> everySolver() throws IOException {
        return Stream.of("reference_group_gaussian_diabetes_four-groups_std-false_alpha-0.5.json",
                        "reference_group_binomial_breast_cancer_by-measurement_std-true_alpha-1.json")
                .flatMap(name -> Stream.of(SolverChoice.values())
                        // not subgradient on unstandardized data: its internal L1 weights span orders of
                        // magnitude and α₀/√t overshoots them for far longer than its budget (seen 0.36
                        // relative at the second λ; FirstOrderSolversFixtureTest excludes the same case)
                        .filter(s -> !(s == SolverChoice.SUBGRADIENT && name.contains("std-false")))
                        // not gd on the binomial group fixture: it gets there, but its group KKT rule at
                        // tol 1e-10 costs ~100 s of CI; gd's group path is the gaussian row here, and its
                        // binomial fits are FirstOrderSolversFixtureTest's
                        .filter(s -> !(s == SolverChoice.GD && name.contains("binomial")))
                        .map(s -> Arguments.of(name, s.key())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everySolver")
    void everySolverReachesTheReferenceOrIsRefused(String name, String solver) throws IOException {
        JsonNode fx = fixture(name);
        Family family = Family.valueOf(fx.get("family").asText().toUpperCase(java.util.Locale.ROOT));
        String out = tmp.resolve("solver-" + solver).toString();
        List<String> args = args(fx, out, lambdas(fx, 4), solver, "1e-10");
        String refusal = SolverChoice.valueOf(solver.toUpperCase(java.util.Locale.ROOT)).refusal(family,
                PenaltyKind.GROUP_LASSO);
        if (refusal != null) {
            var err = new java.io.ByteArrayOutputStream();
            var saved = System.err;
            System.setErr(new java.io.PrintStream(err, true));
            int code;
            try {
                code = Main.run(args.toArray(new String[0]));
            } finally {
                System.setErr(saved);
            }
            assertEquals(2, code, "refused at config time: " + solver);
            // a solver of another family is refused for the family, one of the family for the penalty
            assertTrue(err.toString().contains("solver: invalid value '" + solver + "'")
                    && err.toString().contains(SolverChoice.valueOf(solver.toUpperCase(java.util.Locale.ROOT))
                    .fits(family) ? "for penalty group lasso" : "for family " + family.key()), err.toString());
            assertTrue(Files.notExists(Path.of(out)), "no output");
            return;
        }
        Double distance = COMPARISON_DISTANCES.get(solver);
        if (distance != null) {
            checkObjective(fx, runAndRead(fx, args, out), distance, name + " " + solver);
            return;
        }
        check(fx, runAndRead(fx, args, out), 1e-8, 1e-4, name + " " + solver);
    }

    /**
     * The comparison solvers' stated distances from the reference objective (relative, "at least
     * this good"), as in {@link FirstOrderSolversFixtureTest}: gd is exact but slow to drive the
     * group KKT residual down (seen 1.8e-5 of the gradient scale at tol 1e-10 on the unstandardized
     * fixture), so it is held to its objective; sgd without polish and subgradient to their budgets'
     * distances.
     */
    private static final Map<String, Double> COMPARISON_DISTANCES = Map.of("gd", 1e-6, "sgd", 0.15,
            "subgradient", 0.3);

    /** Each written model's objective is within {@code distance} above the reference's, never below it. */
    private static void checkObjective(JsonNode fx, List<WrittenCoefficients.Model> written, double distance,
                                       String name) {
        Reference ref = reference(fx);
        List<Written> pairs = written(fx, written);
        for (Written w : pairs) {
            WrittenCoefficients.Model m = w.model();
            double lambda = m.lambda();
            double theirs = w.expected().get("objective").asDouble();
            double suboptimality = (ref.objective(m.intercept()[0], m.beta()[0], lambda) - theirs) / Math.abs(theirs);
            String at = String.format(java.util.Locale.ROOT, "%s at λ=%s: relative suboptimality %.3g", name, lambda,
                    suboptimality);
            System.out.println(at);
            assertTrue(suboptimality > -1e-9 && suboptimality <= distance, at);
        }
        assertTrue(!pairs.isEmpty(), "no fixture λ written, " + name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void defaultPathStartsAtTheReferenceLambdaMax(String name) throws IOException {
        JsonNode fx = fixture(name);
        if (!name.contains("alpha-1") || !name.contains("std-true") || name.contains("binomial_breast_cancer_singletons")) {
            return; // one binomial case
        }
        String out = tmp.resolve("path").toString();
        List<String> args = args(fx, out, List.of(), null, "1e-7");
        args.addAll(List.of("--nlambda", "5"));
        assertEquals(0, Main.run(args.toArray(new String[0])), "exit code");
        JsonNode metrics = JSON.readTree(Path.of(out, "metrics.json").toFile());
        double lambdaMax = fx.get("lambdaMax").asDouble();
        assertEquals(lambdaMax, metrics.get("lambdaMax").asDouble(), 1e-9 * lambdaMax, "λ_max");
        assertEquals(0, metrics.get("nnz").get(0).asInt(), "all zero at λ_max");
        JsonNode groups = metrics.get("groups");
        assertEquals(strings(fx.get("groups")).stream().distinct().count(), groups.size(), "groups in metrics.json");
        for (JsonNode gr : groups) {
            assertEquals(fx.get("groupWeights").get(gr.get("group").asText()).asDouble(), gr.get("weight").asDouble(),
                    1e-15, "w_g of " + gr.get("group"));
        }
    }

    /**
     * A groups file naming some features: the others are their own groups. No reference solved
     * this grouping; the KKT conditions certify the written models, and the group column and
     * metrics.json show the grouping in force.
     */
    @Test
    void groupsFileLeavesUnnamedFeaturesAlone() throws IOException {
        JsonNode fx = fixture("reference_group_gaussian_diabetes_four-groups_std-true_alpha-1.json");
        List<String> features = strings(fx.get("features"));
        List<String> labels = strings(fx.get("groups"));
        Path file = tmp.resolve("groups.csv");
        StringBuilder text = new StringBuilder("feature,group\n# g1 left out: its features are their own groups\n");
        List<String> expected = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            boolean named = !labels.get(j).equals("g1");
            if (named) {
                text.append(features.get(j)).append(',').append(labels.get(j)).append('\n');
            }
            expected.add(named ? labels.get(j) : features.get(j));
        }
        Files.writeString(file, text);
        String out = tmp.resolve("file").toString();
        List<String> args = new ArrayList<>(List.of("train", "--input", TestFits.resource(fx.get("dataset").asText()),
                "--labelCol", fx.get("labelCol").asText(), "--penalty", "group", "--groups", file.toString(),
                "--groupWeights", "g3:2.5", "--lambda", "5,1,0.2", "--tol", "1e-12", "--output", out));
        assertEquals(0, Main.run(args.toArray(new String[0])), "exit code");
        for (Row r : SparkTestSession.get().read().parquet(out + "/coefficients").collectAsList()) {
            int j = r.getInt(r.fieldIndex("index"));
            if (j >= 0) {
                assertEquals(expected.get(j), r.getString(r.fieldIndex("group")), features.get(j));
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (JsonNode gr : JSON.readTree(Path.of(out, "metrics.json").toFile()).get("groups")) {
            weights.put(gr.get("group").asText(), gr.get("weight").asDouble());
        }
        assertEquals(Map.of("age", 1.0, "sex", 1.0, "g2", Math.sqrt(2), "g3", 2.5, "g4", Math.sqrt(3)), weights);
        assertTrue(Files.exists(Path.of(out, "plots", "coefficient_paths.png")), "path plot by group");
        Reference ref = new Reference(fx, expected, weights);
        for (WrittenCoefficients.Model m : WrittenCoefficients.read(out + "/coefficients", null, features)) {
            double kkt = ref.kktViolation(m.intercept()[0], m.beta()[0], m.lambda());
            assertTrue(kkt <= 1e-7 * ref.gradientScale(), "KKT at λ=" + m.lambda() + ": " + kkt);
        }
    }

    /**
     * The library API: a FitSpec whose penalty options carry the groups (no CLI, no files), fitted
     * by {@code Lasso.fit}, gives the reference's model.
     */
    @Test
    void libraryApiFitsTheGroupLasso() throws IOException {
        JsonNode fx = fixture("reference_group_gaussian_diabetes_four-groups_std-true_alpha-0.5.json");
        JsonNode expected = fx.get("fits").get(10);
        double lambda = expected.get("lambda").asDouble();
        org.sparklasso.cli.JobConfig config = org.sparklasso.cli.ConfigParser.parse(new String[] {"--input",
                TestFits.resource(fx.get("dataset").asText()), "--labelCol", fx.get("labelCol").asText(),
                "--output", "/nonexistent/unused"});
        org.sparklasso.spec.FitSpec plain = config.fitSpec();
        org.sparklasso.spec.FitSpec spec = new org.sparklasso.spec.FitSpec(plain.family(), false, 0.5,
                List.of(lambda), 1, Double.NaN, 0, null, 1, "mse", "lambda.min", true, true, true, SolverChoice.AUTO,
                1e-12, 0, plain.solverOptions(), plain.cdMaxFeatures(), plain.aggregationDepth(), org.sparklasso.spec.PenaltyOptions.none()
                .withGroups(org.sparklasso.spec.GroupOptions.inOrder(String.join(",", strings(fx.get("groups"))),
                        Map.of())));
        org.sparklasso.input.LoadedData data = TestFits.load(config);
        TrainingResult result;
        try {
            result = org.sparklasso.api.Lasso.fit(data, spec);
        } finally {
            data.release(false);
        }
        FittedModel m = result.fits().get(0);
        Map<String, Double> weights = new LinkedHashMap<>();
        fx.get("groupWeights").fields().forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        double ours = new Reference(fx, strings(fx.get("groups")), weights).objective(m.intercept(), m.coefficients(),
                lambda);
        double theirs = expected.get("objective").asDouble();
        assertEquals(theirs, ours, 1e-10 * theirs, "objective of the library's model");
    }

    /**
     * Working sets of groups on a problem wider than the first working set (400 features in 200
     * groups of 2, 6 groups in the true model): the written models equal block coordinate
     * descent's on the full statistics (itself checked against the numpy reference above), to 1e-9,
     * and meet the group KKT conditions computed here.
     */
    @Test
    void workingSetsOfGroupsMatchBlockCoordinateDescent() throws IOException {
        SparkTestSession.get();
        int n = 300;
        int p = 400;
        java.util.Random rnd = new java.util.Random(17);
        StringBuilder csv = new StringBuilder();
        List<String> features = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            features.add("x" + j);
            labels.add("g" + j / 2);
        }
        csv.append(String.join(",", features)).append(",y\n");
        for (int i = 0; i < n; i++) {
            double y = rnd.nextGaussian();
            double shared = rnd.nextGaussian();
            for (int j = 0; j < p; j++) {
                double x = 0.5 * shared + rnd.nextGaussian();
                y += j % 67 < 2 ? (j % 2 == 0 ? 1.5 : -1) * x : 0;
                csv.append(x).append(',');
            }
            csv.append(y).append('\n');
        }
        Path data = tmp.resolve("wide.csv");
        Files.writeString(data, csv);
        Map<String, double[]> objectives = new LinkedHashMap<>();
        double lambdaMax = Double.NaN;
        Map<String, Double> weights = new LinkedHashMap<>();
        labels.stream().distinct().forEach(l -> weights.put(l, Math.sqrt(2)));
        for (String solver : List.of("cd", "workingset")) {
            String out = tmp.resolve("wide-" + solver).toString();
            assertEquals(0, Main.run(new String[] {"train", "--input", data.toString(), "--labelCol", "y",
                    "--penalty", "group", "--groups", String.join(",", labels), "--solver", solver, "--nlambda", "8",
                    "--lambdaMinRatio", "0.05", "--tol", "1e-11", "--plots", "false", "--output", out}), solver);
            JsonNode metrics = JSON.readTree(Path.of(out, "metrics.json").toFile());
            assertEquals(solver, metrics.get("solver").asText());
            lambdaMax = metrics.get("lambdaMax").asDouble();
            com.fasterxml.jackson.databind.node.ObjectNode fx = JSON.createObjectNode();
            fx.put("dataset", data.toString()).put("labelCol", "y").put("family", "gaussian")
                    .put("standardize", true).put("alpha", 1.0).put("lambdaMax", lambdaMax);
            Reference ref = new Reference(fx, labels, weights);
            List<WrittenCoefficients.Model> written = WrittenCoefficients.read(out + "/coefficients", null, features);
            assertEquals(8, written.size(), "the path, " + solver);
            double[] obj = new double[written.size()];
            for (int l = 0; l < obj.length; l++) {
                WrittenCoefficients.Model m = written.get(l);
                obj[l] = ref.objective(m.intercept()[0], m.beta()[0], m.lambda());
                double kkt = ref.kktViolation(m.intercept()[0], m.beta()[0], m.lambda());
                assertTrue(kkt <= 1e-5 * ref.gradientScale(), solver + " group KKT at λ=" + m.lambda() + ": " + kkt);
            }
            objectives.put(solver, obj);
        }
        for (int l = 0; l < 8; l++) {
            assertEquals(objectives.get("cd")[l], objectives.get("workingset")[l], 1e-9 * objectives.get("cd")[l],
                    "workingset = cd at λ number " + l);
        }
    }

    /** Objective, KKT and coefficients of every written model against the fixture's. */
    private static void check(JsonNode fx, List<WrittenCoefficients.Model> written, double objectiveTol,
                              double coefficientTol, String name) {
        Reference ref = reference(fx);
        List<Written> pairs = written(fx, written);
        for (Written w : pairs) {
            JsonNode expected = w.expected();
            WrittenCoefficients.Model m = w.model();
            double lambda = m.lambda();
            String at = name + " at λ=" + lambda;
            double theirs = expected.get("objective").asDouble();
            double ours = ref.objective(m.intercept()[0], m.beta()[0], lambda);
            assertEquals(theirs, ours, objectiveTol * Math.abs(theirs), "objective of the written model, " + at);
            // a relative duality gap ε bounds the gradient's error by about √ε: 1e-5 of the null model's scores
            double kkt = ref.kktViolation(m.intercept()[0], m.beta()[0], lambda);
            assertTrue(kkt <= 1e-5 * ref.gradientScale(), "group KKT of the written model, " + at + ": " + kkt
                    + " (gradient scale " + ref.gradientScale() + ")");
            double[] beta = numbers(expected.get("coefficients"));
            double scale = 1e-300;
            double worst = 0;
            for (int j = 0; j < beta.length; j++) {
                scale = Math.max(scale, Math.abs(beta[j]));
                worst = Math.max(worst, Math.abs(beta[j] - m.beta()[0][j]));
                assertEquals(beta[j] == 0, m.beta()[0][j] == 0, "zero pattern of feature " + j + ", " + at);
            }
            assertTrue(worst <= coefficientTol * scale, "coefficients, " + at + ": " + worst + " of " + scale);
        }
        assertEquals(written.size(), pairs.size(), "every written model compared");
    }

    /** A fixture fit and the written model at its λ. */
    private record Written(JsonNode expected, WrittenCoefficients.Model model) {
    }

    /** The fixture's fits that were written, each with its written model. */
    private static List<Written> written(JsonNode fx, List<WrittenCoefficients.Model> written) {
        List<Written> out = new ArrayList<>();
        for (JsonNode expected : fx.get("fits")) {
            double lambda = expected.get("lambda").asDouble();
            written.stream().filter(f -> f.lambda() == lambda).findFirst()
                    .ifPresent(m -> out.add(new Written(expected, m)));
        }
        return out;
    }

    /** The fixture's reference problem, with its group weights. */
    private static Reference reference(JsonNode fx) {
        Map<String, Double> weights = new LinkedHashMap<>();
        fx.get("groupWeights").fields().forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        return new Reference(fx, strings(fx.get("groups")), weights);
    }

    /**
     * The group lasso objective and KKT conditions from their definitions, on the original scale:
     * loss + λ [α Σ_g w_g ‖(sⱼ βⱼ)_{j∈g}‖₂ + (1−α)/2 Σⱼ sⱼ² βⱼ²]; with yⱼ = sⱼβⱼ and Gⱼ the loss
     * gradient, a nonzero group needs {@code ‖(Gⱼ/sⱼ + λ(1−α)yⱼ + λαw_g yⱼ/‖y_g‖)‖ = 0}, a zero one
     * {@code ‖(Gⱼ/sⱼ)‖ ≤ λαw_g}; the intercept's gradient 0.
     */
    private static final class Reference {
        private final ReferenceProblem gaussian;
        private final ClassificationReference binomial;
        private final double alpha;
        private final double[] s;
        private final int[] groupOf;
        private final double[] w;
        private final double lambdaMax;

        Reference(JsonNode fx, List<String> labels, Map<String, Double> weights) {
            Path data = TestFits.root().resolve(fx.get("dataset").asText());
            boolean standardize = fx.get("standardize").asBoolean();
            if (gaussian(fx)) {
                gaussian = ReferenceProblem.readCsv(data, fx.get("labelCol").asText(), null);
                binomial = null;
                s = gaussian.penaltyScale(standardize);
            } else {
                gaussian = null;
                binomial = ClassificationReference.readCsv(data, fx.get("labelCol").asText(), null,
                        strings(fx.get("classes")), true);
                s = binomial.penaltyScale(standardize);
            }
            alpha = fx.get("alpha").asDouble();
            List<String> distinct = labels.stream().distinct().toList();
            groupOf = labels.stream().mapToInt(distinct::indexOf).toArray();
            w = distinct.stream().mapToDouble(weights::get).toArray();
            lambdaMax = fx.get("lambdaMax").asDouble();
        }

        /** λ_max·α·max w_g: the size of the largest group score at the null model. */
        double gradientScale() {
            return lambdaMax * Math.max(alpha, 1e-3) * java.util.Arrays.stream(w).max().orElse(1);
        }

        /** [j] loss gradient by βⱼ, [p] by the intercept. */
        private double[] gradient(double b0, double[] beta) {
            if (binomial != null) {
                return binomial.lossGradient(new double[] {b0}, new double[][] {beta})[0];
            }
            int p = gaussian.p();
            double[] g = new double[p + 1];
            for (int i = 0; i < gaussian.n(); i++) {
                double r = gaussian.y[i] - b0;
                for (int j = 0; j < p; j++) {
                    r -= gaussian.x[i][j] * beta[j];
                }
                for (int j = 0; j < p; j++) {
                    g[j] -= gaussian.w[i] * gaussian.x[i][j] * r;
                }
                g[p] -= gaussian.w[i] * r;
            }
            for (int j = 0; j <= p; j++) {
                g[j] /= gaussian.weightSum();
            }
            return g;
        }

        private double loss(double b0, double[] beta) {
            if (binomial != null) {
                return binomial.loss(new double[] {b0}, new double[][] {beta});
            }
            double sum = 0;
            for (int i = 0; i < gaussian.n(); i++) {
                double r = gaussian.y[i] - b0;
                for (int j = 0; j < gaussian.p(); j++) {
                    r -= gaussian.x[i][j] * beta[j];
                }
                sum += gaussian.w[i] * r * r;
            }
            return sum / (2 * gaussian.weightSum());
        }

        private double[] groupNorms(double[] beta) {
            double[] sq = new double[w.length];
            for (int j = 0; j < beta.length; j++) {
                sq[groupOf[j]] += s[j] * s[j] * beta[j] * beta[j];
            }
            for (int g = 0; g < sq.length; g++) {
                sq[g] = Math.sqrt(sq[g]);
            }
            return sq;
        }

        double objective(double b0, double[] beta, double lambda) {
            double[] norms = groupNorms(beta);
            double pen = 0;
            for (int g = 0; g < w.length; g++) {
                pen += alpha * w[g] * norms[g] + 0.5 * (1 - alpha) * norms[g] * norms[g];
            }
            return loss(b0, beta) + lambda * pen;
        }

        double kktViolation(double b0, double[] beta, double lambda) {
            double[] grad = gradient(b0, beta);
            double[] norms = groupNorms(beta);
            double[] violation = new double[w.length];
            double[] score = new double[w.length];
            for (int j = 0; j < beta.length; j++) {
                int g = groupOf[j];
                double gj = grad[j] / s[j];
                if (norms[g] == 0) {
                    score[g] += gj * gj;
                } else {
                    double y = s[j] * beta[j];
                    double r = gj + lambda * (1 - alpha) * y + lambda * alpha * w[g] * y / norms[g];
                    violation[g] += r * r;
                }
            }
            double worst = Math.abs(grad[beta.length]);
            for (int g = 0; g < w.length; g++) {
                worst = Math.max(worst, norms[g] == 0 ? Math.max(0, Math.sqrt(score[g]) - lambda * alpha * w[g])
                        : Math.sqrt(violation[g]));
            }
            return worst;
        }
    }
}
