package org.sparklasso.job;

import java.util.List;
import org.sparklasso.data.InputFormat;

/**
 * The validated configuration of one {@code train} run. Built only by {@link ConfigParser}, which
 * checks every value and names the key of any bad one.
 *
 * @param featureCols  explicit feature columns, or empty for "every column but label and weight"
 * @param featuresCol  a Spark ML vector column holding the features (Parquet), or null
 * @param lambdas      the λ values to fit, in the order given (solved from largest to smallest)
 * @param maxIter      iteration limit; 0 means the solver's default
 * @param numPartitions repartition the input to this many partitions; 0 keeps the reader's
 * @param blockRows    rows per cached block; 0 chooses from p (about 8 MB per dense block)
 */
public record JobConfig(
        String input,
        InputFormat format,
        boolean header,
        String labelCol,
        List<String> featureCols,
        String featuresCol,
        String weightCol,
        String output,
        Family family,
        double alpha,
        List<Double> lambdas,
        boolean standardize,
        boolean fitIntercept,
        SolverChoice solver,
        double tol,
        int maxIter,
        int cdMaxFeatures,
        int aggregationDepth,
        int numPartitions,
        int blockRows,
        boolean verbose) {
}
