package org.sparklasso.spec;

/** Process exit codes of the spark-lasso commands: the contract schedulers rely on. */
public final class ExitCode {
    /** The job finished and its output is complete. */
    public static final int OK = 0;
    /** Anything not covered below: an internal error, a cluster failure, out of memory. */
    public static final int FAILURE = 1;
    /** Bad command-line arguments or configuration. */
    public static final int BAD_CONFIG = 2;
    /** Bad input data: missing file, unreadable format, missing column, malformed or non-finite values. */
    public static final int BAD_INPUT = 3;

    private ExitCode() {
    }
}
