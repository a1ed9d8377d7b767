package org.sparklasso.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One {@code ./submit.sh} run started in the background, its stdout and stderr going to files:
 * polls stderr for a line (to act mid-run), waits for the exit with a timeout (killing the run and
 * its descendants then). {@code submit.sh} execs java, so {@link #process()} is the spark-submit
 * driver itself (client mode) once the launcher has built its command line.
 */
public final class SubmitProcess {
    private static final Duration POLL = Duration.ofMillis(20);

    private final List<String> command;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private SubmitProcess(List<String> command, Process process, Path stdout, Path stderr) {
        this.command = command;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Exit code and output of a finished run. */
    public record Result(int exit, String stdout, String stderr) {
        public void assertExit(int expected) {
            assertEquals(expected, exit, "exit code\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr);
        }
    }

    /** Starts {@code ./submit.sh args…} in {@code root} with a clean Spark environment, logs under {@code logDir}. */
    public static SubmitProcess start(Path root, Path logDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("./submit.sh");
        command.addAll(Arrays.asList(args));
        Path log = Files.createTempDirectory(Files.createDirectories(logDir), "submit");
        Path out = log.resolve("stdout");
        Path err = log.resolve("stderr");
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeAll(List.of("SPARK_HOME", "SPARK_CONF_DIR", "MASTER", "SPARK_SUBMIT_OPTS"));
        return new SubmitProcess(command, pb.start(), out, err);
    }

    /** The started process: bash running submit.sh, then (after exec) the driver JVM. */
    public Process process() {
        return process;
    }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /**
     * Waits for a stderr line matching {@code line}; fails when the run exits first or after the
     * timeout (the run is then killed).
     */
    public String awaitStderrLine(Predicate<String> line, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> hit = Files.readString(stderr).lines().filter(line).findFirst();
            if (hit.isPresent()) {
                return hit.get();
            }
            if (!process.isAlive()) {
                fail("the run exited (" + process.exitValue() + ") before the awaited line\n--- stderr:\n" + stderr());
            }
            if (System.nanoTime() > deadline) {
                kill();
                fail("no awaited line within " + timeout + ": " + command + "\n--- stderr:\n" + stderr());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Waits until {@code condition} holds (polled); fails when the run exits first or after the timeout. */
    public void awaitWhileRunning(java.util.function.BooleanSupplier condition, String what, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                fail("the run exited (" + process.exitValue() + ") before " + what + "\n--- stderr:\n" + stderr());
            }
            if (System.nanoTime() > deadline) {
                kill();
                fail("not " + what + " within " + timeout + ": " + command + "\n--- stderr:\n" + stderr());
            }
            Thread.sleep(POLL.toMillis() / 4);
        }
    }

    /** Waits for the exit; after the timeout kills the run and fails. */
    public Result await(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            fail("submit.sh did not finish within " + timeout + ": " + command + "\n--- stderr:\n" + stderr());
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    /** SIGKILL to the run (the driver) and its descendants; waits until they are gone. */
    public void kill() throws InterruptedException {
        StandaloneCluster.killTree(process.toHandle());
    }
}
