package org.sparklasso.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark's cold mode ({@code bench/cold.sh}): every case a fresh {@code ./submit.sh} process,
 * timed from process start to exit, as a {@code spark-submit} job from cron or Airflow runs. No Spark
 * here: this class only starts processes and reads what they print. Per case the wall time is split
 * by the job's closing log line ({@code TrainJob}: start-up = the driver JVM's uptime when the job
 * began, load, train, write) into those phases and the rest (spark-submit's launcher JVM, stopping
 * Spark, JVM exit). The floor — a 10-row {@code generate}, the least a spark-submit job does — is
 * measured in the same run, and every case is reported as a multiple of it. Where R with glmnet and
 * data.table is installed, {@code bench/glmnet/cold.R} runs on the same CSV at the same λ (one
 * Rscript process, fread + glmnet) and the two objectives are compared (ours from metrics.json, the
 * written model's; glmnet's recomputed in R from its coefficients).
 */
public final class ColdBench {
    static final Pattern PHASES = Pattern.compile(
            "wrote .* \\(start-up ([0-9.]+)s, load ([0-9.]+)s, train ([0-9.]+)s, write ([0-9.]+)s");
    private static final Pattern GLMNET = Pattern.compile(
            "glmnet read=([0-9.]+) fit=([0-9.]+) objective=(\\S+) nnz=(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The settings: {@code --KEY VALUE} pairs, each with a default. */
    record Settings(Path workDir, long rows, int features, double lambda, String driverMemory, Path output,
                    List<String> cases, boolean glmnet, boolean cds, long b2Rows, int b2Folds) {
        static Settings parse(String[] args) {
            // the keys with their defaults, in the order the usage lists them
            String[] defaults = {"workDir", "/tmp/spark-lasso-cold", "rows", "1000000", "features", "100",
                "lambda", "0.1", "driverMemory", "6g", "output", "bench/results/cold",
                "cases", "floor,sample,g1-csv,g1-parquet,g1-libsvm,b2", "glmnet", "auto", "cds", "on", "b2Rows", "100000",
                "b2Folds", "5"};
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < defaults.length; i += 2) {
                m.put(defaults[i], defaults[i + 1]);
            }
            for (int i = 0; i < args.length; i += 2) {
                String key = args[i].replaceFirst("^--", "");
                if (!m.containsKey(key) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("cold bench: unknown key or missing value '" + args[i]
                            + "' (keys: " + String.join(", ", m.keySet()) + ")");
                }
                m.put(key, args[i + 1]);
            }
            boolean glmnet = switch (m.get("glmnet")) {
                case "auto" -> rHasGlmnet();
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("glmnet: auto, true or false");
            };
            if (!m.get("cds").equals("on") && !m.get("cds").equals("off")) {
                throw new IllegalArgumentException("cds: on or off");
            }
            return new Settings(Path.of(m.get("workDir")), Long.parseLong(m.get("rows")),
                    Integer.parseInt(m.get("features")), Double.parseDouble(m.get("lambda")), m.get("driverMemory"),
                    Path.of(m.get("output")), Arrays.asList(m.get("cases").split(",")), glmnet,
                    m.get("cds").equals("on"), Long.parseLong(m.get("b2Rows")), Integer.parseInt(m.get("b2Folds")));
        }
    }

    /** One process: wall seconds, and the phases it reported (NaN where it reports none). */
    record Run(String name, String command, double wall, double startUp, double load, double train, double write,
               String stderr, long inputBytes) {
        double rest() {
            return Double.isNaN(startUp) ? Double.NaN : wall - startUp - load - train - write;
        }

        /** The load's throughput in MB (10⁶ bytes) of input files per second; NaN without an input. */
        double loadMbPerSecond() {
            return mbPerSecond(inputBytes, load);
        }
    }

    /** MB (10⁶ bytes) per second; NaN without bytes. */
    static double mbPerSecond(long bytes, double seconds) {
        return bytes > 0 ? bytes / 1e6 / seconds : Double.NaN;
    }

    private ColdBench() {
    }

