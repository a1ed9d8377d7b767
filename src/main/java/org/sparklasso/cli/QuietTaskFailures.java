package org.sparklasso.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.message.Message;

/**
 * Keeps stack traces off the user's stderr unless {@code --verbose}: while a command runs, a
 * log4j filter drops Spark's task-failure reports (the executor's "Exception in task", the
 * scheduler's "Lost task … (with the remote stack trace in the message)" and "aborting job", the
 * block manager's note that the failed partition was not cached, a failed write task's "aborted" and
 * its committer's clean-up) and any other library event that
 * carries a throwable or a stack trace. The job's own one-line error
 * says what went wrong; {@code --verbose} shows everything. Events of {@code org.sparklasso} and
 * one-line warnings (e.g. a lost executor on a cluster) pass.
 *
 * <p>Installed on the log4j configuration in force (Spark's log4j2 backend), so it applies whatever
 * logging configuration the user supplies; a no-op when another logging backend is bound.
 */
final class QuietTaskFailures extends AbstractFilter {
    private final Configuration configuration;

    private QuietTaskFailures(Configuration configuration) {
        super(Filter.Result.NEUTRAL, Filter.Result.NEUTRAL);
        this.configuration = configuration;
    }

    /** An installed filter; closing removes it. */
    interface Installed extends AutoCloseable {
        @Override
        void close();
    }

    /** Installs the filter unless {@code verbose}. */
    static Installed install(boolean verbose) {
        if (verbose || !(LogManager.getContext(false) instanceof LoggerContext context)) {
            return () -> { };
        }
        QuietTaskFailures filter = new QuietTaskFailures(context.getConfiguration());
        filter.start();
        filter.configuration.addFilter(filter);
        return () -> {
            filter.configuration.removeFilter(filter);
            filter.stop();
        };
    }

    // A context-wide filter is asked before an event is made, through these overloads (log4j's
    // AbstractFilter routes its other String overloads to the varargs one), and with the event.

    @Override
    public Filter.Result filter(Logger logger, Level level, Marker marker, Message msg, Throwable t) {
        return result(logger.getName(), level, t != null, msg == null ? "" : msg.getFormattedMessage());
    }

    @Override
    public Filter.Result filter(Logger logger, Level level, Marker marker, Object msg, Throwable t) {
        return result(logger.getName(), level, t != null, String.valueOf(msg));
    }

    @Override
    public Filter.Result filter(Logger logger, Level level, Marker marker, String msg, Object... params) {
        boolean thrown = params != null && params.length > 0 && params[params.length - 1] instanceof Throwable;
        return result(logger.getName(), level, thrown, msg == null ? "" : msg);
    }

    private static Filter.Result result(String logger, Level level, boolean hasThrowable, String message) {
        return drops(logger, level, hasThrowable, message) ? Filter.Result.DENY : Filter.Result.NEUTRAL;
    }

    @Override
    public Filter.Result filter(LogEvent event) {
        return result(event.getLoggerName(), event.getLevel(), event.getThrown() != null,
                event.getMessage() == null ? "" : event.getMessage().getFormattedMessage());
    }

    /** The rule, on an event's parts. */
    static boolean drops(String logger, Level level, boolean hasThrowable, String message) {
        if (logger != null && logger.startsWith("org.sparklasso")) {
            return false;
        }
        if (hasThrowable || message.contains("\tat ")) {
            return true;
        }
        if (logger == null || !level.isMoreSpecificThan(Level.WARN)) {
            return false;
        }
        return switch (logger) {
            case "org.apache.spark.executor.Executor" -> message.startsWith("Exception in task");
            case "org.apache.spark.scheduler.TaskSetManager" ->
                    message.startsWith("Lost task") || message.contains("; aborting job");
            // a cached partition whose computation failed: "Putting block rdd_5_0 failed due to exception
            // …" and "Block rdd_5_0 could not be removed as it was not found on disk or in memory"
            case "org.apache.spark.storage.BlockManager" ->
                    message.contains("failed due to exception") || message.contains("could not be removed");
            // a failed write task: "Job: …, Task: …, Task attempt … aborted." and its committer's clean-up
            case "org.apache.spark.sql.execution.datasources.FileFormatWriter" -> message.endsWith("aborted.");
            case "org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter" -> message.startsWith("Could not delete");
            default -> false;
        };
    }
}
