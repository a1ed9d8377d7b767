package org.sparklasso.pass;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.sparklasso.block.Block;
import org.sparklasso.block.LocalBlocks;

/**
 * Runs passes over one data set's cached blocks and counts them: each pass one aggregation
 * ({@link #aggregate}: Spark's treeAggregate at the configured depth, at depth 1 one plain job
 * ({@link PartitionFold}), in local mode a fold on the driver's threads ({@link LocalFold})) or one
 * collect of a value per block ({@link #perBlock}). The seqOp and the per-block function run on the
 * executors (locally: the driver's pass threads); zero values, combOp's final merges and the
 * broadcasts' lifetime ({@link Shared}) belong to the driver. The passes themselves (what is
 * summed, and what the driver makes of the sums) live in their own classes; this is Spark ML's
 * split of {@code ml/optim/loss/RDDLossFunction} (broadcast, treeAggregate, destroy) from its
 * per-loss aggregators.
 */
final class PassEngine {
    /** Partitions up to which results go straight to the driver ({@code aggregationDepth} 0). */
    static final int DIRECT_AGGREGATION_PARTITIONS = 16;
    /** Total partial results the driver may receive directly (spark.driver.maxResultSize is 1g). */
    static final long DIRECT_AGGREGATION_BYTES = 256L << 20;

    private final JavaRDD<Block> blocks;
    /** The blocks by reference in local mode (passes without Spark jobs), else null. */
    private final LocalBlocks local;
    private final int numFeatures;
    private final int numFolds;
    /** Configured treeAggregate depth, 0 = automatic. */
    private final int depth;
    private final int partitions;
    private final PassCounter counter;

    /**
     * @param local    the same blocks by reference (local mode), or null: every pass a Spark job
     * @param numFolds folds K the rows carry (0 or 1: no cross-validation)
     */
    PassEngine(JavaRDD<Block> blocks, LocalBlocks local, int numFeatures, int numFolds, int depth,
               PassCounter counter) {
        this.blocks = blocks;
        this.local = local;
        this.numFeatures = numFeatures;
        this.numFolds = Math.max(1, numFolds);
        this.depth = depth;
        this.partitions = blocks.getNumPartitions();
        this.counter = counter;
    }

    /** Features p of every row. */
    int numFeatures() {
        return numFeatures;
    }

    /** Folds K the rows carry (1: no cross-validation). */
    int numFolds() {
        return numFolds;
    }

    PassCounter counter() {
        return counter;
    }

    /**
     * The treeAggregate depth of a pass whose partial result takes {@code resultBytes}: the
     * configured one, or 1 for few partitions with small results. Spark's treeAggregate at depth 2
     * adds an intermediate shuffle stage once partitions > s + ⌈partitions/s⌉ with s = ⌈√partitions⌉
     * (from 6 partitions on): a fixed cost on every pass, which pays off only when many large
     * partial results would otherwise all meet on the driver.
     */
    static int automaticDepth(int configured, int partitions, long resultBytes) {
        if (configured > 0) {
            return configured;
        }
        return partitions <= DIRECT_AGGREGATION_PARTITIONS && partitions * resultBytes <= DIRECT_AGGREGATION_BYTES
                ? 1 : 2;
    }

    /**
     * One pass: seqOp over every block from a zero value per partition (Spark ships each task a copy
     * of one; locally each partition gets its own), the partition results merged by combOp. In local
     * mode no job ({@link LocalFold}); else at depth 1 one plain job ({@link PartitionFold}), deeper
     * Spark's treeAggregate. The pass is named after the line that called this method, so a pass
     * class calls it directly (not through a helper) for its jobs to carry its own name.
     *
     * @param resultBytes size of one partial result, for the automatic depth
     */
    <U> U aggregate(Supplier<U> zeroValue, Function2<U, Block, U> seqOp, Function2<U, U, U> combOp,
                    long resultBytes) {
        U result;
        if (local != null) {
            result = LocalFold.run(local, callSite(), zeroValue, seqOp, combOp);
        } else {
            U zero = zeroValue.get();
            int d = automaticDepth(depth, partitions, resultBytes);
            result = d > 1 ? blocks.treeAggregate(zero, seqOp, combOp, d)
                    : PartitionFold.run(blocks, zero, seqOp, combOp, callSite());
        }
        counter.increment();
        return result;
    }