    public static void main(String[] args) throws Exception {
        Settings s;
        try {
            s = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("spark-lasso: error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(s.workDir());
        String csv = s.workDir().resolve("g1-" + s.rows() + ".csv").toString();
        String parquet = s.workDir().resolve("g1-" + s.rows() + ".parquet").toString();
        String libsvm = s.workDir().resolve("g1-" + s.rows() + ".libsvm").toString();
        String b2 = s.workDir().resolve("b2-" + s.b2Rows() + ".csv").toString();
        boolean g1 = s.cases().stream().anyMatch(c -> c.startsWith("g1-"));
        if (g1) {
            // the same rows in each format (generate's seed): the objectives compare across them
            generateOnce(s, csv, s.rows());
            generateOnce(s, parquet, s.rows());
            if (s.cases().contains("g1-libsvm")) {
                generateOnce(s, libsvm, s.rows());
            }
        }
        if (s.cases().contains("b2")) {
            generateOnce(s, b2, s.b2Rows(), "--family", "binomial");
        }
        // As a user's jobs after the first: the first train of an install records the driver's class-data
        // sharing archive (submit.sh; ~30 s, once), so one untimed train runs before the timed cases.
        double prepared = s.cds() ? submit(s, "prepare", "train", "--config", "conf/diabetes.properties",
                "--output", s.workDir().resolve("out-prepare").toString()).wall() : Double.NaN;
        List<Run> runs = new ArrayList<>();
        Map<String, Double> objectives = new LinkedHashMap<>();
        for (String c : s.cases()) {
            Path out = s.workDir().resolve("out-" + c);
            switch (c) {
                case "floor" -> runs.add(submit(s, c, "generate", "--output", out + ".csv", "--rows", "10",
                        "--features", "2", "--nonzeros", "1"));
                case "sample" -> runs.add(submit(s, c, "train", "--config", "conf/diabetes.properties",
                        "--output", out.toString()));
                case "g1-csv", "g1-parquet", "g1-libsvm" -> {
                    String input = c.equals("g1-csv") ? csv : c.equals("g1-parquet") ? parquet : libsvm;
                    runs.add(submit(s, c, "train", "--input", input,
                            "--lambda", Double.toString(s.lambda()), "--plots", "false", "--output", out.toString()));
                    objectives.put(c, JSON.readTree(out.resolve("metrics.json").toFile()).findValue("objective")
                            .asDouble());
                }
                case "b2" -> runs.add(submit(s, c, "train", "--input", b2, "--family", "binomial", "--nfolds",
                        Integer.toString(s.b2Folds()), "--plots", "false", "--output", out.toString()));
                default -> throw new IllegalArgumentException("cold bench: unknown case '" + c
                        + "' (floor, sample, g1-csv, g1-parquet, g1-libsvm, b2)");
            }
        }
        Run glmnet = s.glmnet() && g1 ? glmnet("glmnet", csv, Double.toString(s.lambda())) : null;
        Run cvGlmnet = s.glmnet() && s.cases().contains("b2")
                ? glmnet("cv.glmnet", b2, "0", Integer.toString(s.b2Folds()), "binomial") : null;
        report(s, runs, objectives, glmnet, cvGlmnet, prepared);
    }

    private static void generateOnce(Settings s, String path, long rows, String... more)
            throws IOException, InterruptedException {
        if (!Files.exists(Path.of(path, "_SUCCESS"))) {
            List<String> args = new ArrayList<>(List.of("generate", "--output", path, "--rows", Long.toString(rows),
                    "--features", Integer.toString(s.features())));
            args.addAll(Arrays.asList(more));
            submit(s, "generate", args.toArray(String[]::new));
        }
    }

    /** {@code ./submit.sh --driver-memory M ARGS…}, timed from start to exit; fails on a non-zero exit. */
    private static Run submit(Settings s, String name, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("./submit.sh", "--driver-memory", s.driverMemory()));
        cmd.addAll(Arrays.asList(args));
        deleteRecursively(outputOf(args));
        Finished done = run(name, cmd, s.cds() ? Map.of() : Map.of("SPARK_LASSO_CDS", "off"));
        Matcher m = PHASES.matcher(done.stderr());
        double[] p = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        if (m.find()) {
            for (int i = 0; i < 4; i++) {
                p[i] = Double.parseDouble(m.group(i + 1));
            }
        }
        String input = argumentOf(args, "--input");
        return new Run(name, String.join(" ", cmd), done.wall(), p[0], p[1], p[2], p[3], done.stderr(),
                input == null ? 0 : inputBytes(Path.of(input)));
    }

    /** The bytes of an input's data files (a file, or a directory's files but Spark's and Hadoop's _ and . files). */
    static long inputBytes(Path input) throws IOException {
        if (!Files.isDirectory(input)) {
            return Files.size(input);
        }
        try (Stream<Path> files = Files.list(input)) {
            long bytes = 0;
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (Files.isRegularFile(f) && !n.startsWith("_") && !n.startsWith(".")) {
                    bytes += Files.size(f);
                }
            }
            return bytes;
        }
    }

