package org.sparklasso.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on loopback, started from the embedded runtime
 * ({@code target/spark/jars}, laid out by {@code mvn package}): one Master and a number of
 * Workers, each its own JVM, on free ports, with the Master's REST submission server off (it
 * would take the fixed port 6066). {@link #start} returns once every worker has registered
 * (polled on the Master's JSON UI); {@link #close} kills every process it started together with
 * their descendants (the workers' executors).
 */
public final class StandaloneCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

    private final Path sparkHome;
    private final Path dir;
    private final int masterPort;
    private final int uiPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StandaloneCluster(Path sparkHome, Path dir, int masterPort, int uiPort, Process master) {
        this.sparkHome = sparkHome;
        this.dir = dir;
        this.masterPort = masterPort;
        this.uiPort = uiPort;
        this.master = master;
    }

    /**
     * Starts a Master and {@code workers} Workers of {@code cores} cores and {@code memory} each
     * (e.g. "1g"), logging under {@code dir}; waits until all workers are registered.
     */
    public static StandaloneCluster start(Path projectRoot, Path dir, int workers, int cores, String memory)
            throws IOException, InterruptedException {
        Path sparkHome = projectRoot.resolve("target/spark");
        if (!Files.isDirectory(sparkHome.resolve("jars"))) {
            throw new IllegalStateException(sparkHome.resolve("jars") + " missing: run `mvn package` first");
        }
        Files.createDirectories(dir);
        int masterPort = freePort();
        int uiPort = freePort();
        Process master = launch(sparkHome, dir, "master", List.of("-Dspark.master.rest.enabled=false"),
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(masterPort),
                "--webui-port", Integer.toString(uiPort));
        StandaloneCluster cluster = new StandaloneCluster(sparkHome, dir, masterPort, uiPort, master);
        try {
            for (int i = 0; i < workers; i++) {
                cluster.addWorker(cores, memory);
            }
            cluster.awaitAliveWorkers(workers);
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** spark://127.0.0.1:PORT */
    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** Starts one more Worker (not waiting for its registration). */
    public Process addWorker(int cores, String memory) throws IOException {
        int n = workers.size() + 1;
        Path workDir = Files.createDirectories(dir.resolve("worker" + n));
        Process worker = launch(sparkHome, dir, "worker" + n, List.of(), "org.apache.spark.deploy.worker.Worker",
                "--host", "127.0.0.1", "--cores", Integer.toString(cores), "--memory", memory,
                "--webui-port", Integer.toString(freePort()), "--work-dir", workDir.toString(), masterUrl());
        workers.add(worker);
        return worker;
    }

    /** The Worker processes started so far (dead ones included), in start order. */
    public List<Process> workers() {
        return List.copyOf(workers);
    }

    /** The executor JVMs ({@code CoarseGrainedExecutorBackend}) the worker has launched and that run now. */
    public static List<ProcessHandle> executorsOf(Process worker) {
        return worker.descendants()
                .filter(h -> h.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .toList();
    }

    /** SIGKILLs a worker and all its descendants (its executors), and waits until they are gone. */
    public void kill(Process worker) throws InterruptedException {
        killTree(worker.toHandle());
    }

    /** The master's count of workers in state ALIVE, from its JSON UI (-1 while it does not answer). */
    public int aliveWorkers() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = ALIVE_WORKERS.matcher(r.body());
            return r.statusCode() == 200 && m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Polls the master until {@code n} workers are alive; fails with the logs' tails after a timeout. */
    public void awaitAliveWorkers(int n) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (aliveWorkers() != n) {
            if (!master.isAlive()) {
                throw new IllegalStateException("the master exited (" + master.exitValue() + ")\n" + logTails());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not " + n + " alive workers after " + START_TIMEOUT + " (now "
                        + aliveWorkers() + ")\n" + logTails());
            }
            Thread.sleep(200);
        }
    }

    /** The last lines of the master's and workers' logs (for failure messages). */
    public String logTails() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                sb.append("--- ").append(log.getFileName()).append('\n');
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> sb.append(l).append('\n'));
            }
        } catch (IOException e) {
            sb.append("(logs unreadable: ").append(e.getMessage()).append(")\n");
        }
        return sb.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process w : workers) {
            killTree(w.toHandle());
        }
        killTree(master.toHandle());
    }

    /** SIGKILL to a process and every descendant (children first listed, all killed), waiting for each. */
    static void killTree(ProcessHandle root) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(0, root);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("process " + h.pid() + " did not die after SIGKILL", e);
            }
        }
    }

    /** The embedded runtime's java command for {@code mainClass}, with Spark's Java 17 module flags. */
    private static Process launch(Path sparkHome, Path dir, String name, List<String> jvmOptions, String mainClass,
                                  String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String flags = System.getProperty("spark.module.flags", "");
        if (!flags.isBlank()) {
            command.addAll(Arrays.asList(flags.trim().split("\\s+")));
        }
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(sparkHome.resolve("jars") + "/*");
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.remove("SPARK_CONF_DIR");
        env.remove("MASTER");
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_LOG_DIR", dir.toString());
        env.put("OPENBLAS_NUM_THREADS", "1");
        return pb.start();
    }

    /** A port that was free a moment ago (closed before use, as ports from Spark's own "0" are not shown). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
