package org.sparklasso.input;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.sparklasso.block.Block;

/**
 * A faster way to pack a source's rows into blocks than through Spark's rows: a Parquet scan's
 * columnar batches ({@link ColumnarBlocks}), a plain CSV's text lines ({@link CsvLines}). It packs
 * clean input only: at the first row it cannot take, a partition returns an empty block whose audit
 * asks for the row path ({@link org.sparklasso.block.PartitionAudit#rowPathNeeded}), and
 * {@link Blocks} packs the input again from rows, which name the row in their message.
 */
interface DirectPacking {
    /**
     * The blocks (not yet cached), or null when this input cannot be packed this way.
     *
     * @param rows the row path's layout: its column indices, folds and class labels are kept
     */
    JavaRDD<Block> pack(RowLayout rows, int blockRows);

    /**
     * The feature names of an input whose width only the packing finds ({@link RowLayout#numFeatures}
     * of -1: LIBSVM lines); other packings keep their source's names and are never asked.
     */
    default List<String> featureNames(int numFeatures) {
        throw new UnsupportedOperationException(description() + ": the source names its features");
    }

    /** How the load's log line names it, e.g. "from columnar batches". */
    String description();
}
