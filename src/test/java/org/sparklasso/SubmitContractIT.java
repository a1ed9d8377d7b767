package org.sparklasso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract as a user's terminal shows it, through {@code submit.sh} and real spark-submit
 * (a representative part of the bad-input corpus; the rest runs in-process in
 * {@code BadInputCorpusTest}): the headerless CSV that failed on its own documented default now
 * fits; bad input prints one {@code spark-lasso: error:} line naming file, line and problem, with no
 * stack trace and no Spark task-failure log anywhere on stderr; a successful run prints no WARN noise.
 * The only other lines allowed are the JVM's own incubator-module notice and the job's INFO progress.
 */
class SubmitContractIT {
    private static final String PREFIX = "spark-lasso: error:";

    @TempDir
    Path tmp;

    @Test
    void headerlessCsvWithOnlyTheHeaderKeyFitsWithoutNoise() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            double a = (i * 7 % 11) - 5;
            double b = (i * 3 % 7) - 3;
            csv.append(2 * a - b + (i % 3) * 0.1).append(',').append(a).append(',').append(b).append('\n');
        }
        Path data = Files.writeString(tmp.resolve("data.csv"), csv.toString());
        Path out = tmp.resolve("out");
        Run run = submit("train", "--input", data.toString(), "--header", "false", "--lambda", "0.5",
                "--output", out.toString());
        assertEquals(0, run.exit(), run.stderr());
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        List<String> warnings = run.stderr().lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).toList();
        assertEquals(List.of(), warnings, "a successful run prints no WARN or ERROR lines");
        assertFalse(run.stderr().contains("dlopen(libblas.so.3) failed"), "netlib's native probe is skipped "
                + "without a system BLAS:\n" + run.stderr());
    }

    @Test
    void readmeTrainThenScoreRunsAndAMissingFeatureIsOneLine() throws Exception {
        Path model = tmp.resolve("diabetes");
        Run train = submit("train", "--config", "conf/diabetes.properties", "--output", model.toString());
        assertEquals(0, train.exit(), train.stderr());
        assertTrue(Files.exists(model.resolve("model/metadata")) && Files.exists(model.resolve("model.pmml")));
        Path scores = tmp.resolve("scores");
        Run score = submit("score", "--model", model.toString(), "--input", "sample-data/diabetes.csv", "--output",
                scores.toString(), "--keepCols", "progression");
        assertEquals(0, score.exit(), score.stderr());
        assertTrue(score.stderr().contains("spark-lasso: scored 442 rows"), score.stderr());
        assertTrue(Files.exists(scores.resolve("_SUCCESS")));
        List<String> warnings = score.stderr().lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                .toList();
        assertEquals(List.of(), warnings, "a successful score prints no WARN or ERROR lines");

        Path partial = Files.writeString(tmp.resolve("partial.csv"), "age,sex,bp\n50,1,90\n");
        Run missing = submit("score", "--model", model.toString(), "--input", partial.toString(), "--output",
                tmp.resolve("none").toString());
        missing.assertOneError(3, "lacks", "bmi");
        assertFalse(Files.exists(tmp.resolve("none")));
    }

    @Test
    void malformedLibsvmNamesTheLineWithoutAStackTrace() throws Exception {
        Path data = Files.writeString(tmp.resolve("bad.libsvm"), "1 1:0.5 2:1\n0 1:1.5\n1 1:2 2:x\n0 2:3\n");
        Run run = submit("train", "--input", data.toString(), "--lambda", "0.1", "--output",
                tmp.resolve("out").toString());
        run.assertOneError(3, "1 bad line of 4", "line 3 of " + data, "the value 'x' of index 2 is not a number");
    }

    @Test
    void emptyCsvIsAnInputError() throws Exception {
        Path data = Files.writeString(tmp.resolve("empty.csv"), "");
        submit("train", "--input", data.toString(), "--output", tmp.resolve("out").toString())
                .assertOneError(3, data + " is empty");
    }

    @Test
    void semicolonCsvGetsTheSeparatorToTry() throws Exception {
        Path data = Files.writeString(tmp.resolve("semi.csv"), "y;a;b\n1;2;3\n2;3;5\n");
        submit("train", "--input", data.toString(), "--labelCol", "y", "--output", tmp.resolve("out").toString())
                .assertOneError(3, "try sep=;");
    }

    @Test
    void mistypedKeyGetsASuggestionAndHelpListsTheKeys() throws Exception {
        submit("train", "--input", "x.csv", "--lamda", "1", "--output", tmp.resolve("out").toString())
                .assertOneError(2, "unknown key 'lamda' (did you mean 'lambda'?)");
        Run help = submit("train", "--help");
        assertEquals(0, help.exit(), help.stderr());
        assertTrue(help.stdout().contains("labelCol") && help.stdout().contains("label (csv without header: 1)"),
                help.stdout());
    }

    @Test
    void everyCommandHasTheHelpTheUsagePromises() throws Exception {
        // submit.sh's usage: "Run 'submit.sh COMMAND --help' for the options of a command."
        for (String command : List.of("train", "score", "generate", "bench")) {
            Run help = submit(command, "--help");
            assertEquals(0, help.exit(), command + ": " + help.stderr());
            assertTrue(help.stdout().startsWith("usage: submit.sh [spark-submit options] " + command), help.stdout());
        }
        Run generate = submit("generate", "--help");
        assertTrue(generate.stdout().contains("rows         100000") && generate.stdout().contains("signalSd"),
                generate.stdout());
        assertTrue(submit("bench", "--help").stdout().contains("conf/bench.properties"));
    }

    // ---------------------------------------------------------------------------------------------

    record Run(int exit, String stdout, String stderr) {
        void assertOneError(int code, String... mentions) {
            assertEquals(code, exit, "exit code; stderr:\n" + stderr);
            List<String> errors = stderr.lines().filter(l -> l.startsWith(PREFIX)).toList();
            assertEquals(1, errors.size(), stderr);
            for (String m : mentions) {
                assertTrue(errors.get(0).contains(m), "should mention '" + m + "': " + errors.get(0));
            }
            List<String> others = stderr.lines().filter(l -> !l.isBlank() && !l.startsWith(PREFIX)
                    && !l.equals("WARNING: Using incubator modules: jdk.incubator.vector")
                    && !l.matches("\\d\\d:\\d\\d:\\d\\d INFO \\w+: .*")).toList();
            assertEquals(List.of(), others, "nothing else on stderr");
            assertFalse(stderr.contains("\tat ") || stderr.contains("Exception"), stderr);
        }
    }

    private Run submit(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./submit.sh", "--master", "local[2]"));
        command.addAll(Arrays.asList(args));
        Path stdout = Files.createTempFile(tmp, "stdout", ".txt");
        Path stderr = Files.createTempFile(tmp, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(TestFits.root().toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().keySet().removeAll(List.of("SPARK_HOME", "SPARK_CONF_DIR", "MASTER", "SPARK_SUBMIT_OPTS"));
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("submit.sh did not finish: " + command);
        }
        return new Run(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
