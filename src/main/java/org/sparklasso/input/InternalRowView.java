package org.sparklasso.input;

import java.util.Iterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Function1;

/**
 * A {@link Row} over Spark's internal rows, for packing blocks straight from the query's output
 * ({@code Dataset.queryExecution().toRdd()}) instead of {@code Dataset.javaRDD()}: the latter
 * deserializes every row into a new external Row with every value boxed (10⁸ Doubles for 10⁶ × 100),
 * which was most of the load time for Parquet. {@link #getDouble}, {@link #isNullAt} and
 * {@link #getString} read the internal row directly; {@link #get} converts one value with Spark's
 * own converter (Catalyst to Scala, e.g. a Spark ML vector from its struct form).
 *
 * <p>One view is reused for every row of a partition, as Spark reuses its internal rows: the
 * values are valid until the next row ({@link #copy} for a row that must outlive that).
 */
final class InternalRowView implements Row {
    private static final long serialVersionUID = 1L;

    private final StructType schema;
    private final transient Function1<Object, Object>[] toScala;
    private final transient boolean[] isDouble;
    private final transient UTF8String[] lastUtf8;
    private final transient String[] lastString;
    private transient InternalRow row;

    @SuppressWarnings("unchecked")
    private InternalRowView(StructType schema) {
        this.schema = schema;
        this.toScala = new Function1[schema.length()];
        this.isDouble = new boolean[schema.length()];
        this.lastUtf8 = new UTF8String[schema.length()];
        this.lastString = new String[schema.length()];
        for (int i = 0; i < schema.length(); i++) {
            DataType type = schema.fields()[i].dataType();
            toScala[i] = CatalystTypeConverters.createToScalaConverter(type);
            isDouble[i] = type.equals(DataTypes.DoubleType);
        }
    }

    /** The rows of {@code internal} seen through one reused view with {@code schema}. */
    static Iterator<Row> over(Iterator<InternalRow> internal, StructType schema) {
        InternalRowView view = new InternalRowView(schema);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return internal.hasNext();
            }

            @Override
            public Row next() {
                view.row = internal.next();
                return view;
            }
        };
    }

    @Override
    public int length() {
        return schema.length();
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Object get(int i) {
        return row.isNullAt(i) ? null : toScala[i].apply(row.get(i, schema.fields()[i].dataType()));
    }

    @Override
    public boolean isNullAt(int i) {
        return row.isNullAt(i);
    }

    @Override
    public double getDouble(int i) {
        if (row.isNullAt(i)) {
            throw new NullPointerException("Value at index " + i + " is null");
        }
        // an internal row's getDouble reads a double's bytes whatever the column holds: other types convert
        return isDouble[i] ? row.getDouble(i) : ((Number) get(i)).doubleValue();
    }

    /**
     * The string at {@code i}; a value equal to the column's previous one gives the previous String
     * (the file-name column repeats one value for a whole file: decoding it per row was 5 % of a
     * Parquet load's samples).
     */
    @Override
    public String getString(int i) {
        if (row.isNullAt(i)) {
            return null;
        }
        UTF8String value = row.getUTF8String(i);
        if (!value.equals(lastUtf8[i])) {
            lastUtf8[i] = value.clone();   // the row's buffer is reused: keep a copy
            lastString[i] = value.toString();
        }
        return lastString[i];
    }

    /** The (non-null) string at {@code i} as Spark holds it (valid until the next row). */
    UTF8String utf8(int i) {
        return row.getUTF8String(i);
    }

    @Override
    public Row copy() {
        Object[] values = new Object[length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = get(i);
        }
        return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values, schema);
    }
}
