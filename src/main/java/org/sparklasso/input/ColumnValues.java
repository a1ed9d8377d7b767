package org.sparklasso.input;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.vectorized.ColumnVector;

/** A numeric column vector's values as doubles (and a class label's text), for packing from columnar batches. */
final class ColumnValues {
    private ColumnValues() {
    }

    /** Whether {@link #number} reads columns of this type. */
    static boolean numeric(DataType type) {
        return type == DataTypes.DoubleType || type == DataTypes.FloatType || integral(type);
    }

    /** Whether {@link #text} writes this type's values as Spark's cast to string does. */
    static boolean labelText(DataType type) {
        return type == DataTypes.DoubleType || integral(type);
    }

    private static boolean integral(DataType type) {
        return type == DataTypes.LongType || type == DataTypes.IntegerType || type == DataTypes.ShortType
                || type == DataTypes.ByteType;
    }

    /** Row r's (non-null) value, as Spark's cast to double gives it. */
    static double number(ColumnVector v, int r) {
        DataType t = v.dataType();
        if (t == DataTypes.DoubleType) {
            return v.getDouble(r);
        } else if (t == DataTypes.FloatType) {
            return v.getFloat(r);
        } else if (t == DataTypes.LongType) {
            return v.getLong(r);
        } else if (t == DataTypes.IntegerType) {
            return v.getInt(r);
        } else if (t == DataTypes.ShortType) {
            return v.getShort(r);
        } else if (t == DataTypes.ByteType) {
            return v.getByte(r);
        }
        throw new IllegalArgumentException("not a numeric column: " + t);
    }

    /**
     * Copies rows {@code from..from+rows-1} of a (null-free) numeric column into {@code dst} at
     * {@code offset}, {@code offset+stride}, … (one column of a row-major block); false when one of
     * them is NaN or infinite. The type is settled once per call, so the loop is a plain strided copy.
     */
    static boolean copy(ColumnVector v, int from, int rows, double[] dst, int offset, int stride) {
        // x * 0 is 0 for every finite x and NaN for NaN and ±∞: one sum checks them all
        double check = 0;
        int to = from + rows;
        if (v.dataType() == DataTypes.DoubleType) {
            for (int r = from, d = offset; r < to; r++, d += stride) {
                double x = v.getDouble(r);
                dst[d] = x;
                check += x * 0.0;
            }
        } else {
            for (int r = from, d = offset; r < to; r++, d += stride) {
                double x = number(v, r);
                dst[d] = x;
                check += x * 0.0;
            }
        }
        return check == 0;
    }

    /** Row r's (non-null) label as text: integers as written, doubles as Java (and Spark's cast) print them. */
    static String text(ColumnVector v, int r) {
        return v.dataType() == DataTypes.DoubleType ? Double.toString(v.getDouble(r))
                : Long.toString((long) number(v, r));
    }
}
