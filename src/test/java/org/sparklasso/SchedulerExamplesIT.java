package org.sparklasso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.spec.ExitCode;

/**
 * What can be checked of the scheduler examples without Airflow or cron (after {@code mvn package},
 * through maven-failsafe-plugin): the Airflow DAG (examples/airflow) compiles with
 * {@code python3 -m py_compile} (skipped, with a message, without python3 on the PATH) and names
 * the jar, the main class, a {@code {{ ds }}}-dated output and the exit codes not to retry as the
 * project defines them; the cron wrapper (examples/cron) runs the bundled sample through submit.sh
 * into a dated directory with _SUCCESS and nothing else, writes one log per run, refuses (exit 75)
 * a second invocation while the first holds the lock (it does not wait unless LOCK_WAIT is set),
 * and, with a stand-in submit.sh, passes the job's exit codes and the dated --output through.
 */
class SchedulerExamplesIT {
    private static final long TIMEOUT_MINUTES = 5;

    @TempDir
    Path tmp;

    private static Path root() {
        return Path.of(System.getProperty("sparklasso.basedir", ".")).toAbsolutePath();
    }

    private static boolean onPath(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void airflowDagCompilesAndMatchesTheProject() throws Exception {
        Path dag = root().resolve("examples/airflow/spark_lasso_dag.py");
        String text = Files.readString(dag);
        assertTrue(text.contains("SparkSubmitOperator"), "uses SparkSubmitOperator");
        assertTrue(text.contains("java_class=\"org.sparklasso.cli.Main\""), "main class");
        assertTrue(Files.exists(root().resolve("src/main/java/org/sparklasso/cli/Main.java")), "Main exists");
        assertTrue(text.contains("/target/spark-lasso.jar\""), "the jar mvn package builds");
        assertTrue(Files.exists(root().resolve("target/spark-lasso.jar")), "target/spark-lasso.jar built");
        assertTrue(text.contains("\"--output\", OUTPUT_BASE + \"/{{ ds }}\""), "dated output templated with {{ ds }}");
        assertTrue(text.contains("\"spark.executorEnv.OPENBLAS_NUM_THREADS\": \"1\""), "one BLAS thread per task");
        assertTrue(text.contains("io.openlineage.spark.agent.OpenLineageSparkListener"), "OpenLineage note");
        assertTrue(text.contains("\"--model\", OUTPUT_BASE + \"/{{ ds }}\""), "score reads the day's train output");
        assertTrue(text.contains("train >> score"), "score runs after train");
        Matcher m = Pattern.compile("NO_RETRY_EXIT_CODES = \\{(\\d+), (\\d+)}").matcher(text);
        assertTrue(m.find(), "NO_RETRY_EXIT_CODES");
        assertEquals(Set.of(ExitCode.BAD_CONFIG, ExitCode.BAD_INPUT),
                Set.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), "codes not to retry");

        assumeTrue(onPath("python3"), "python3 is not on the PATH: the DAG's syntax is not checked");
        ProcessBuilder pb = new ProcessBuilder("python3", "-m", "py_compile", dag.toString())
                .redirectErrorStream(true);
        pb.environment().put("PYTHONPYCACHEPREFIX", tmp.resolve("pycache").toString()); // keep examples/ clean
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), "py_compile finished");
        assertEquals(0, p.exitValue(), "py_compile " + dag + ":\n" + out);
    }

    @Test
    void cronWrapperWritesADatedOutputAndALogPerRunAndHoldsTheLock() throws Exception {
        assumeTrue(onPath("flock"), "flock (util-linux) is not on the PATH");
        Path base = tmp.resolve("outputs");
        LocalDate before = LocalDate.now();
        Process first = wrapper(base, Map.of(), root().resolve("conf/diabetes.properties"), "--master", "local[2]");
        // wait until the first run has the lock (it logs its start line after taking it)
        Path logs = base.resolve("logs");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!logContains(logs, "start: ") && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(first.isAlive(), "the first run ended before the second could be tried: " + logsText(logs));
        Process second = wrapper(base, Map.of(), root().resolve("conf/diabetes.properties"), "--master", "local[2]");
        assertEquals(75, finish(second), "a second run while the first holds the lock is refused");
        assertEquals(0, finish(first), "exit code of the run:\n" + logsText(logs));
        LocalDate after = LocalDate.now();

        Path dated = base.resolve(after.toString());
        if (!Files.exists(dated)) {
            dated = base.resolve(before.toString()); // ran across midnight
        }
        assertTrue(Files.exists(dated.resolve("_SUCCESS")), "dated output with _SUCCESS: " + list(base));
        assertTrue(Files.exists(dated.resolve("metrics.json")), "metrics.json");
        try (Stream<Path> parts = Files.list(dated.resolve("coefficients"))) {
            assertTrue(parts.anyMatch(f -> f.getFileName().toString().endsWith(".parquet")), "coefficients/ Parquet");
        }
        // nothing else in the base: no staging directory, no partial output
        assertEquals(new TreeSet<>(List.of(dated.getFileName().toString(), "logs", ".spark-lasso.lock")), list(base));

        List<Path> runLogs = logFiles(logs);
        assertEquals(2, runLogs.size(), "one log file per run: " + runLogs);
        String ok = runLogs.stream().map(SchedulerExamplesIT::read).filter(s -> s.contains("end: exit code 0"))
                .findFirst().orElseThrow(() -> new AssertionError("no log of the successful run: " + logsText(logs)));
        assertTrue(ok.contains("INFO TrainJob: wrote " + dated), "the job's own lines are in the log:\n" + ok);
        assertTrue(runLogs.stream().map(SchedulerExamplesIT::read).anyMatch(s -> s.contains("another run holds")),
                "the refused run says why");

    }

    /**
     * With a stand-in submit.sh (SPARK_LASSO_HOME pointing at it) that records its arguments and
     * exits with a given code: the wrapper passes every code through (1, 2 and 3 as the job's exit
     * codes), and calls {@code submit.sh SUBMIT_ARGS… train --config CONFIG --output BASE/RUN_DATE}.
     */
    @Test
    void cronWrapperPassesTheJobsExitCodeAndArguments() throws Exception {
        assumeTrue(onPath("flock"), "flock (util-linux) is not on the PATH");
        Path home = Files.createDirectories(tmp.resolve("fake home"));
        Path args = tmp.resolve("args");
        Files.writeString(home.resolve("submit.sh"), String.join("\n",
                "#!/usr/bin/env bash",
                "printf '%s\\n' \"$@\" > \"$FAKE_ARGS\"",
                "echo 'spark-lasso: error: stand-in' >&2",
                "exit \"$FAKE_EXIT\"",
                ""));
        Files.setPosixFilePermissions(home.resolve("submit.sh"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = tmp.resolve("job.properties");
        Files.writeString(config, "lambda=1\n");
        for (int code : new int[] {ExitCode.FAILURE, ExitCode.BAD_CONFIG, ExitCode.BAD_INPUT, ExitCode.OK}) {
            Path base = tmp.resolve("stub-outputs-" + code);
            Process p = wrapper(base, Map.of("SPARK_LASSO_HOME", home.toString(), "FAKE_ARGS", args.toString(),
                    "FAKE_EXIT", Integer.toString(code), "RUN_DATE", "2026-01-31"), config, "--master", "local[1]");
            assertEquals(code, finish(p), "the job's exit code " + code + " is the wrapper's");
            assertEquals(List.of("--master", "local[1]", "train", "--config", config.toString(), "--output",
                    base.resolve("2026-01-31").toString()), Files.readAllLines(args), "submit.sh arguments");
            String log = logsText(base.resolve("logs"));
            assertTrue(log.contains("spark-lasso: error: stand-in") && log.contains("end: exit code " + code), log);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private Process wrapper(Path base, Map<String, String> env, Path config, String... submitArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(root().resolve("examples/cron/spark-lasso-cron.sh").toString(),
                config.toString(), base.toString(), "--"));
        command.addAll(List.of(submitArgs));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeAll(Set.of("SPARK_HOME", "SPARK_CONF_DIR", "MASTER", "SPARK_SUBMIT_OPTS",
                "RUN_DATE", "LOCK_FILE", "LOCK_WAIT", "LOG_DIR", "SPARK_LASSO_HOME"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("the cron wrapper did not finish within " + TIMEOUT_MINUTES + " minutes");
        }
        return p.exitValue();
    }

    private static List<Path> logFiles(Path logs) throws IOException {
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }

    private static boolean logContains(Path logs, String text) throws IOException {
        return logFiles(logs).stream().anyMatch(f -> read(f).contains(text));
    }

    private static String logsText(Path logs) {
        try {
            StringBuilder sb = new StringBuilder();
            for (Path f : logFiles(logs)) {
                sb.append("--- ").append(f).append('\n').append(read(f));
            }
            return sb.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Set<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new TreeSet<>(files.map(f -> f.getFileName().toString()).toList());
        }
    }
}
