package org.sparklasso.pass;

import java.util.function.Consumer;

/**
 * The wall and work time of each pass run without a Spark job ({@link LocalFold}), for whoever
 * listens: the benchmark, which accounts for them as it accounts for Spark jobs. One listener per
 * JVM; none by default.
 */
public final class LocalPassLog {
    /**
     * One pass: its call site, wall time, the summed time of its partitions' work (all threads
     * together, the analogue of the tasks' executor run time) and its partitions.
     */
    public record Pass(String site, double seconds, double workSeconds, int partitions) {
    }

    private static volatile Consumer<Pass> listener;

    private LocalPassLog() {
    }

    /** Sends every later pass to {@code l} (null: to nobody). */
    public static void listen(Consumer<Pass> l) {
        listener = l;
    }

    static void record(Pass pass) {
        Consumer<Pass> l = listener;
        if (l != null) {
            l.accept(pass);
        }
    }
}
