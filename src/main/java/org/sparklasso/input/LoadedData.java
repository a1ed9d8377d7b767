package org.sparklasso.input;

import org.sparklasso.block.Block;
import org.sparklasso.block.LocalBlocks;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * Input packed into cached blocks, ready for training.
 *
 * @param blocks        cached blocks (call {@link #release} when done)
 * @param featureNames  one name per feature, in feature-index order
 * @param rows          number of usable rows
 * @param storedValues  feature values held in the cache (rows×p for dense data)
 * @param numFolds      cross-validation folds K (rows carry fold 0..K-1), or 0 without
 * @param classes       the label's classes (labels are class indices), or null for regression
 * @param local         the same blocks by reference in local mode ({@code localPasses}), or null
 */
public record LoadedData(JavaRDD<Block> blocks, List<String> featureNames, long rows, long storedValues,
                         int numFolds, LabelEncoder classes, LocalBlocks local) {

    /** Drops the cached blocks (and the local references to them). */
    public void release(boolean blocking) {
        if (local != null) {
            local.release();
        }
        blocks.unpersist(blocking);
    }

    public int numFeatures() {
        return featureNames.size();
    }
}
