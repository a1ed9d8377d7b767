package org.sparklasso.input;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Splits a plain CSV line into its fields, for {@link CsvLines}: fields of printable ASCII between
 * single-byte separators, none empty, none quoted. Any other line — a quote or backslash, a space
 * or control character, a byte outside ASCII, an empty field, another number of fields — is one
 * the split refuses, and the input is then packed from Spark's CSV reader instead, which reads it
 * as Spark does and names what is wrong with it. So on the lines it takes, the fields are the
 * tokens Spark's reader would give (no quoting, escaping or trimming applies to them).
 *
 * <p>One instance per partition's packing (the buffers are reused line after line).
 */
final class CsvLineFields implements BlockBuilder.RowFields, Serializable {
    private static final long serialVersionUID = 1L;

    private final byte sep;
    private final int columns;
    private final NumberText numbers;
    private transient byte[] bytes;
    private transient int[] starts;
    private transient int[] ends;
    private transient char[] scratch;

    /**
     * @param sep     the separator, one ASCII byte
     * @param columns the fields a line must have
     * @param numbers how a numeric field's text is parsed (the row path's, so both give the same doubles)
     */
    CsvLineFields(byte sep, int columns, NumberText numbers) {
        this.sep = sep;
        this.columns = columns;
        this.numbers = numbers;
    }

    /** Whether a line of text is one the split takes (see the class comment); its fields are then at hand. */
    boolean split(UTF8String line) {
        if (starts == null) {
            starts = new int[columns];
            ends = new int[columns];
            scratch = new char[64];
        }
        bytes = line.getBytes();
        int n = bytes.length;
        int field = 0;
        int start = 0;
        for (int i = 0; i < n; i++) {
            byte b = bytes[i];
            if (b == sep) {
                if (i == start || field == columns - 1) {
                    return false;
                }
                starts[field] = start;
                ends[field] = i;
                field++;
                start = i + 1;
            } else if (b <= ' ' || b == '"' || b == '\\') {
                // b <= ' ' also holds for every byte of a multi-byte UTF-8 character (negative as a Java byte)
                return false;
            }
        }
        if (n == start || field != columns - 1) {
            return false;
        }
        starts[field] = start;
        ends[field] = n;
        return true;
    }

    /**
     * Field c's number, parsed as the row path parses its text.
     *
     * @throws NumberFormatException when it is not a number
     */
    @Override
    public double number(int c) {
        return numbers.parse(UTF8String.fromBytes(bytes, starts[c], ends[c] - starts[c]), scratch);
    }

    /** Field c's text. */
    @Override
    public String text(int c) {
        return new String(bytes, starts[c], ends[c] - starts[c], StandardCharsets.US_ASCII);
    }
}
