package org.sparklasso.output;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a table the driver holds as a Spark-style Parquet directory — one
 * {@code part-00000-UUID-c000.snappy.parquet} and {@code _SUCCESS} — with parquet-hadoop through
 * Hadoop's {@link FileSystem}, so {@code hdfs:}, {@code s3a:} and local paths all work, but without
 * a Spark job: a job per small table (plan, codegen, task, commit protocol) cost 0.15–1.2 s each
 * on a cold driver, most of a one-shot job's write phase (bench/results/HISTORY.md).
 *
 * <p>The file is what Spark's own writer makes of the same rows: Spark's schema conversion for these
 * types (a nullable column OPTIONAL, strings as UTF-8 BINARY, arrays as the standard three-level
 * LIST), Snappy, and the footer key Spark reads the exact schema back from
 * ({@code org.apache.spark.sql.parquet.row.metadata}). Types: string, int, long, double, boolean
 * and arrays of them. Rows are streamed, so a table need not fit in memory as rows.
 */
public final class DriverParquetWriter {
    /** The footer key Spark's ParquetWriteSupport stores the Catalyst schema under (and reads it back from). */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    private static final String SPARK_VERSION_KEY = "org.apache.spark.version";

    private DriverParquetWriter() {
    }

    /** Writes {@code rows} (in {@code schema}'s column order) as the Parquet directory {@code dir}. */
    public static void write(Configuration conf, String dir, StructType schema, List<Row> rows) throws IOException {
        write(conf, dir, schema, rows.iterator());
    }

    /** As {@link #write(Configuration, String, StructType, List)}, from an iterator. */
    public static void write(Configuration conf, String dir, StructType schema, Iterator<Row> rows)
            throws IOException {
        Path directory = new Path(dir);
        FileSystem fs = directory.getFileSystem(conf);
        if (fs.exists(directory)) {
            throw new IOException(dir + " already exists");
        }
        fs.mkdirs(directory);
        MessageType parquetSchema = parquetSchema(schema);
        Path file = new Path(directory, "part-00000-" + UUID.randomUUID() + "-c000.snappy.parquet");
        SimpleGroupFactory groups = new SimpleGroupFactory(parquetSchema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, conf))
                .withConf(conf)
                .withType(parquetSchema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withExtraMetaData(Map.of(SPARK_SCHEMA_KEY, schema.json(),
                        SPARK_VERSION_KEY, org.apache.spark.package$.MODULE$.SPARK_VERSION()))
                .build()) {
            while (rows.hasNext()) {
                writer.write(toGroup(groups.newGroup(), schema, rows.next()));
            }
        }
        fs.create(new Path(directory, "_SUCCESS"), false).close();
    }

    /** Spark's Parquet schema for {@code schema} (SparkToParquetSchemaConverter, non-legacy), for our types. */
    static MessageType parquetSchema(StructType schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (StructField f : schema.fields()) {
            message.addField(field(f.name(), f.dataType(), f.nullable()));
        }
        return message.named("spark_schema");
    }

    private static Type field(String name, DataType type, boolean nullable) {
        Type.Repetition repetition = nullable ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        if (type instanceof ArrayType array) {
            return Types.list(repetition)
                    .element(field("element", array.elementType(), array.containsNull()))
                    .named(name);
        }
        return Types.primitive(primitive(type, name), repetition)
                .as(type.equals(DataTypes.StringType) ? LogicalTypeAnnotation.stringType() : null)
                .named(name);
    }

    private static PrimitiveTypeName primitive(DataType type, String name) {
        if (type.equals(DataTypes.StringType)) {
            return PrimitiveTypeName.BINARY;
        } else if (type.equals(DataTypes.IntegerType)) {
            return PrimitiveTypeName.INT32;
        } else if (type.equals(DataTypes.LongType)) {
            return PrimitiveTypeName.INT64;
        } else if (type.equals(DataTypes.DoubleType)) {
            return PrimitiveTypeName.DOUBLE;
        } else if (type.equals(DataTypes.BooleanType)) {
            return PrimitiveTypeName.BOOLEAN;
        }
        throw new IllegalArgumentException("column " + name + ": type " + type.simpleString()
                + " is not written by DriverParquetWriter");
    }

    private static Group toGroup(Group group, StructType schema, Row row) {
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            if (row.isNullAt(i)) {
                if (!fields[i].nullable()) {
                    throw new IllegalArgumentException("column " + fields[i].name() + " is not nullable: " + row);
                }
                continue;
            }
            if (fields[i].dataType() instanceof ArrayType) {
                Group list = group.addGroup(i);
                for (Object element : elements(row.get(i), fields[i].name())) {
                    Group holder = list.addGroup(0);
                    if (element != null) {
                        append(holder, 0, element);
                    }
                }
            } else {
                append(group, i, row.get(i));
            }
        }
        return group;
    }

    /** An array column's value as Spark's createDataFrame takes it: a Java array, a List or a Scala Seq. */
    private static Iterable<?> elements(Object value, String column) {
        if (value instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        } else if (value instanceof Iterable<?> list) {
            return list;
        } else if (value instanceof scala.collection.Iterable<?> seq) {
            return scala.jdk.javaapi.CollectionConverters.asJava(seq);
        }
        throw new IllegalArgumentException("column " + column + ": " + value.getClass().getSimpleName()
                + " is not an array");
    }

    private static void append(Group group, int field, Object value) {
        if (value instanceof String s) {
            group.add(field, Binary.fromString(s));
        } else if (value instanceof Integer v) {
            group.add(field, v);
        } else if (value instanceof Long v) {
            group.add(field, v);
        } else if (value instanceof Double v) {
            group.add(field, v);
        } else if (value instanceof Boolean v) {
            group.add(field, v);
        } else {
            throw new IllegalArgumentException("value " + value + " of " + value.getClass().getSimpleName()
                    + " is not written by DriverParquetWriter");
        }
    }
}
