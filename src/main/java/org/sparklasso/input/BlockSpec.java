package org.sparklasso.input;

import java.util.List;
import java.util.Objects;
import org.sparklasso.spec.Family;

/**
 * How rows become cached blocks ({@link Blocks#cache}): which columns hold the label, features,
 * weights and folds, how the label is read, and how the rows are partitioned and packed.
 *
 * @param labelCol      the label column, or null for {@code label} (column 1 of a csv without header,
 *                      whose columns are 1-based numbers)
 * @param featureCols   numeric feature columns, or empty for every column but label, weight and fold
 * @param featuresCol   a Spark ML vector column (dense or sparse) holding the features, or null: then
 *                      a vector column named {@code features} is used when there is one and featureCols
 *                      is empty
 * @param weightCol     a numeric row-weight column, or null for unit weights
 * @param foldCol       a numeric fold-id column (1..K as glmnet's foldid, or 0..K-1 as Spark's
 *                      CrossValidator), or null
 * @param nfolds        random cross-validation folds (0 = none, else 3..{@link BlockBuilder#MAX_FOLD});
 *                      ignored when foldCol is set
 * @param seed          seed of the random fold assignment
 * @param family        the model family: a classification family reads the label as a class
 *                      (binomial needs exactly two)
 * @param numPartitions repartition the rows to this many partitions; 0 keeps the source's
 * @param blockRows     rows per cached block; 0 chooses from p (about 8 MB per dense block)
 * @param localPasses   in local mode, also keep the blocks by reference so passes can run on the
 *                      driver's threads ({@link LoadedData#local})
 */
public record BlockSpec(String labelCol, List<String> featureCols, String featuresCol, String weightCol,
                        String foldCol, int nfolds, long seed, Family family, int numPartitions, int blockRows,
                        boolean localPasses) {

    public BlockSpec {
        featureCols = featureCols == null ? List.of() : List.copyOf(featureCols);
        Objects.requireNonNull(family, "family");
        if (nfolds < 0 || nfolds > BlockBuilder.MAX_FOLD) {
            throw new IllegalArgumentException("nfolds: " + nfolds + " (0, or at most " + BlockBuilder.MAX_FOLD + ")");
        }
        if (numPartitions < 0) {
            throw new IllegalArgumentException("numPartitions: " + numPartitions + " (0 or more)");
        }
        if (blockRows < 0) {
            throw new IllegalArgumentException("blockRows: " + blockRows + " (0 or more)");
        }
    }
}
