package org.sparklasso.input;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.spark.SparkThrowable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparklasso.block.Block;
import org.sparklasso.block.LocalBlocks;
import org.sparklasso.block.PartitionAudit;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.JobException;

/**
 * The step from rows to training data: packs a {@code Dataset<Row>} into cached blocks in one pass,
 * auditing every row on the way (see {@link PartitionAudit}); any bad row fails the step with an
 * input error naming the count and the first offending row. A Spark ML Estimator calls
 * {@link #cache(Dataset, BlockSpec, String)} with its Dataset; the CLI calls the same step after its
 * file readers ({@link DataLoader}).
 */
public final class Blocks {
    private static final Logger LOG = LoggerFactory.getLogger(Blocks.class);

    private Blocks() {
    }

    /**
     * Packs {@code rows} into cached blocks. The rows need the columns {@code spec} names (label
     * {@code label} by default, numeric or, for a classification family, any type read as text)
     * and the features as numeric columns or one Spark ML vector column, dense or sparse
     * ({@code features} by default, else every other column).
     *
     * @param sourceName how messages name the rows, e.g. a path or a table name
     * @return the cached blocks (call {@link LoadedData#release} when done)
     * @throws JobException an input error for missing or mistyped columns and unusable rows, a
     *                      config error for contradictory columns
     */
    public static LoadedData cache(Dataset<Row> rows, BlockSpec spec, String sourceName) {
        return cache(DatasetColumns.resolve(rows, spec, sourceName, false), spec);
    }

    /** Packs, audits and caches the rows of {@code source}: the step behind every caller. */
    static LoadedData cache(RowSource source, BlockSpec spec) {
        RowLayout layout = packingLayout(source.layout(), spec);
        JavaRDD<Block> blocks = null;
        List<PartitionAudit> audits = null;
        String direct = null;
        if (source.direct() != null && spec.numPartitions() <= 0 && directPacking) {
            JavaRDD<Block> packed = source.direct().pack(layout, blockRows(layout, spec));
            if (packed != null) {
                packed = cached(packed);
                audits = audits(packed, source);
                if (audits.stream().anyMatch(PartitionAudit::rowPathNeeded)) {
                    LOG.info("a row the packing {} cannot take: packing {} from rows", source.direct().description(),
                            source.name());
                    packed.unpersist(false);
                    audits = null;
                } else {
                    blocks = packed;
                    direct = source.direct().description();
                    directPacked.incrementAndGet();
                }
            }
        }
        if (blocks == null) {
            if (source.frame() == null) {
                // a source its direct packing packs first: its rows are read only now
                source = source.rowPath().get();
                layout = packingLayout(source.layout(), spec);
            }
            Dataset<Row> df = source.frame();
            if (spec.numPartitions() > 0) {
                df = df.repartition(spec.numPartitions());
            }
            final RowLayout packing = layout;
            int blockRows = blockRows(layout, spec);
            // Internal rows, read through a view: javaRDD() would box every value into a new external Row.
            StructType schema = df.schema();
            blocks = cached(df.queryExecution().toRdd().toJavaRDD()
                    .mapPartitionsWithIndex((idx, it) -> BlockBuilder.pack(packing, blockRows, idx,
                            InternalRowView.over(it, schema)), true));
            audits = audits(blocks, source);
        }
        long seen = audits.stream().mapToLong(PartitionAudit::rowsSeen).sum();
        long stored = audits.stream().mapToLong(PartitionAudit::storedValues).sum();
        // the width of an input only the packing measures (LIBSVM lines): its highest index
        boolean sizing = layout.numFeatures() < 0;
        int numFeatures = sizing ? audits.stream().mapToInt(PartitionAudit::featureCount).max().orElse(0)
                : layout.numFeatures();
        List<String> featureNames = sizing ? source.direct().featureNames(numFeatures) : source.featureNames();
        AuditChecks.FoldIds folds;
        LabelEncoder classes;
        try {
            folds = AuditChecks.check(audits, seen, layout, source, spec);
            classes = layout.classLabels() ? classesOf(audits, spec.family(), source.name()) : null;
        } catch (JobException e) {
            blocks.unpersist(false);
            throw e;
        }
        int numFolds = folds == null ? 0 : folds.count();
        int foldShift = folds == null ? 0 : -folds.firstId();
        if (classes != null || foldShift != 0 || sizing) {
            Relabeled finished = relabel(blocks, classes == null ? null : classOfCodes(audits, classes), foldShift,
                    sizing ? numFeatures : -1);
            blocks = finished.blocks();
            stored = finished.storedValues();
        }
        LOG.info("loaded {} rows × {} features into {} partitions{}{}", seen, numFeatures,
                blocks.getNumPartitions(), numFolds > 0 ? ", " + numFolds + " folds" : "",
                direct != null ? " (" + direct + ")" : "");
        LocalBlocks local = spec.localPasses() ? LocalBlocks.capture(blocks) : null;
        return new LoadedData(blocks, featureNames, seen, stored, numFolds, classes, local);
    }

