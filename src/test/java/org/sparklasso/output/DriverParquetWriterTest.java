package org.sparklasso.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.SparkTestSession;

/**
 * {@link DriverParquetWriter} against Spark's own Parquet writer as the oracle: the same rows (every
 * type it writes, nulls, empty and null arrays, arrays with null elements) written both ways give
 * the same Parquet schema in the footer, the same Spark schema key, and read back by Spark as the
 * same schema and the same rows; the directory has one part file and {@code _SUCCESS}.
 */
class DriverParquetWriterTest {
    private static final StructType SCHEMA = new StructType()
            .add("name", DataTypes.StringType, false)
            .add("maybeName", DataTypes.StringType, true)
            .add("index", DataTypes.IntegerType, false)
            .add("count", DataTypes.LongType, true)
            .add("value", DataTypes.DoubleType, false)
            .add("flag", DataTypes.BooleanType, true)
            .add("values", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("names", DataTypes.createArrayType(DataTypes.StringType, true), true)
            .add("counts", DataTypes.createArrayType(DataTypes.IntegerType, false), true);

    private static final List<Row> ROWS = List.of(
            RowFactory.create("(Intercept)", null, -1, 7L, 1.5, true, new Double[] {1.0, -2.5, Double.NaN},
                    new String[] {"a", null, "ü"}, new Integer[] {1, 2}),
            RowFactory.create("x1", "m", 0, null, -0.0, null, new Double[0], null, null),
            RowFactory.create("x2", "", Integer.MAX_VALUE, Long.MIN_VALUE, Double.POSITIVE_INFINITY, false,
                    new Double[] {Double.MIN_VALUE}, new String[0], new Integer[0]));

    @TempDir
    Path tmp;

    @Test
    void writesWhatSparksWriterWrites() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String ours = tmp.resolve("ours").toString();
        String sparks = tmp.resolve("sparks").toString();
        DriverParquetWriter.write(conf, ours, SCHEMA, ROWS);
        spark.createDataFrame(ROWS, SCHEMA).coalesce(1).write().parquet(sparks);

        FileMetaData ourFooter = footer(conf, Path.of(ours));
        FileMetaData sparkFooter = footer(conf, Path.of(sparks));
        assertEquals(sparkFooter.getSchema(), ourFooter.getSchema());
        assertEquals(sparkFooter.getKeyValueMetaData().get(DriverParquetWriter.SPARK_SCHEMA_KEY),
                ourFooter.getKeyValueMetaData().get(DriverParquetWriter.SPARK_SCHEMA_KEY));

        Dataset<Row> expected = spark.read().parquet(sparks);
        Dataset<Row> actual = spark.read().parquet(ours);
        assertEquals(expected.schema(), actual.schema());
        assertEquals(expected.collectAsList().toString(), actual.collectAsList().toString());
        assertEquals(3, actual.count());
        assertTrue(Files.exists(Path.of(ours, "_SUCCESS")));
    }

    @Test
    void refusesAnExistingDirectoryAndANullInARequiredColumn() throws IOException {
        Configuration conf = new Configuration();
        Path existing = Files.createDirectories(tmp.resolve("existing"));
        IOException e = assertThrows(IOException.class,
                () -> DriverParquetWriter.write(conf, existing.toString(), SCHEMA, ROWS));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        Row bad = RowFactory.create(null, null, 0, null, 1.0, null, new Double[0], null, null);
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> DriverParquetWriter.write(conf, tmp.resolve("bad").toString(), SCHEMA, List.of(bad)));
        assertTrue(n.getMessage().contains("column name is not nullable"), n.getMessage());
    }

    private static FileMetaData footer(Configuration conf, Path dir) throws IOException {
        List<Path> parts;
        try (Stream<Path> files = Files.list(dir)) {
            parts = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
        }
        assertEquals(1, parts.size(), parts.toString());
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(parts.get(0).toUri()), conf))) {
            FileMetaData meta = reader.getFooter().getFileMetaData();
            Map<String, String> kv = meta.getKeyValueMetaData();
            assertTrue(kv.containsKey(DriverParquetWriter.SPARK_SCHEMA_KEY), kv.toString());
            return meta;
        }
    }
}
