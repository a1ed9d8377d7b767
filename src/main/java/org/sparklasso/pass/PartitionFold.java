package org.sparklasso.pass;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function2;
import org.sparklasso.block.Block;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * {@code treeAggregate} at depth 1 as one plain Spark job: each task folds its partition from its
 * own copy of the zero value, and the driver merges the partition results in partition order.
 *
 * <p>Why not {@code JavaRDD.treeAggregate}: it hands Spark Scala lambdas (JavaRDDLike's wrapper,
 * RDD's own {@code mapPartitions} and {@code fold} closures), and Spark's ClosureCleaner reads and
 * parses the bytecode of each lambda's declaring class from its jar on every call
 * ({@code ClosureCleaner.getClassReader}), a driver cost paid again on every pass. The function
 * objects here are not closures to the cleaner, so a pass costs only its job.
 */
final class PartitionFold {
    private PartitionFold() {
    }

    /** The job; {@code site} names it in Spark's UI and listener events (e.g. "pass at X.java:12"). */
    static <U> U run(JavaRDD<Block> blocks, U zero, Function2<U, Block, U> seqOp,
                     Function2<U, U, U> combOp, String site) {
        if (blocks.getNumPartitions() == 0) {
            return zero;
        }
        return runIndexed(blocks, partition -> zero, seqOp, combOp, site);
    }

    /** As above, each task folding from {@code zero.forPartition(its partition)} (made on the executor). */
    @SuppressWarnings("unchecked")
    static <U> U runIndexed(JavaRDD<Block> blocks, PassEngine.PartitionZero<U> zero, Function2<U, Block, U> seqOp,
                     Function2<U, U, U> combOp, String site) {
        SparkContext sc = blocks.context();
        Object[] results = new Object[blocks.getNumPartitions()];
        if (results.length == 0) {
            throw new IllegalStateException("no partitions");
        }
        String previousShort = sc.getLocalProperty(SHORT_CALL_SITE);
        String previousLong = sc.getLocalProperty(LONG_CALL_SITE);
        sc.setLocalProperty(SHORT_CALL_SITE, site);
        sc.setLocalProperty(LONG_CALL_SITE, site);
        try {
            sc.runJob(blocks.rdd(), new FoldPartition<>(zero, seqOp), new KeepResult(results), ClassTag$.MODULE$.AnyRef());
        } finally {
            sc.setLocalProperty(SHORT_CALL_SITE, previousShort);
            sc.setLocalProperty(LONG_CALL_SITE, previousLong);
        }
        return mergeInOrder((java.util.List<U>) java.util.Arrays.asList(results), combOp);
    }

    /**
     * One partition's blocks folded by seqOp from {@code zero}, in order: a task's work here, and a
     * pass thread's in {@link LocalFold}, so that both sum in the same order.
     */
    static <U> U foldPartition(U zero, java.util.Iterator<Block> blocks, Function2<U, Block, U> seqOp) {
        U acc = zero;
        try {
            while (blocks.hasNext()) {
                acc = seqOp.call(acc, blocks.next());
            }
        } catch (Exception e) {
            throw unchecked(e);
        }
        return acc;
    }

    /** The partition results merged by combOp in partition order (as treeAggregate's depth 1 does). */
    static <U> U mergeInOrder(java.util.List<U> results, Function2<U, U, U> combOp) {
        U merged = results.get(0);
        try {
            for (int i = 1; i < results.size(); i++) {
                merged = combOp.call(merged, results.get(i));
            }
        } catch (Exception e) {
            throw unchecked(e);
        }
        return merged;
    }

    /** Spark's Java functions declare Exception; ours throw only unchecked ones, passed on as they are. */
    private static RuntimeException unchecked(Exception e) {
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    /** Spark's local properties for a job's call site (SparkContext.setCallSite sets the same). */
    private static final String SHORT_CALL_SITE = "callSite.short";
    private static final String LONG_CALL_SITE = "callSite.long";

    /** A task's work: seqOp over its partition's blocks, from the zero value made for it (a copy, shipped with the task). */
    private static final class FoldPartition<U> extends AbstractFunction2<TaskContext, Iterator<Block>, Object>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final PassEngine.PartitionZero<U> zero;
        private final Function2<U, Block, U> seqOp;

        FoldPartition(PassEngine.PartitionZero<U> zero, Function2<U, Block, U> seqOp) {
            this.zero = zero;
            this.seqOp = seqOp;
        }

        @Override
        public Object apply(TaskContext context, Iterator<Block> partition) {
            return foldPartition(zero.forPartition(context.partitionId()), CollectionConverters.asJava(partition), seqOp);
        }
    }

    /** Driver side: each partition's result into its slot. */
    private static final class KeepResult extends AbstractFunction2<Object, Object, BoxedUnit> {
        private final Object[] results;

        KeepResult(Object[] results) {
            this.results = results;
        }

        @Override
        public BoxedUnit apply(Object partition, Object result) {
            results[(Integer) partition] = result;
            return BoxedUnit.UNIT;
        }
    }
}
