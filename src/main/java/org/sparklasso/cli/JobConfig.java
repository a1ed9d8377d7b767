package org.sparklasso.cli;

import org.sparklasso.spec.FitSpec;
import org.sparklasso.spec.PenaltyOptions;

import org.sparklasso.spec.Family;
import org.sparklasso.spec.SolverChoice;
import org.sparklasso.spec.SolverOptions;

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
 * @param lambdas      the λ values to fit (solved from largest to smallest); empty: a computed path
 * @param lambdaMinRatio smallest path λ / λ_max, or NaN for glmnet's default
 * @param nfolds       random cross-validation folds (0 = none); ignored when foldCol is set
 * @param lambdaChoice "lambda.min" or "lambda.1se"
 * @param maxIter      iteration limit; 0 means the solver's default
 * @param solverOptions the first-order solvers' settings (step size …)
 * @param localPasses  in local mode, passes fold the cached blocks on the driver's threads, not as Spark jobs
 * @param numPartitions repartition the input to this many partitions; 0 keeps the reader's
 * @param blockRows    rows per cached block; 0 chooses from p (about 8 MB per dense block)
 * @param penaltyOptions per-feature penalty factors and coefficient bounds (matched to features at fit time)
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
        Family family,
        boolean groupedMultinomial,
        double alpha,
        List<Double> lambdas,
        int nlambda,
        double lambdaMinRatio,
        int nfolds,
        String foldCol,
        long seed,
        String typeMeasure,
        String lambdaChoice,
        boolean screening,
        boolean plots,
        boolean standardize,
        boolean fitIntercept,
        SolverChoice solver,
        double tol,
        int maxIter,
        SolverOptions solverOptions,
        int cdMaxFeatures,
        int aggregationDepth,
        boolean localPasses,
        int numPartitions,
        int blockRows,
        PenaltyOptions penaltyOptions,
        boolean verbose) {

    /** What to fit: this configuration without its input, output and reporting settings. */
    public FitSpec fitSpec() {
        return new FitSpec(family, groupedMultinomial, alpha, lambdas, nlambda, lambdaMinRatio, nfolds, foldCol, seed,
                typeMeasure, lambdaChoice, screening, standardize, fitIntercept, solver, tol, maxIter, solverOptions,
                cdMaxFeatures, aggregationDepth, penaltyOptions);
    }

    /** What the file readers read: the input, its format, header and csv options. */
    public ReadSpec readSpec() {
        return new ReadSpec(input, format, header, csvOptions);
    }

    /** How the input's rows become cached blocks: the columns, folds, family and packing. */
    public BlockSpec blockSpec() {
        return new BlockSpec(labelCol, featureCols, featuresCol, weightCol, foldCol, nfolds, seed, family,
                numPartitions, blockRows, localPasses);
    }

    /** Whether cross-validation runs. */
    public boolean crossValidate() {
        return nfolds > 0 || foldCol != null;
    }
}
