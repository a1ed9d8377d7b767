package org.sparklasso.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/** What the non-verbose log filter drops, and what it must let through. */
class QuietTaskFailuresTest {

    @Test
    void dropsTaskFailureReportsAndStackTraces() {
        assertTrue(QuietTaskFailures.drops("org.apache.spark.scheduler.TaskSetManager", Level.WARN, false,
                "Lost task 0.0 in stage 1.0 (TID 1) (host executor driver): java.lang.NumberFormatException: x"));
        assertTrue(QuietTaskFailures.drops("org.apache.spark.scheduler.TaskSetManager", Level.ERROR, false,
                "Task 0 in stage 1.0 failed 1 times; aborting job"));
        assertTrue(QuietTaskFailures.drops("org.apache.spark.executor.Executor", Level.ERROR, true,
                "Exception in task 0.0 in stage 1.0 (TID 1)"));
        assertTrue(QuietTaskFailures.drops("org.apache.hadoop.fs.Anything", Level.WARN, true, "failed"));
        assertTrue(QuietTaskFailures.drops("org.apache.spark.Other", Level.WARN, false,
                "failed\n\tat org.apache.spark.Foo.bar(Foo.scala:1)"));
    }

    @Test
    void keepsTheJobsOwnLinesAndOneLineWarnings() {
        assertFalse(QuietTaskFailures.drops("org.sparklasso.input.DataLoader", Level.INFO, false, "loaded 10 rows"));
        assertFalse(QuietTaskFailures.drops("org.apache.spark.scheduler.TaskSchedulerImpl", Level.ERROR, false,
                "Lost executor 1 on 127.0.0.1: worker lost"));
        assertFalse(QuietTaskFailures.drops("org.apache.spark.scheduler.TaskSetManager", Level.INFO, false,
                "Lost task 0.0 in stage 1.0 (TID 1) on 127.0.0.1, executor 1: ExecutorLostFailure"));
    }
}
