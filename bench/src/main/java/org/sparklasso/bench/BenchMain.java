package org.sparklasso.bench;

import java.util.Arrays;
import org.sparklasso.cli.Main;

/**
 * The benchmark's entry point, outside the product jar ({@code target/spark-lasso-bench.jar}):
 * {@code ./submit.sh bench [--config conf/bench.properties] [--KEY VALUE]…} (or {@code bench/run.sh}).
 * Runs {@link BenchJob} under the CLI's contract (exit codes, one-line errors, quiet task failures).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        // submit.sh passes the command word on, as it does for the product's commands
        String[] rest = args.length > 0 && args[0].equals("bench") ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
            System.out.print(help());
            System.exit(0);
        }
        System.exit(Main.runCommand(BenchJob::run, rest));
    }

    /** {@code bench --help}: how to run it and where its keys are described. */
    static String help() {
        return String.join(System.lineSeparator(),
                "usage: submit.sh [spark-submit options] bench [--config conf/bench.properties] [--KEY VALUE]... [--verbose]",
                "       bench/run.sh [--KEY VALUE]...      (the same, with conf/bench.properties and driver memory set)",
                "       bench/cold.sh [--KEY VALUE]...     (cold one-shot jobs, each its own submit.sh process)",
                "",
                "Fits the benchmark's cases with spark-lasso and Spark MLlib in one JVM and writes latest.md and",
                "latest.json to the output directory. Every key, its default and meaning: conf/bench.properties",
                "(a --KEY VALUE overrides it, e.g. --cases G1,S1 --runs 5); cases, methods and results:",
                "bench/README.md.",
                "");
    }
}
