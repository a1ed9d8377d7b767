package org.sparklasso.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparklasso.TestFits;
import org.sparklasso.model.FittedModel;

/**
 * L1 logistic and multinomial regression against glmnet through the committed fixtures
 * (tools/fixtures/make_classification_fixtures.R): binomial with string labels, weights,
 * standardize true and false, α = 1 and 0.5; multinomial ungrouped and grouped; a separable data
 * set; a class with a single example. Objective within 1e-6 relative for proximal Newton and
 * FISTA, and the binomial coefficients.
 */
class ClassificationFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = TestFits.root().resolve("src/test/resources/fixtures/classification");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.sorted().toList()) {
                if (f.getFileName().toString().contains("_path_cv_")) {
                    continue;
                }
                for (String solver : List.of("newton", "fista")) {
                    out.add(Arguments.of(f.getFileName().toString(), solver));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void matchesGlmnet(String name, String solver) throws IOException {
        JsonNode fx = JSON.readTree(DIR.resolve(name).toFile());
        List<String> lambdas = new ArrayList<>();
        fx.get("fits").forEach(f -> lambdas.add(Double.toString(f.get("lambda").asDouble())));
        List<String> args = new ArrayList<>(List.of("--input", TestFits.resource(fx.get("dataset").asText()),
                "--labelCol", fx.get("labelCol").asText(), "--family", fx.get("family").asText(),
                "--standardize", fx.get("standardize").asText(), "--alpha", fx.get("alpha").asText(),
                "--lambda", String.join(",", lambdas), "--solver", solver,
                "--tol", solver.equals("newton") ? "1e-10" : "1e-8"));
        if (!fx.get("weightCol").isNull()) {
            args.addAll(List.of("--weightCol", fx.get("weightCol").asText()));
        }
        if (!fx.get("typeMultinomial").isNull()) {
            args.addAll(List.of("--typeMultinomial", fx.get("typeMultinomial").asText()));
        }
        GaussianTrainer.Result r = TestFits.fit(args.toArray(new String[0]));
        assertEquals(fx.get("lambdaMax").asDouble(), r.lambdaMax(), 1e-9 * r.lambdaMax(), "λ_max");
        boolean binomial = fx.get("family").asText().equals("binomial");
        for (JsonNode expected : fx.get("fits")) {
            double lambda = expected.get("lambda").asDouble();
            FittedModel m = r.fits().stream().filter(f -> f.lambda() == lambda).findFirst().orElseThrow();
            double theirs = expected.get("objective").asDouble();
            assertTrue(m.solve().converged(), solver + " converged at λ=" + lambda);
            assertEquals(theirs, m.solve().objective(), 1e-6 * theirs, solver + " objective at λ=" + lambda);
            assertTrue(m.solve().objective() <= theirs * (1 + 1e-8), "not worse than glmnet at λ=" + lambda);
            if (binomial) {
                JsonNode coefs = expected.get("coefficients").get(0);
                double scale = 1;
                for (JsonNode c : coefs) {
                    scale = Math.max(scale, Math.abs(c.asDouble()));
                }
                for (int j = 0; j < coefs.size(); j++) {
                    assertEquals(coefs.get(j).asDouble(), m.coefficients()[j], 1e-3 * scale, "coefficient " + j);
                }
            }
        }
    }
}
