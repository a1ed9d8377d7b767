package org.sparklasso.input;

import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.sparklasso.spec.JobException;

/**
 * The CLI's loader: reads the input files with Spark's own CSV, LIBSVM or Parquet reader, then
 * packs the rows with the same step an Estimator calls ({@link Blocks}). Every row is audited on
 * the way; any bad row fails the load with exit code 3, naming the count, the file and the first
 * offending row.
 */
public final class DataLoader {
    private static final String FILE = "_input_file";

    private final SparkSession spark;
    private final ReadSpec read;
    private final BlockSpec spec;

    /**
     * @param read what to read
     * @param spec which columns to use and how the rows become blocks
     */
    public DataLoader(SparkSession spark, ReadSpec read, BlockSpec spec) {
        this.spark = spark;
        this.read = read;
        this.spec = spec;
    }

    /** Reads, validates, packs and caches the input. */
    public LoadedData load() {
        checkInputExists();
        String description = read.format().name().toLowerCase(Locale.ROOT) + " input " + read.input();
        RowSource source = read().readBy(description, read.format() == InputFormat.CSV && read.header(),
                this::readFailure);
        return Blocks.cache(source, spec);
    }

    private void checkInputExists() {
        try {
            Path path = new Path(read.input());
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw JobException.input("input not found: " + read.input());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw JobException.input("cannot access input " + read.input() + ": " + e.getMessage(), e);
        }
    }

    private RowSource read() {
        try {
            return switch (read.format()) {
                case CSV -> new CsvFiles(spark, read, spec).read();
                case LIBSVM -> RowSource.packedFirst(new LibsvmLinePacking(spark, read.input()), this::libsvmRows,
                        new RowLayout(0, -1, new int[0], 1, -1, -1, -1, -1, 0, 0L), read.input());
                case PARQUET -> DatasetColumns.resolve(ParquetFooterSchema.read(spark, read.input()), spec, read.input(),
                        true);
            };
        } catch (JobException e) {
            throw e;
        } catch (Exception e) {
            // Includes the checked SparkException of a failed job (e.g. reading Parquet footers, or the
            // libsvm reader's pass that counts the features).
            throw readFailure(e);
        }
    }

    /**
     * The input error for a failed read: for libsvm input, a second look at the lines names the
     * first malformed one (Spark's parser says only "For input string: x"); otherwise the root cause.
     */
    private JobException readFailure(Exception e) {
        if (read.format() == InputFormat.LIBSVM) {
            try {
                String located = LibsvmLines.locateBadLines(spark, read.input());
                if (located != null) {
                    return JobException.input(located, e);
                }
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
        }
        return JobException.input("cannot read " + read.format().name().toLowerCase(Locale.ROOT)
                + " input " + read.input() + ": " + rootMessage(e), e);
    }

    /**
     * LIBSVM rows as Spark's reader reads them: label, a sparse feature vector sized by the reader
     * (a scan of its own), features named f1..fp. Only when the lines' own packing refuses a line.
     */
    private RowSource libsvmRows() {
        try {
            Dataset<Row> df = spark.read().format("libsvm").load(read.input());
            int p = AttributeGroup.fromStructField(df.schema().apply("features")).size();
            df = df.select(spec.family().isClassification() ? df.col("label").cast(DataTypes.StringType)
                    : df.col("label"), df.col("features"), functions.input_file_name().as(FILE));
            return RowSource.of(df, new RowLayout(0, -1, new int[0], 1, p, -1, 2, -1, 0, 0L),
                    LibsvmLinePacking.names(p), read.input());
        } catch (JobException e) {
            throw e;
        } catch (Exception e) {
            // the checked SparkException of the reader's pass that counts the features, among others
            throw readFailure(e);
        }
    }

    /** The innermost cause's message, on one line. */
    public static String rootMessage(Throwable e) {
        return InputText.rootMessage(e);
    }
}