    /** A process that exited 0: its wall seconds and what it printed on stderr. */
    private record Finished(double wall, String stderr) {
    }

    private static Finished run(String name, List<String> cmd, Map<String, String> env)
            throws IOException, InterruptedException {
        File errFile = File.createTempFile("cold-" + name, ".err");
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errFile);
        pb.environment().putAll(env);
        Process p = pb.start();
        int code = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        String err = Files.readString(errFile.toPath(), StandardCharsets.UTF_8);
        Files.delete(errFile.toPath());
        if (code != 0) {
            String[] lines = err.split("\n");
            throw new IllegalStateException(name + ": " + String.join(" ", cmd) + " exited " + code + ": "
                    + lines[lines.length - 1]);
        }
        System.err.printf(Locale.ROOT, "cold bench: %s %.2fs%n", name, wall);
        return new Finished(wall, err);
    }

    /** {@code Rscript bench/glmnet/cold.R CSV ARGS…} (λ, then optionally folds and family), timed. */
    private static Run glmnet(String name, String csv, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("Rscript", "bench/glmnet/cold.R", csv));
        cmd.addAll(Arrays.asList(args));
        Finished done = run(name, cmd, Map.of());
        return new Run(name, String.join(" ", cmd), done.wall(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                done.stderr(), inputBytes(Path.of(csv)));
    }

    private static Path outputOf(String[] args) {
        String output = argumentOf(args, "--output");
        return output == null ? null : Path.of(output);
    }

    private static String argumentOf(String[] args, String key) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(key)) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    private static boolean rHasGlmnet() {
        try {
            Process p = new ProcessBuilder("Rscript", "-e", "library(glmnet); library(data.table)")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** cold.md (a table: wall, × floor, phases; glmnet's line) and cold.json, printed and written. */
    private static void report(Settings s, List<Run> runs, Map<String, Double> objectives, Run glmnet,
                               Run cvGlmnet, double prepared) throws IOException {
        double floor = runs.stream().filter(r -> r.name().equals("floor")).mapToDouble(Run::wall).findFirst()
                .orElse(Double.NaN);
        StringBuilder md = new StringBuilder("# Cold one-shot jobs (each its own process, start → exit)\n\n")
                .append(String.format(Locale.ROOT, "G1: %,d × %d, λ = %s; driver memory %s; %d cores.%n%n",
                        s.rows(), s.features(), s.lambda(), s.driverMemory(),
                        Runtime.getRuntime().availableProcessors()))
                .append("| case | wall s | × floor | start-up s | load s | load MB/s | train s | write s | rest s |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        ObjectNode json = JSON.createObjectNode();
        json.put("rows", s.rows()).put("features", s.features()).put("lambda", s.lambda())
                .put("driverMemory", s.driverMemory()).put("floorSeconds", floor);
        ArrayNode cases = json.putArray("cases");
        for (Run r : runs) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f | %s | %s | %s | %s | %s | %s |%n", r.name(),
                    r.wall(), r.wall() / floor, f(r.startUp()), f(r.load()), mbps(r.loadMbPerSecond()), f(r.train()),
                    f(r.write()), f(r.rest())));
            cases.addObject().put("case", r.name()).put("command", r.command()).put("wallSeconds", r.wall())
                    .put("startUpSeconds", r.startUp()).put("loadSeconds", r.load())
                    .put("trainSeconds", r.train()).put("writeSeconds", r.write())
                    .put("objective", objectives.getOrDefault(r.name(), Double.NaN))
                    .put("inputBytes", r.inputBytes()).put("loadMbPerSecond", r.loadMbPerSecond());
        }
        md.append("\nstart-up: the driver JVM's uptime when the job began (JVM and Spark start-up); rest: "
                + "spark-submit's launcher JVM, stopping Spark, JVM exit.\n");
        md.append(s.cds()
                ? String.format(Locale.ROOT, "Driver class-data sharing archive on (submit.sh's default); the untimed "
                        + "preparing train before the cases took %.2f s (~30 s more when it records the archive).%n",
                        prepared)
                : "Driver class-data sharing archive off (SPARK_LASSO_CDS=off).\n");
        json.put("cds", s.cds()).put("prepareSeconds", prepared);
        if (glmnet != null) {
            Matcher m = GLMNET.matcher(glmnet.stderr());
            if (m.find()) {
                double obj = Double.parseDouble(m.group(3));
                double freadMbps = mbPerSecond(glmnet.inputBytes(), Double.parseDouble(m.group(1)));
                md.append(String.format(Locale.ROOT, "%nglmnet (R, fread on 2 threads + glmnet), same CSV and λ: "
                        + "wall %.2f s (read %s s = %s MB/s, fit %s s); objective %.12g", glmnet.wall(), m.group(1),
                        mbps(freadMbps), m.group(2), obj));
                json.putObject("glmnet").put("wallSeconds", glmnet.wall())
                        .put("readSeconds", Double.parseDouble(m.group(1)))
                        .put("fitSeconds", Double.parseDouble(m.group(2))).put("objective", obj)
                        .put("readMbPerSecond", freadMbps);
                for (Run r : runs) {
                    if (objectives.containsKey(r.name())) {
                        md.append(String.format(Locale.ROOT, "; %s: %.2f× glmnet's wall, load %.2f× fread's MB/s, "
                                + "objective − glmnet's %.2e", r.name(), r.wall() / glmnet.wall(),
                                r.loadMbPerSecond() / freadMbps, objectives.get(r.name()) - obj));
                    }
                }
                md.append("\n");
            }
        } else {
            md.append("\nglmnet: not run (no Rscript with glmnet and data.table here, `apt-get install "
                    + "r-cran-glmnet r-cran-data.table`, or no G1 case)\n");
        }
        Run b2 = runs.stream().filter(r -> r.name().equals("b2")).findFirst().orElse(null);
        if (cvGlmnet != null && b2 != null) {
            Matcher m = GLMNET.matcher(cvGlmnet.stderr());
            if (m.find()) {
                double freadMbps = mbPerSecond(cvGlmnet.inputBytes(), Double.parseDouble(m.group(1)));
                md.append(String.format(Locale.ROOT, "%nB2 (binomial %,d × %d, 100-λ path + %d-fold CV): cv.glmnet (same "
                        + "CSV, fread + cv.glmnet, deviance) wall %.2f s (read %s s = %s MB/s, fit %s s); ours %.2f s = "
                        + "%.2f× cv.glmnet's wall (fit alone: %.2f×, load %.2f× fread's MB/s)%n", s.b2Rows(),
                        s.features(), s.b2Folds(), cvGlmnet.wall(), m.group(1), mbps(freadMbps), m.group(2), b2.wall(),
                        b2.wall() / cvGlmnet.wall(), b2.train() / Double.parseDouble(m.group(2)),
                        b2.loadMbPerSecond() / freadMbps));
                json.putObject("cvGlmnetB2").put("wallSeconds", cvGlmnet.wall())
                        .put("readSeconds", Double.parseDouble(m.group(1)))
                        .put("fitSeconds", Double.parseDouble(m.group(2))).put("readMbPerSecond", freadMbps);
            }
        }
        Files.createDirectories(s.output());
        Files.writeString(s.output().resolve("cold.md"), md.toString());
        JSON.writerWithDefaultPrettyPrinter().writeValue(s.output().resolve("cold.json").toFile(), json);
        System.out.print(md);
    }

    private static String mbps(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }
}
