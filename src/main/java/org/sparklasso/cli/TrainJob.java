package org.sparklasso.cli;

import org.sparklasso.api.Lasso;
import org.sparklasso.path.TrainingResult;
import org.sparklasso.spec.FitSpec;

import java.io.IOException;
import org.apache.spark.sql.SparkSession;
import org.sparklasso.kernel.Blas;
import org.sparklasso.input.DataLoader;
import org.sparklasso.input.LoadedData;
import org.sparklasso.output.AtomicOutput;
import org.sparklasso.output.PreviousModels;
import org.sparklasso.output.FeatureTermsReport;
import org.sparklasso.output.TrainReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code train} command: load → fit → write, with the output appearing atomically.
 * {@code loadSeconds} covers reading, parsing, validating and packing the input into cached blocks
 * (one fused pass); {@code trainSeconds} covers the statistics pass and every solver pass. The
 * closing log line adds start-up (the driver JVM's uptime when the job began: JVM and Spark
 * start-up, without spark-submit's launcher JVM) and write (every output file, up to the commit).
 */
public final class TrainJob {
    private static final Logger LOG = LoggerFactory.getLogger(TrainJob.class);

    /** The closing log line, every phase of the run: the benchmark's cold mode (ColdBench) reads it. */
    public static final String PHASES_LOG = "wrote {} (start-up {}s, load {}s, train {}s, write {}s, {} passes)";

    private TrainJob() {
    }

    public static TrainReport run(SparkSession spark, JobConfig config) throws IOException {
        AtomicOutput.checkReplaceable(config.output(), spark.sparkContext().hadoopConfiguration());
        AtomicOutput.checkWritable(config.output(), spark.sparkContext().hadoopConfiguration());
        long t0 = System.nanoTime();
        double startUpSeconds = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        FitSpec fitSpec = PreviousModels.resolve(spark, config.fitSpec());
        LoadedData data = new DataLoader(spark, config.readSpec(), config.blockSpec()).load();
        try {
            long t1 = System.nanoTime();
            TrainingResult result = Lasso.fit(data, fitSpec);
            long t2 = System.nanoTime();
            int active = 0;
            for (boolean a : result.standardization().active()) {
                active += a ? 1 : 0;
            }
            TrainReport report = new TrainReport(config.family().key(), config.alpha(), config.standardize(),
                    config.fitIntercept(), data.rows(), result.standardization().weightSum(), data.numFeatures(),
                    active, result.solver().key(), config.tol(), result.lambdaMax(), result.fits(), result.chosen(),
                    result.computedGrid(), result.cv(), config.lambdaChoice(), result.passes(), (t1 - t0) / 1e9,
                    (t2 - t1) / 1e9, data.blocks().getNumPartitions(), Blas.implementation(),
                    data.classes() == null ? null : data.classes().classNames(),
                    FeatureTermsReport.of(result.terms(), result.adaptive(), data.featureNames()), result.relaxed());
            TrainOutput.write(spark, config, data, result, report);
            LOG.info(PHASES_LOG, config.output(),
                    seconds(startUpSeconds), seconds(report.loadSeconds()), seconds(report.trainSeconds()),
                    seconds((System.nanoTime() - t2) / 1e9), report.dataPasses());
            return report;
        } finally {
            data.release(false);
        }
    }

    /** Seconds as the job's log lines give them (three decimals). */
    static String seconds(double s) {
        return String.format(java.util.Locale.ROOT, "%.3f", s);
    }
}
