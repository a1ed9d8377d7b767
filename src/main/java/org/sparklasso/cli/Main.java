package org.sparklasso.cli;

import org.sparklasso.api.ConfigKey;
import org.sparklasso.input.CsvReaderOptions;
import org.sparklasso.spec.ExitCode;
import org.sparklasso.spec.JobException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.sparklasso.input.DataLoader;
import org.sparklasso.output.NioLocalFileSystem;

/**
 * Entry point for {@code spark-submit}: {@code train [--config FILE] [--KEY VALUE]… [--verbose]},
 * {@code score --model M --input PATH --output PATH …} and {@code generate …}.
 * Prints one line on stderr for any failure (the stack trace too with {@code --verbose}) and exits
 * with the codes of {@link ExitCode}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** A command run under the CLI's contract (see {@link #runCommand}). */
    public interface Command {
        void run(String[] args) throws Exception;
    }

    /**
     * Runs a command outside this class (the benchmark's) under the CLI's contract: Spark's
     * task-failure logs quiet unless {@code --verbose}, a one-line error and its exit code.
     */
    public static int runCommand(Command command, String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        try (QuietTaskFailures.Installed quiet = QuietTaskFailures.install(verbose)) {
            return guarded(() -> {
                command.run(args);
                return ExitCode.OK;
            }, verbose);
        }
    }

    /** Runs a command and returns its exit code (never calls System.exit). */
    public static int run(String[] args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        try (QuietTaskFailures.Installed quiet = QuietTaskFailures.install(verbose)) {
            return dispatch(args, verbose);
        }
    }

    private static int dispatch(String[] args, boolean verbose) {
        return guarded(() -> {
            if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
                System.err.println(usage());
                return args.length == 0 ? ExitCode.BAD_CONFIG : ExitCode.OK;
            }
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            boolean help = Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h");
            if (help && (args[0].equals("train") || args[0].equals("score") || args[0].equals("generate"))) {
                System.out.print(switch (args[0]) {
                    case "train" -> trainHelp();
                    case "score" -> ScoreConfig.help();
                    default -> SyntheticDataJob.help();
                });
                return ExitCode.OK;
            }
            switch (args[0]) {
                case "train" -> train(rest);
                case "score" -> score(rest);
                case "generate" -> org.sparklasso.cli.SyntheticDataJob.run(rest);
                default -> throw JobException.config("unknown command '" + args[0]
                        + "' (expected train, score or generate; the benchmark runs with submit.sh bench; "
                        + "--help prints the usage)");
            }
            return ExitCode.OK;
        }, verbose);
    }

    /** Runs {@code body}, turning its failures into the one-line report and exit code of the contract. */
    private static int guarded(java.util.concurrent.Callable<Integer> body, boolean verbose) {
        try {
            return body.call();
        } catch (JobException e) {
            report(e.getMessage(), e, verbose);
            return e.exitCode();
        } catch (OutOfMemoryError e) {
            report("out of memory; give the driver or executors more memory (--driver-memory, "
                    + "--executor-memory)", e, verbose);
            return ExitCode.FAILURE;
        } catch (Throwable e) {
            report(DataLoader.rootMessage(e), e, verbose);
            return ExitCode.FAILURE;
        }
    }

    private static void train(String[] args) throws Exception {
        JobConfig config = ConfigParser.parse(args);
        inSession("spark-lasso train", spark -> TrainJob.run(spark, config));
    }

    private static void score(String[] args) throws Exception {
        ScoreConfig config = ScoreConfig.parse(args);
        inSession("spark-lasso score", spark -> ScoreJob.run(spark, config));
    }

    /** A job body that runs in the application's Spark session. */
    private interface SessionJob {
        void run(SparkSession spark) throws Exception;
    }

    /** Hadoop's implementation of {@code file:} paths, as a Spark setting. */
    static final String LOCAL_FILE_SYSTEM_KEY = "spark.hadoop.fs.file.impl";
    /** Whether Spark starts its web UI. */
    static final String UI_KEY = "spark.ui.enabled";

    /**
     * Settings the CLI adds to what spark-submit was given, in local mode only, where the driver is
     * the only JVM and a job is usually one short process: {@code file:} paths through
     * {@link NioLocalFileSystem} (no chmod process per file written), and no web UI (starting its
     * Jetty server was ~0.7 s of a cold job's start-up: three alternating pairs of the sample job,
     * 7.6–8.0 → 6.8–7.4 s). Neither over a setting the user gave.
     */
    static Map<String, String> sessionDefaults(SparkConf given) {
        String master = given.get("spark.master", "");
        boolean local = master.equals("local") || master.startsWith("local[");   // not local-cluster: executor JVMs
        Map<String, String> defaults = new LinkedHashMap<>();
        if (!local) {
            return defaults;
        }
        if (!given.contains(LOCAL_FILE_SYSTEM_KEY)) {
            defaults.put(LOCAL_FILE_SYSTEM_KEY, NioLocalFileSystem.class.getName());
        }
        if (!given.contains(UI_KEY)) {
            defaults.put(UI_KEY, "false");
        }
        return defaults;
    }

    /** Runs {@code job} in the session, stopped after (unless a test keeps it: spark.lasso.keepSession). */
    private static void inSession(String appName, SessionJob job) throws Exception {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        sessionDefaults(new SparkConf()).forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        boolean stop = !spark.sparkContext().conf().getBoolean("spark.lasso.keepSession", false);
        try {
            job.run(spark);
        } finally {
            if (stop) {
                spark.stop();
            }
        }
    }

    private static void report(String message, Throwable e, boolean verbose) {
        System.err.println("spark-lasso: error: " + message);
        if (verbose) {
            e.printStackTrace();
        }
    }

    /** {@code train --help}: every key with its default (as README's table has it) and meaning. */
    static String trainHelp() {
        StringBuilder sb = new StringBuilder("usage: submit.sh [spark-submit options] train [--config FILE.properties] "
                + "[--KEY VALUE | --KEY=VALUE]... [--verbose]\n\nKeys (the same in a properties file; flags win):\n");
        for (ConfigKey k : ConfigKey.values()) {
            sb.append(String.format("  %-16s default: %s%n  %16s %s%n", k.key(), k.defaultText(), "", k.description()));
        }
        sb.append("\nAliases: ");
        ConfigKey.aliases().forEach((alias, key) -> sb.append(alias).append(" = ").append(key.key()).append("; "));
        sb.append("\n").append(CSV_OPTIONS_HELP);
        sb.append(EXIT_CODES_HELP).append(".\n");
        return sb.toString();
    }

    /** The help line on csv.NAME pass-through options (train's and score's --help). */
    static final String CSV_OPTIONS_HELP = "Spark CSV reader options pass through as csv.NAME=VALUE: "
            + String.join(", ", CsvReaderOptions.names()) + "\n";
    /** The help line on exit codes (train's and score's --help; each ends it with its own detail). */
    static final String EXIT_CODES_HELP = "Exit codes: 0 done, 1 failure (cluster, internal, output), "
            + "2 bad configuration, 3 bad input data";

    static String usage() {
        return "usage: submit.sh [spark-submit options] train [--config FILE.properties] [--KEY VALUE]... [--verbose]\n"
                + "       submit.sh [spark-submit options] score --model TRAIN_OUTPUT|SAVED_MODEL --input PATH --output PATH"
                + " [--keepCols a,b] [--format F] [--header B] [--sep S] [--csv.NAME V]\n"
                + "       submit.sh [spark-submit options] generate --output PATH [--rows N] [--features P] ...\n"
                + "       submit.sh [spark-submit options] bench [--config conf/bench.properties] [--KEY VALUE]...";
    }
}
