package org.sparklasso.pass;

/**
 * Counts the passes over the cached blocks (one Spark job each, or one fold on the driver's threads
 * in local mode). Driver side: {@link PassEngine} counts each pass it completes; solvers and the
 * progress log read the count.
 */
public final class PassCounter {
    private int passes;

    public void increment() {
        passes++;
    }

    public int passes() {
        return passes;
    }
}
