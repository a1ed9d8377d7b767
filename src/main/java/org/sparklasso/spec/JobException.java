package org.sparklasso.spec;

/**
 * A failure the user can act on: carries the one-line message printed on stderr and the
 * process exit code ({@link ExitCode}).
 */
public class JobException extends RuntimeException {
    private final int exitCode;

    public JobException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public JobException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** A configuration or argument error (exit 2). */
    public static JobException config(String message) {
        return new JobException(ExitCode.BAD_CONFIG, message);
    }

    /** An input data error (exit 3). */
    public static JobException input(String message) {
        return new JobException(ExitCode.BAD_INPUT, message);
    }

    /** An input data error (exit 3) with its underlying cause (shown with --verbose). */
    public static JobException input(String message, Throwable cause) {
        return new JobException(ExitCode.BAD_INPUT, message, cause);
    }
}
