package org.sparklasso.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparklasso.ClassificationReference;
import org.sparklasso.ReferenceProblem;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.WrittenCoefficients;
import org.sparklasso.cli.Main;

/**
 * The warm start {@code initialModel}, as a nightly retrain uses it: yesterday's fit on the data
 * less 1% of its rows, today's on all of them, cold and warm from yesterday's output. Both reach
 * the same objective (recomputed from the written coefficients by the reference implementations),
 * and the warm one in fewer passes (metrics.json's count), for each kind of pass-based solver; sgd,
 * whose passes are its epochs, reaches a lower objective in the same passes. Yesterday's model is
 * read from its train output or, as a registry would hand it over, from the saved Spark ML model in
 * its {@code model/} directory (the layout {@code LassoModel.write().save} writes).
 */
class InitialModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1} at λ={2} from the {3}")
    @CsvSource({
        "binomial, newton,     '0.01,0.003', output",
        "binomial, fista,      0.01,         output",
        "gaussian, fista,      '0.5,0.1',    output",
        "gaussian, sgd,        0.5,          output",
        "multinomial, newton,  0.02,         output",
        "gaussian, fista,      0.5,          saved model",
        "multinomial, newton,  0.02,         saved model",
    })
    void warmFromYesterdaysModelReachesTheSameObjectiveInFewerPasses(String family, String solver, String lambdas,
                                                                    String from) throws IOException {
        SparkTestSession.get();
        String data = switch (family) {
            case "gaussian" -> "sample-data/diabetes.csv";
            case "binomial" -> "src/test/resources/data/breast_cancer.csv";
            default -> "src/test/resources/data/wine.csv";
        };
        String label = family.equals("gaussian") ? "progression" : "label";
        Path all = TestFits.root().resolve(data);
        List<String> lines = Files.readAllLines(all);
        int keep = lines.size() - Math.max(2, (lines.size() - 1) / 100);
        Path yesterday = tmp.resolve("yesterday.csv");
        Files.write(yesterday, lines.subList(0, keep));
        List<String> common = List.of("--labelCol", label, "--family", family, "--solver", solver, "--lambda",
                lambdas, "--plots", "false", "--tol", "1e-9");
        train(yesterday.toString(), common, "yesterday");
        int cold = train(all.toString(), common, "cold");
        List<String> warmArgs = new ArrayList<>(common);
        Path source = from.equals("output") ? tmp.resolve("yesterday") : tmp.resolve("yesterday").resolve("model");
        warmArgs.addAll(List.of("--initialModel", source.toString()));
        int warm = train(all.toString(), warmArgs, "warm");
        boolean budget = solver.equals("sgd");
        for (String l : lambdas.split(",")) {
            double lambda = Double.parseDouble(l);
            double coldObjective = objective(family, all, label, "cold", lambda);
            double warmObjective = objective(family, all, label, "warm", lambda);
            String at = String.format(Locale.ROOT, "objective at λ=%s: cold %.12g, warm %.12g", l, coldObjective,
                    warmObjective);
            System.out.println(family + " " + solver + " " + at);
            if (budget) {
                // sgd spends its epochs whatever the start: the warm start shows in the objective reached
                assertTrue(warmObjective < coldObjective, at);
            } else {
                assertEquals(coldObjective, warmObjective, 1e-7 * Math.abs(coldObjective), at);
            }
        }
        System.out.printf(Locale.ROOT, "%s %s λ=%s: %d passes cold, %d warm%n", family, solver, lambdas, cold, warm);
        if (budget) {
            assertEquals(cold, warm, "sgd's passes are its epochs");
        } else {
            assertTrue(warm < cold, "warm start from yesterday's model: " + warm + " passes, cold " + cold);
        }
    }

    /** Runs train into tmp/name; returns metrics.json's dataPasses. */
    private int train(String input, List<String> common, String name) throws IOException {
        List<String> args = new ArrayList<>(List.of("train", "--input", input, "--output", tmp.resolve(name).toString()));
        args.addAll(common);
        assertEquals(0, Main.run(args.toArray(new String[0])), name + ": exit code");
        return JSON.readTree(tmp.resolve(name).resolve("metrics.json").toFile()).get("dataPasses").asInt();
    }

    /** The penalized objective of the written model at λ, recomputed on all the data. */
    private double objective(String family, Path data, String label, String name, double lambda) {
        String dir = tmp.resolve(name).resolve("coefficients").toString();
        if (family.equals("gaussian")) {
            ReferenceProblem ref = ReferenceProblem.readCsv(data, label, null);
            WrittenCoefficients.Model m = at(WrittenCoefficients.read(dir, null, ref.names), lambda);
            return ref.objective(m.intercept()[0], m.beta()[0], lambda, 1, true);
        }
        boolean binomial = family.equals("binomial");
        List<String> classes = binomial ? List.of("benign", "malignant") : List.of("0", "1", "2");
        ClassificationReference ref = ClassificationReference.readCsv(data, label, null, classes, binomial);
        WrittenCoefficients.Model m = at(WrittenCoefficients.read(dir, binomial ? null : classes, ref.names), lambda);
        return ref.objective(m.intercept(), m.beta(), lambda, 1, true, false);
    }

    private static WrittenCoefficients.Model at(List<WrittenCoefficients.Model> models, double lambda) {
        return models.stream().filter(m -> m.lambda() == lambda).findFirst().orElseThrow(
                () -> new AssertionError("no written model at λ=" + lambda));
    }
}