    /** The source's layout with the folds and class labels {@code spec} asks for. */
    private static RowLayout packingLayout(RowLayout layout, BlockSpec spec) {
        if (spec.nfolds() > 0 && layout.foldColumn() < 0) {
            layout = layout.withFolds(-1, spec.nfolds(), spec.seed());
        }
        if (spec.family().isClassification()) {
            layout = layout.withClassLabels();
        }
        return layout;
    }

    private static int blockRows(RowLayout layout, BlockSpec spec) {
        return spec.blockRows() > 0 ? spec.blockRows()
                : BlockBuilder.defaultBlockRows(layout.numFeatures(), layout.isVector());
    }

    /** Whether sources with a {@link DirectPacking} are packed by it first; tests turn it off. */
    static volatile boolean directPacking = true;
    /** Inputs packed by their {@link DirectPacking} so far (for tests). */
    static final java.util.concurrent.atomic.AtomicInteger directPacked = new java.util.concurrent.atomic.AtomicInteger();

    /** {@code blocks} persisted (memory, else disk), their lineage to be cut once cached in local mode. */
    private static JavaRDD<Block> cached(JavaRDD<Block> blocks) {
        JavaRDD<Block> persisted = blocks.persist(StorageLevel.MEMORY_AND_DISK());
        if (persisted.context().isLocal()) {
            cutLineageOnceCached(persisted);
        }
        return persisted;
    }

    /** Packs the blocks (the job that caches them) and returns every partition's audit. */
    private static List<PartitionAudit> audits(JavaRDD<Block> blocks, RowSource source) {
        try {
            return blocks.map(Block::audit).filter(a -> a != null).collect();
        } catch (Exception e) {
            // A failed Spark job surfaces as the checked SparkException (thrown undeclared from Scala).
            blocks.unpersist(false);
            if (e instanceof RuntimeException || isReadFailure(e)) {
                throw source.readFailure().apply(e);
            }
            throw e;
        }
    }

    /**
     * Spark's local checkpoint: once the first job has cached the blocks, their RDD's lineage is cut
     * to the cached blocks themselves, so each pass ships and deserializes a one-RDD task instead of
     * the reader's whole plan (16.5 KB compressed per job for Parquet input). Measured on 2 cached
     * partitions of Parquet-read blocks, 40 passes each: 46 → 36 ms median per pass of no work (so
     * about 1 s over the 107 passes of a binomial path + CV). Local mode only: there an executor is
     * lost only with the application, so no fault tolerance is given up; on a cluster the lineage
     * stays, so that blocks lost with an executor are recomputed.
     */
    private static void cutLineageOnceCached(JavaRDD<Block> blocks) {
        blocks.rdd().localCheckpoint();
    }

    /**
     * The classes: every distinct label value the partitions met (each partition coded its own in
     * the packing pass, so the label column is read once, with the features).
     */
    private static LabelEncoder classesOf(List<PartitionAudit> audits, Family family, String sourceName) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (PartitionAudit a : audits) {
            values.addAll(a.labelValues());
        }
        return LabelEncoder.of(new ArrayList<>(values), family == Family.BINOMIAL, sourceName);
    }

    /** Per partition, the class index of each of its label codes. */
    private static double[][] classOfCodes(List<PartitionAudit> audits, LabelEncoder classes) {
        double[][] map = new double[audits.stream().mapToInt(PartitionAudit::partition).max().orElse(-1) + 1][];
        for (PartitionAudit a : audits) {
            List<String> values = a.labelValues();
            double[] codes = new double[values.size()];
            for (int c = 0; c < codes.length; c++) {
                codes[c] = classes.classOf(values.get(c));
            }
            map[a.partition()] = codes;
        }
        return map;
    }

    /** Finished blocks and the values they store. */
    private record Relabeled(JavaRDD<Block> blocks, long storedValues) {
    }

    /**
     * The blocks with labels coded per partition mapped to class indices and fold ids moved to
     * 0-based folds (see {@link Block#relabeled}) and, given a {@code numFeatures} of 0 or more,
     * sized to it ({@link Block#withNumFeatures}: dense or sparse as the row path would have packed
     * them): one cheap job over the cached blocks, sharing their features (but those it densifies).
     */
    private static Relabeled relabel(JavaRDD<Block> blocks, double[][] classOfCodes, int foldShift, int numFeatures) {
        JavaRDD<Block> relabeled = cached(blocks.mapPartitionsWithIndex((idx, it) -> {
            double[] codes = classOfCodes == null ? null : classOfCodes[idx];
            List<Block> out = new ArrayList<>();
            it.forEachRemaining(b -> {
                Block r = b.relabeled(codes, foldShift);
                out.add(numFeatures >= 0 ? r.withNumFeatures(numFeatures) : r);
            });
            return out.iterator();
        }, true));
        long stored = relabeled.map(Block::storedValues).fold(0L, Long::sum);
        blocks.unpersist(false);
        return new Relabeled(relabeled, stored);
    }

    /** Whether a failed Spark job failed because a task could not read or decode an input file. */
    private static boolean isReadFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SparkThrowable st && st.getCondition() != null
                    && st.getCondition().startsWith("FAILED_READ_FILE")) {
                return true;
            }
        }
        return false;
    }
}
