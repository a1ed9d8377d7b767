package org.sparklasso.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparklasso.api.ModelData;
import org.sparklasso.input.LoadedData;
import org.sparklasso.ml.LassoModels;
import org.sparklasso.output.AtomicOutput;
import org.sparklasso.output.CoefficientsWriter;
import org.sparklasso.output.MetricsWriter;
import org.sparklasso.output.ModelDirectory;
import org.sparklasso.output.PathWriter;
import org.sparklasso.output.PlotWriter;
import org.sparklasso.output.PmmlWriter;
import org.sparklasso.output.Provenance;
import org.sparklasso.output.TrainReport;
import org.sparklasso.path.TrainingResult;
import org.sparklasso.spec.Family;

/**
 * Writes {@code train}'s output directory, atomically ({@link AtomicOutput}): the Parquet tables
 * (coefficients, path, path_summary, cv, cv_relaxed, the saved model), then metrics.json and
 * {@code _SUCCESS}. Every table is written from the driver through Hadoop's FileSystem, without a
 * Spark job; the plots and model.pmml, whose first use on a cold JVM costs ~0.5 s each (AWT's first
 * rendering, JAXB's first context), are written meanwhile, each on a thread of its own. A log line
 * gives the threads' times apart: the tables and metrics.json (the small outputs whose speed a
 * one-shot job feels, and what issue 20's "≤ 1 s together" is about), the plots and model.pmml.
 */
final class TrainOutput {
    private static final Logger LOG = LoggerFactory.getLogger(TrainOutput.class);

    /** The split of the write phase (seconds): tables and metrics.json; plots and model.pmml, each on its own thread. */
    static final String SPLIT_LOG = "tables and metrics.json written in {}s; on threads of their own, plots in {}s, model.pmml in {}s";

    private TrainOutput() {
    }

    static void write(SparkSession spark, JobConfig config, LoadedData data, TrainingResult result,
                      TrainReport report) throws IOException {
        try (AtomicOutput out = AtomicOutput.begin(config.output(), spark.sparkContext().hadoopConfiguration())) {
            List<String> classNames = config.family() == Family.MULTINOMIAL ? data.classes().classNames() : null;
            String[] groupOf = result.terms().groups() == null ? null
                    : result.terms().groups().labelOfFeature();
            ModelData modelData = ModelData.of(result, data, config.family());
            // The plots and model.pmml (AWT's first rendering and JAXB's first context: ~0.5 s each on a
            // cold JVM) are written beside the Parquet tables, each on a thread of its own, since the
            // tables take only ~0.4 s (the sample job's write phase, two pairs on 2 cores: 0.86-0.91 s
            // with both on one thread, 0.80-0.87 s apart)
            long start = System.nanoTime();
            long[] plotsDone = {start};
            long[] pmmlDone = {start};
            CompletableFuture<Void> plots = onOwnThread("spark-lasso-plots", () -> {
                if (config.plots()) {
                    writePlots(report, data.featureNames(), groupOf, out);
                }
                plotsDone[0] = System.nanoTime();
            });
            CompletableFuture<Void> pmml = onOwnThread("spark-lasso-pmml", () -> {
                writeText(out, "model.pmml", PmmlWriter.toXml(modelData, labelName(config), "spark-lasso",
                        Provenance.version()));
                pmmlDone[0] = System.nanoTime();
            });
            CompletableFuture<Void> sideFiles = CompletableFuture.allOf(plots, pmml);
            long tablesDone;
            try {
                CoefficientsWriter.write(spark, report.written(), data.featureNames(), classNames, groupOf,
                        report.writtenGammas(), featureColumns(result), out.path("coefficients"));
                if (result.fits().size() > 1) {
                    PathWriter.writePath(spark, result.fits(), data.featureNames(), classNames, out.path("path"));
                    PathWriter.writeSummary(spark, result.fits(), out.path("path_summary"));
                }
                if (result.cv() != null) {
                    PathWriter.writeCv(spark, result.cv(), out.path("cv"));
                }
                if (result.relaxed() != null && result.relaxed().cv() != null) {
                    PathWriter.writeRelaxedCv(spark, result.relaxed(), out.path("cv_relaxed"));
                }
                LassoModels.of(modelData).write()
                        .session(spark).save(out.path(ModelDirectory.MODEL));
                tablesDone = System.nanoTime();
                await(sideFiles);
            } finally {
                sideFiles.exceptionally(e -> null).join();   // never leave it writing into a discarded output
            }
            long metricsStart = System.nanoTime();
            out.writeText("metrics.json", MetricsWriter.toJson(report, Provenance.of(spark,
                    EffectiveConfiguration.of(config), config.input(), data.rows(), data.featureNames(),
                    result.standardization())));
            long metricsDone = System.nanoTime();
            out.commit();
            LOG.info(SPLIT_LOG, TrainJob.seconds(((tablesDone - start) + (metricsDone - metricsStart)) / 1e9),
                    TrainJob.seconds((plotsDone[0] - start) / 1e9), TrainJob.seconds((pmmlDone[0] - start) / 1e9));
        }
    }

    /** Runs {@code task} on a new daemon thread with this thread's context class loader (Spark's, for the app jar). */
    private static CompletableFuture<Void> onOwnThread(String name, Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        return done;
    }

    private static void writePlots(TrainReport report, List<String> names, String[] groupOf, AtomicOutput out) {
        try {
            PlotWriter.write(report, names, groupOf, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeText(AtomicOutput out, String child, String text) {
        try {
            out.writeText(child, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code task}; its failure is the job's (an IOException as itself). */
    private static void await(CompletableFuture<Void> task) throws IOException {
        try {
            task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The label's name for the PMML target: the label column as given, else the format's default. */
    private static String labelName(JobConfig config) {
        if (config.labelCol() != null && (config.header() || config.format() != org.sparklasso.input.InputFormat.CSV)) {
            return config.labelCol();
        }
        return "label";
    }

    /** The per-feature columns of coefficients/ beyond the model: the penalty factors and adaptive weights in force. */
    private static Map<String, double[]> featureColumns(TrainingResult result) {
        Map<String, double[]> columns = new LinkedHashMap<>();
        if (result.terms().hasFactors()) {
            columns.put("penaltyFactor", result.terms().factors());
        }
        if (result.adaptive() != null) {
            columns.put("adaptiveWeight", result.adaptive().weights());
        }
        return columns;
    }
}
