package org.sparklasso.solver;

/**
 * A listener for every iterate a pass-based solver evaluates (its objective and the data passes
 * made so far): how the benchmark draws each solver's suboptimality against passes and seconds
 * from one run. One listener per JVM, none by default (then each call is one volatile read).
 */
public final class IterationTrace {
    /** Receives each iterate's objective (internal coordinates: the one every solver reports) and pass count. */
    @FunctionalInterface
    public interface Listener {
        void iterate(double objective, int passes);
    }

    private static volatile Listener listener;

    private IterationTrace() {
    }

    /** Sets the listener (null: none). */
    public static void listen(Listener l) {
        listener = l;
    }

    static void record(double objective, int passes) {
        Listener l = listener;
        if (l != null) {
            l.iterate(objective, passes);
        }
    }
}
