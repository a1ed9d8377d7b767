package org.sparklasso.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.Footer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.parquet.ParquetFileFormat$;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.HadoopFSUtils;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Parquet input read with the schema Spark's reader would infer, taken from the footer it would
 * read, here on the driver. Spark's inference ({@code ParquetUtils.inferSchema}) reads one footer
 * when schemas are not merged and no summary file is present (the first data file in path order),
 * but in a one-task Spark job of its own ({@code SchemaMergeUtils.mergeSchemasInParallel}): 0.4 s
 * of a cold load, before the scan's job. Here the same footer goes through Spark's own functions
 * ({@code ParquetFileFormat.readParquetFootersInParallel}, {@code readSchema}: Spark's schema from
 * the footer's metadata, else the converted Parquet schema) in this JVM. Any other input (partition
 * directories, summary files, hidden names, merged schemas, a footer skipped as corrupt) is left to
 * Spark's inference.
 */
public final class ParquetFooterSchema {
    private ParquetFooterSchema() {
    }

    /** The input as {@code spark.read().parquet(input)} reads it, without the inference job where the footer serves. */
    public static Dataset<Row> read(SparkSession spark, String input) throws IOException {
        StructType schema = of(spark, input);
        return schema == null ? spark.read().parquet(input) : spark.read().schema(schema).parquet(input);
    }

    /** The schema Spark would infer for the input, or null where the input is left to Spark's inference. */
    static StructType of(SparkSession spark, String input) throws IOException {
        if (flag(spark, "spark.sql.parquet.mergeSchema")) {
            return null;
        }
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        FileStatus first = firstDataFile(new Path(input), conf);
        if (first == null) {
            return null;
        }
        scala.collection.immutable.Seq<Footer> footers = ParquetFileFormat$.MODULE$.readParquetFootersInParallel(
                conf, CollectionConverters.asScala(List.of(first)).toSeq(),
                flag(spark, "spark.sql.files.ignoreCorruptFiles"), flag(spark, "spark.sql.files.ignoreMissingFiles"));
        Option<StructType> schema = ParquetFileFormat$.MODULE$.readSchema(footers, spark);
        // as Spark's inference reports it: every column nullable, whatever the file says
        return schema.isDefined() ? schema.get().asNullable() : null;
    }

    /**
     * The file whose footer Spark's inference reads: the first data file in path order, where the
     * input is files or one directory of files; null for anything else.
     */
    static FileStatus firstDataFile(Path input, Configuration conf) throws IOException {
        FileSystem fs = input.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(input);
        if (matches == null || matches.length == 0) {
            return null;
        }
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus m : matches) {
            String matched = m.getPath().getName();
            if (summary(matched) || HadoopFSUtils.shouldFilterOutPathName(matched)) {
                return null;
            }
            if (!m.isDirectory()) {
                files.add(m);
                continue;
            }
            if (matches.length > 1) {
                return null;
            }
            for (FileStatus child : fs.listStatus(m.getPath())) {
                String name = child.getPath().getName();
                if (summary(name) || child.isDirectory()) {
                    return null; // summary files and partition directories: Spark's own choice
                }
                if (!HadoopFSUtils.shouldFilterOutPathName(name)) {
                    files.add(child);
                }
            }
        }
        return files.stream().min(Comparator.comparing(f -> f.getPath().toString())).orElse(null);
    }

    /** Parquet's summary files, which Spark's listing keeps and its inference reads before any data file. */
    private static boolean summary(String name) {
        return name.startsWith("_metadata") || name.startsWith("_common_metadata");
    }

    private static boolean flag(SparkSession spark, String key) {
        return Boolean.parseBoolean(spark.conf().get(key, "false").trim());
    }
}
