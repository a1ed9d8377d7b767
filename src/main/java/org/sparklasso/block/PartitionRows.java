package org.sparklasso.block;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * The rows of partition {@code part} of {@code parts} of a generated data set of {@code rows} rows
 * (rows·part/parts up to rows·(part+1)/parts), drawn one at a time as Spark's writer asks for them,
 * so no partition is ever held in memory. Subclasses draw a row ({@link #draw}).
 */
public abstract class PartitionRows implements Iterator<Row> {
    private long next;
    private final long to;

    protected PartitionRows(long rows, int part, int parts) {
        this.next = rows * part / parts;
        this.to = rows * (part + 1) / parts;
    }

    /** The next row of the partition, from the subclass's generator state. */
    protected abstract Row draw();

    @Override
    public final boolean hasNext() {
        return next < to;
    }

    @Override
    public final Row next() {
        if (next >= to) {
            throw new NoSuchElementException();
        }
        next++;
        return draw();
    }
}
