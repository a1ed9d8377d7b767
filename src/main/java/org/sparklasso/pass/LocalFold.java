package org.sparklasso.pass;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.Function2;
import org.sparklasso.block.Block;
import org.sparklasso.block.LocalBlocks;

/**
 * A pass over {@link LocalBlocks} on the driver's threads: what {@link PartitionFold}'s Spark job
 * computes, without the job. Each partition is folded in order from its own zero value, on up to
 * {@link LocalBlocks#threads()}
 * threads, and the results are merged in partition order: the same arithmetic in the same order.
 */
final class LocalFold {
    /** One daemon pool per thread count, shared by all passes of the JVM. */
    private static final java.util.Map<Integer, ExecutorService> POOLS = new java.util.concurrent.ConcurrentHashMap<>();

    private LocalFold() {
    }

    /** The fold of every partition from its own {@code zero.get()}, merged in partition order. */
    static <U> U run(LocalBlocks local, String site, java.util.function.Supplier<U> zero,
                     Function2<U, Block, U> seqOp, Function2<U, U, U> combOp) {
        return run(local, site, partition -> zero.get(), seqOp, combOp);
    }

    /** The fold of every partition from {@code zero.forPartition(its index)}, merged in partition order. */
    static <U> U run(LocalBlocks local, String site, PassEngine.PartitionZero<U> zero,
                     Function2<U, Block, U> seqOp, Function2<U, U, U> combOp) {
        List<U> results = perPartition(local, site,
                (index, blocks) -> PartitionFold.foldPartition(zero.forPartition(index), blocks.iterator(), seqOp));
        return PartitionFold.mergeInOrder(results, combOp);
    }

    /** {@code f} of every block, in partition and block order. */
    static <R> List<R> map(LocalBlocks local, String site, Function<Block, R> f) {
        List<List<R>> parts = perPartition(local, site, (index, blocks) -> {
            List<R> out = new ArrayList<>(blocks.size());
            for (Block b : blocks) {
                out.add(f.call(b));
            }
            return out;
        });
        List<R> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return all;
    }

    /** One partition's work, given its index and its blocks. */
    @FunctionalInterface
    private interface PartitionWork<T> {
        T call(int index, List<Block> blocks) throws Exception;
    }

    /**
     * {@code work} of each partition's blocks on the pool; the results in partition order. The pass
     * is logged ({@link LocalPassLog}) under {@code site}.
     */
    private static <T> List<T> perPartition(LocalBlocks local, String site, PartitionWork<T> work) {
        List<List<Block>> partitions = local.partitions();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("no partitions");
        }
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong workNanos = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService pool = POOLS.computeIfAbsent(local.threads(), LocalFold::newPool);
        List<Future<T>> futures = new ArrayList<>(partitions.size());
        for (int i = 0; i < partitions.size(); i++) {
            int index = i;
            List<Block> blocks = partitions.get(i);
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                try {
                    return work.call(index, blocks);
                } finally {
                    workNanos.addAndGet(System.nanoTime() - t0);
                }
            }));
        }
        List<T> results = new ArrayList<>(futures.size());
        try {
            for (Future<T> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("pass interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        LocalPassLog.record(new LocalPassLog.Pass(site, (System.nanoTime() - start) / 1e9, workNanos.get() / 1e9,
                partitions.size()));
        return results;
    }

    private static ExecutorService newPool(int threads) {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "spark-lasso pass " + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newFixedThreadPool(threads, daemons);
    }
}
