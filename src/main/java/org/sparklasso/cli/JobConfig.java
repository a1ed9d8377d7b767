package org.sparklasso.cli;

import org.sparklasso.api.ConfigKey;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.FitSpec;

import java.util.List;
import org.sparklasso.input.BlockSpec;
import org.sparklasso.input.InputFormat;
import org.sparklasso.input.ReadSpec;

/**
 * The validated configuration of one {@code train} run. Built only by {@link ConfigParser}, which
 * checks every value and names the key of any bad one.
 *
 * @param csvOptions   Spark CSV reader options: {@code sep} and every {@code csv.NAME} the user gave
 * @param labelCol     the label column as given, or null for the format's default ({@code label};
 *                     column 1 of a csv without header)
 * @param featureCols  explicit feature columns, or empty for "every column but label and weight"
 * @param featuresCol  a Spark ML vector column holding the features (Parquet), or null
 * @param fitSpec      what to fit (the keys {@link org.sparklasso.api.FitSpecParser} reads)
 * @param localPasses  in local mode, passes fold the cached blocks on the driver's threads, not as Spark jobs
 * @param numPartitions repartition the input to this many partitions; 0 keeps the reader's
 * @param blockRows    rows per cached block; 0 chooses from p (about 8 MB per dense block)
 * @param given        every key the user gave, as given (the provenance's configuration)
 */
public record JobConfig(
        String input,
        InputFormat format,
        boolean header,
        java.util.Map<String, String> csvOptions,
        String labelCol,
        List<String> featureCols,
        String featuresCol,
        String weightCol,
        String output,
        FitSpec fitSpec,
        boolean plots,
        boolean localPasses,
        int numPartitions,
        int blockRows,
        java.util.Map<ConfigKey, String> given,
        boolean verbose) {

    public JobConfig {
        java.util.Map<ConfigKey, String> copy = new java.util.EnumMap<>(ConfigKey.class);
        copy.putAll(given);
        given = java.util.Collections.unmodifiableMap(copy);
    }

    /** What the file readers read: the input, its format, header and csv options. */
    public ReadSpec readSpec() {
        return new ReadSpec(input, format, header, csvOptions);
    }

    /** How the input's rows become cached blocks: the columns, folds, family and packing. */
    public BlockSpec blockSpec() {
        return new BlockSpec(labelCol, featureCols, featuresCol, weightCol, fitSpec.foldCol(), fitSpec.nfolds(),
                fitSpec.seed(), fitSpec.family(), numPartitions, blockRows, localPasses);
    }

    public Family family() {
        return fitSpec.family();
    }

    public double alpha() {
        return fitSpec.alpha();
    }

    public boolean standardize() {
        return fitSpec.standardize();
    }

    public boolean fitIntercept() {
        return fitSpec.fitIntercept();
    }

    public double tol() {
        return fitSpec.tol();
    }

    public String lambdaChoice() {
        return fitSpec.lambdaChoice();
    }

    public List<Double> lambdas() {
        return fitSpec.lambdas();
    }

    /** Whether cross-validation runs. */
    public boolean crossValidate() {
        return fitSpec.crossValidate();
    }
}
