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
        System.exit(Main.runCommand(BenchJob::run, rest));
    }
}