    /** A partition's zero value, made where the partition is folded (on its executor) from its index. */
    @FunctionalInterface
    interface PartitionZero<U> extends java.io.Serializable {
        U forPartition(int partition);
    }

    /**
     * One pass as {@link #aggregate}, each partition folded from a zero value made for it from its
     * index (a seeded sampler's partition): in local mode no job; else one plain job at depth 1, or
     * each partition's fold reduced by Spark's treeReduce at the (automatic) depth.
     *
     * @param resultBytes size of one partial result, for the automatic depth
     */
    <U> U aggregateByPartition(PartitionZero<U> zeroValue, Function2<U, Block, U> seqOp, Function2<U, U, U> combOp,
                               long resultBytes) {
        U result;
        if (local != null) {
            result = LocalFold.run(local, callSite(), zeroValue, seqOp, combOp);
        } else {
            int d = automaticDepth(depth, partitions, resultBytes);
            result = d > 1 ? blocks.mapPartitionsWithIndex((index, it) -> java.util.List.of(
                            PartitionFold.foldPartition(zeroValue.forPartition(index), it, seqOp)).iterator(), true)
                    .treeReduce(combOp, d)
                    : PartitionFold.runIndexed(blocks, zeroValue, seqOp, combOp, callSite());
        }
        counter.increment();
        return result;
    }

    /**
     * One pass: {@code f} of every block, in partition and block order, on the driver: one Spark job
     * (a collect), or in local mode none. Named as {@link #aggregate} names its passes.
     */
    <R> List<R> perBlock(Function<Block, R> f) {
        List<R> result = local != null ? LocalFold.map(local, callSite(), f) : blocks.map(f).collect();
        counter.increment();
        return result;
    }

    /**
     * The number of rows: one Spark job that is not a pass (not counted), or in local mode none. The
     * job sums ints, so it overflows past 2³¹ − 1 rows.
     */
    long rows() {
        return local != null ? local.partitions().stream().flatMap(List::stream).mapToLong(Block::rows).sum()
                : blocks.map(Block::rows).fold(0, Integer::sum);
    }

    /** "pass at File.java:line" of the pass method that called the caller (for Spark's UI and the logs). */
    private static String callSite() {
        StackWalker.StackFrame caller = StackWalker.getInstance().walk(s -> s.skip(2).findFirst()).orElseThrow();
        return "pass at " + caller.getFileName() + ":" + caller.getLineNumber();
    }

    /** Broadcasts for one pass, destroyed when it ends: open it in a try-with-resources around the pass. */
    Shared shared() {
        return new Shared(JavaSparkContext.fromSparkContext(blocks.context()));
    }

    /**
     * The broadcasts of one pass: {@link #close} destroys them in the order they were made, once the
     * pass is over or has failed, as Spark ML's {@code RDDLossFunction.calculate} destroys its
     * coefficients' broadcast after each treeAggregate. In local mode too: the local fold reads them
     * on the driver.
     */
    static final class Shared implements AutoCloseable {
        private final JavaSparkContext jsc;
        private final List<Broadcast<?>> made = new ArrayList<>();

        private Shared(JavaSparkContext jsc) {
            this.jsc = jsc;
        }

        /** {@code value} broadcast for this pass's executor-side functions ({@code .value()} there). */
        <T> Broadcast<T> broadcast(T value) {
            Broadcast<T> b = jsc.broadcast(value);
            made.add(b);
            return b;
        }

        @Override
        public void close() {
            for (Broadcast<?> b : made) {
                b.destroy();
            }
        }
    }
}
