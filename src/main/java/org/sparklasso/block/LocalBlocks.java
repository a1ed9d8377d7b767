package org.sparklasso.block;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;

/**
 * In local mode, the cached blocks of every partition held by reference, so that a pass can fold
 * them on the driver's own threads instead of running a Spark job ({@code localPasses}).
 *
 * <p>In local mode Spark's executor is the driver's JVM, and the cached blocks are Java objects in
 * its block store. One Spark job hands each partition's block references over (through a static
 * map of this JVM, keyed by a one-off token); after that a pass costs only its arithmetic. A Spark
 * job has a fixed cost whatever it computes (job and stage submission, the task binary's broadcast,
 * task launch and deserialization, result handling): an empty one-task job took 12–70 ms on a
 * 2-core Xeon VM, and a binomial CV pass over 10⁵ × 100 rows in two partitions (12 points, six
 * small Hessians) 90–130 ms as a job against 40–55 ms on two plain threads, interleaved in one
 * JVM. A binomial path + 5-fold CV makes ~107 such passes.
 *
 * <p>Each partition is still folded on its own, in order, from its own copy of the zero value, and
 * the partition results merged in partition order: the same arithmetic in the same order as a Spark
 * job's.
 */
public final class LocalBlocks {
    /** Hand-over from the capturing job's tasks (same JVM in local mode) to the driver. */
    private static final Map<String, Map<Integer, List<Block>>> HANDOVER = new ConcurrentHashMap<>();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalBlocks.class);
    private static final Pattern LOCAL_MASTER = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]");

    private volatile List<List<Block>> partitions;
    private final int threads;

    private LocalBlocks(List<List<Block>> partitions, int threads) {
        this.partitions = partitions;
        this.threads = threads;
    }

    /**
     * The block references of every partition of cached {@code blocks} (one Spark job), or null
     * when Spark is not in local mode, when some of the blocks are not in memory (spilled to disk:
     * holding them all would take memory Spark does not have), or when a partition's blocks did not
     * reach this JVM's hand-over. Passes then stay Spark jobs.
     */
    public static LocalBlocks capture(JavaRDD<Block> blocks) {
        SparkContext sc = blocks.context();
        if (!sc.isLocal()) {
            return null;
        }
        Cached cached = cached(sc, blocks);
        if (cached.diskBytes() > 0) {
            LOG.warn("localPasses: {} MB of the {} MB of cached blocks are on disk, not in memory, so every pass is a "
                    + "Spark job reading them back (slower); in local mode give the driver more memory, e.g. "
                    + "--driver-memory {}g", cached.diskBytes() >> 20, (cached.memoryBytes() + cached.diskBytes()) >> 20,
                    suggestedDriverMemoryGb(cached.memoryBytes() + cached.diskBytes()));
            return null;
        }
        if (cached.partitionsInMemory() < blocks.getNumPartitions()) {
            LOG.info("localPasses: not every partition of the blocks is cached, so passes stay Spark jobs");
            return null;
        }
        String token = UUID.randomUUID().toString();
        Map<Integer, List<Block>> received = new ConcurrentHashMap<>();
        HANDOVER.put(token, received);
        try {
            blocks.foreachPartition(it -> {
                Map<Integer, List<Block>> target = HANDOVER.get(token);
                if (target != null) {
                    List<Block> list = new ArrayList<>();
                    it.forEachRemaining(list::add);
                    target.put(TaskContext.getPartitionId(), list);
                }
            });
        } finally {
            HANDOVER.remove(token);
        }
        int n = blocks.getNumPartitions();
        if (received.size() != n) {
            LOG.info("localPasses: the cached blocks did not reach the driver, so passes stay Spark jobs");
            return null;
        }
        List<List<Block>> ordered = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ordered.add(List.copyOf(received.get(i)));
        }
        int threads = localCores(sc.master());
        LOG.info("localPasses: passes fold the {} cached partitions on {} driver thread(s), without Spark jobs",
                n, threads);
        return new LocalBlocks(ordered, threads);
    }

    /** How a cached RDD is stored: partitions held in memory, bytes in memory and on disk. */
    private record Cached(int partitionsInMemory, long memoryBytes, long diskBytes) {
    }

    private static Cached cached(SparkContext sc, JavaRDD<Block> blocks) {
        // Asks the block manager master (a synchronous RPC), not sc.getRDDStorageInfo(): that one is
        // the UI's status store, fed by the listener bus, which lags behind the caching job on a busy
        // machine and then reports the blocks as not cached at all.
        java.util.Set<Integer> inMemory = new java.util.HashSet<>();
        long memory = 0;
        long disk = 0;
        for (org.apache.spark.storage.StorageStatus status : sc.env().blockManager().master().getStorageStatus()) {
            var rddBlocks = scala.jdk.javaapi.CollectionConverters.asJava(status.rddBlocks());
            for (var e : rddBlocks.entrySet()) {
                if (((org.apache.spark.storage.RDDBlockId) e.getKey()).rddId() != blocks.id()) {
                    continue;
                }
                memory += e.getValue().memSize();
                disk += e.getValue().diskSize();
                if (e.getValue().memSize() > 0 && e.getValue().diskSize() == 0) {
                    inMemory.add(((org.apache.spark.storage.RDDBlockId) e.getKey()).splitIndex());
                }
            }
        }
        return new Cached(inMemory.size(), memory, disk);
    }

    /**
     * A driver heap (GB) that holds {@code cachedBytes} of blocks in local mode: Spark lends its
     * cache at most 60 % of the heap above a 300 MB reserve ({@code spark.memory.fraction}, unified
     * memory), and loading and the fit need room beside the cache, so twice the blocks plus 1 GB.
     */
    static long suggestedDriverMemoryGb(long cachedBytes) {
        long gb = 1L << 30;
        return (2 * cachedBytes + gb - 1) / gb + 1;
    }

    /** Cores of a local master: {@code local} 1, {@code local[N]} N, {@code local[*]} all. */
    public static int localCores(String master) {
        Matcher m = LOCAL_MASTER.matcher(master.trim());
        if (!m.matches()) {
            return 1;
        }
        return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors()
                : Math.max(1, Integer.parseInt(m.group(1)));
    }

    /** Every partition's blocks, in partition order. */
    public List<List<Block>> partitions() {
        List<List<Block>> p = partitions;
        if (p == null) {
            throw new IllegalStateException("the local blocks were released");
        }
        return p;
    }

    /** Threads a pass may use: the local master's cores. */
    public int threads() {
        return threads;
    }

    /** Drops the references (with the cache's unpersist), so the blocks can be collected. */
    public void release() {
        partitions = null;
    }
}
