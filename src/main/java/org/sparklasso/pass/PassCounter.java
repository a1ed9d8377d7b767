package org.sparklasso.pass;

/** Counts distributed passes over the cached blocks (one Spark job each). */
public final class PassCounter {
    private int passes;

    public void increment() {
        passes++;
    }

    public int passes() {
        return passes;
    }
}
