package org.sparklasso.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
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
 * The footer's schema against Spark's own inference on the same input (its one-task job): the
 * same schema and rows for files Spark wrote (with its schema in the footer) and files it did not
 * (converted, under the session's settings), the same file chosen where the files' schemas differ,
 * no Spark job where Spark's inference runs one, Spark's inference itself for inputs it reads
 * otherwise, and the same message for a file that is not Parquet.
 */
class ParquetFooterSchemaTest {
    @TempDir
    Path dir;

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void sparkWrittenFilesGiveSparksSchemaAndRowsWithoutAJob() throws Exception {
        StructType schema = new StructType().add("y", DataTypes.DoubleType).add("n", DataTypes.IntegerType)
                .add("big", DataTypes.LongType).add("name", DataTypes.StringType)
                .add("t", DataTypes.TimestampType).add("d", DataTypes.createDecimalType(12, 3))
                .add("v", DataTypes.createArrayType(DataTypes.DoubleType))
                .add("s", new StructType().add("a", DataTypes.FloatType).add("b", DataTypes.ShortType));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(RowFactory.create(i * 0.5, i, (long) i << 40, "r" + i, new Timestamp(1_700_000_000_000L + i),
                    new BigDecimal(i + ".125"), new double[] {i, -i}, RowFactory.create(i * 0.25f, (short) i)));
        }
        String path = dir.resolve("spark.parquet").toString();
        spark.createDataFrame(rows, schema).repartition(3).write().parquet(path);

        int[] jobs = {0};
        Dataset<Row> ours = jobsRunBy(() -> {
            try {
                Dataset<Row> d = ParquetFooterSchema.read(spark, path);
                d.schema();
                return d;
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, jobs);
        assertEquals(0, jobs[0], "reading the schema ran a Spark job");
        Dataset<Row> sparks = jobsRunBy(() -> spark.read().parquet(path), jobs);
        assertTrue(jobs[0] >= 1, "Spark's own inference runs a job (else this test shows nothing)");
        assertEquals(sparks.schema(), ours.schema());
        assertEquals(sparks.orderBy("n").collectAsList().toString(), ours.orderBy("n").collectAsList().toString());
    }

    @Test
    void otherWritersFilesAreConvertedUnderTheSessionsSettings() throws IOException {
        MessageType type = MessageTypeParser.parseMessageType("message m { required double y; optional binary raw; "
                + "optional binary text (UTF8); optional int32 day (DATE); optional int64 count; }");
        Path file = dir.resolve("plain").resolve("data.parquet");
        Files.createDirectories(file.getParent());
        Configuration conf = new Configuration();
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toString()))
                .withType(type).withConf(conf).build()) {
            SimpleGroupFactory groups = new SimpleGroupFactory(type);
            for (int i = 0; i < 5; i++) {
                w.write(groups.newGroup().append("y", i * 1.5).append("raw", "b" + i).append("text", "t" + i)
                        .append("day", 19_000 + i).append("count", (long) i));
            }
        }
        String path = file.getParent().toString();
        for (String binaryAsString : List.of("false", "true")) {
            SparkTestSession.withConf("spark.sql.parquet.binaryAsString", binaryAsString, () -> {
                try {
                    assertEquals(spark.read().parquet(path).schema(), ParquetFooterSchema.of(spark, path),
                            "binaryAsString=" + binaryAsString);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
        }
    }

    @Test
    void theFirstFileInPathOrderGivesTheSchemaAsInSparksInference() throws IOException {
        for (boolean swap : new boolean[] {false, true}) {
            Path input = Files.createDirectories(dir.resolve("two-" + swap));
            writeOne(input.resolve(swap ? "part-1.parquet" : "part-0.parquet"),
                    new StructType().add("y", DataTypes.DoubleType).add("a", DataTypes.DoubleType));
            writeOne(input.resolve(swap ? "part-0.parquet" : "part-1.parquet"),
                    new StructType().add("y", DataTypes.DoubleType).add("b", DataTypes.IntegerType));
            StructType ours = ParquetFooterSchema.of(spark, input.toString());
            assertNotNull(ours);
            assertEquals(spark.read().parquet(input.toString()).schema(), ours, "swap=" + swap);
            assertEquals(swap ? "b" : "a", ours.fieldNames()[1]);
        }
    }

    @Test
    void inputsSparkReadsOtherwiseAreLeftToItsInference() throws IOException {
        StructType schema = new StructType().add("y", DataTypes.DoubleType).add("k", DataTypes.IntegerType);
        List<Row> rows = List.of(RowFactory.create(1.0, 1), RowFactory.create(2.0, 2));
        String partitioned = dir.resolve("partitioned").toString();
        spark.createDataFrame(rows, schema).write().partitionBy("k").parquet(partitioned);
        assertNull(ParquetFooterSchema.of(spark, partitioned));
        assertEquals(spark.read().parquet(partitioned).schema(), ParquetFooterSchema.read(spark, partitioned).schema());

        String summarized = dir.resolve("summarized").toString();
        spark.createDataFrame(rows, schema).write().parquet(summarized);
        Files.copy(Path.of(summarized).resolve(partFile(summarized)), Path.of(summarized, "_common_metadata"));
        assertNull(ParquetFooterSchema.of(spark, summarized));

        SparkTestSession.withConf("spark.sql.parquet.mergeSchema", "true", () -> {
            try {
                assertNull(ParquetFooterSchema.of(spark, summarized + "/" + partFile(summarized)));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertNotNull(ParquetFooterSchema.of(spark, summarized + "/" + partFile(summarized)));
        assertNotNull(ParquetFooterSchema.of(spark, summarized + "/part-*"));
    }

    @Test
    void aFileThatIsNotParquetGetsSparksMessage() throws IOException {
        Path input = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(input.resolve("a.parquet"), "y,x\n1,2\n");
        String path = input.toString();
        Exception ours = assertThrows(Exception.class, () -> ParquetFooterSchema.read(spark, path));
        Exception sparks = assertThrows(Exception.class, () -> spark.read().parquet(path));
        assertEquals(DataLoader.rootMessage(sparks), DataLoader.rootMessage(ours));
        assertTrue(DataLoader.rootMessage(ours).contains("a.parquet"), DataLoader.rootMessage(ours));
    }

    private void writeOne(Path file, StructType schema) throws IOException {
        String tmp = dir.resolve("tmp-" + file.getParent().getFileName() + "-" + file.getFileName()).toString();
        Object second = schema.fields()[1].dataType() == DataTypes.IntegerType ? (Object) 7 : (Object) 7.0;
        spark.createDataFrame(List.of(RowFactory.create(1.0, second)), schema).coalesce(1).write().parquet(tmp);
        Files.move(Path.of(tmp, partFile(tmp)), file);
    }

    private static String partFile(String dir) throws IOException {
        try (var files = Files.list(Path.of(dir))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")).findFirst()
                    .orElseThrow();
        }
    }

    /** The value of {@code body}, with the number of Spark jobs it started in {@code jobs[0]}. */
    private <T> T jobsRunBy(java.util.function.Supplier<T> body, int[] jobs) throws java.util.concurrent.TimeoutException {
        AtomicInteger started = new AtomicInteger();
        SparkListener counter = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                started.incrementAndGet();
            }
        };
        spark.sparkContext().addSparkListener(counter);
        try {
            T value = body.get();
            spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
            jobs[0] = started.get();
            return value;
        } finally {
            spark.sparkContext().removeSparkListener(counter);
        }
    }
}
