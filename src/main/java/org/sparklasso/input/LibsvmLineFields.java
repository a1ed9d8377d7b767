package org.sparklasso.input;

import java.io.Serializable;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Reads a LIBSVM line ({@code label index:value index:value …}) straight from its bytes, for
 * {@link LibsvmLinePacking}: the label, and the entries with 0-based indices. It takes the lines
 * Spark's parser ({@code MLUtils.parseLibSVMRecord}) reads the common way — printable ASCII, items
 * separated by spaces, 1-based indices of digits in strictly ascending order, finite numbers — and
 * gives what that parser gives for them: the line trimmed as Java trims, blank lines and lines
 * starting with {@code #} skipped, numbers in Java's syntax ({@link NumberText#parseJavaSyntax}).
 * Any other line (a tab, a byte outside ASCII, a sign or a second colon in an item, an index out of
 * order, a value that is not a finite number) is refused, and the input is then read by Spark's
 * reader, which reads it as Spark does or names what is wrong with it.
 *
 * <p>One instance per partition's packing (the buffers are reused line after line).
 */
final class LibsvmLineFields implements BlockBuilder.RowFields, Serializable {
    private static final long serialVersionUID = 1L;

    /** What {@link #read} made of a line. */
    enum Line { ROW, SKIPPED, REFUSED }

    /** An index of more digits could overflow an int (Spark's {@code toInt} would fail on it anyway). */
    private static final int MAX_INDEX_DIGITS = 9;

    private double label;
    /** The number {@link #number(byte[], int, int)} read last. */
    private double parsed;
    private int entries;
    private transient int[] indices;
    private transient double[] values;
    private transient char[] scratch;

    /** Reads one line; on {@link Line#ROW} its label and entries are at hand until the next read. */
    Line read(UTF8String text) {
        if (indices == null) {
            indices = new int[16];
            values = new double[16];
            scratch = new char[32];
        }
        byte[] bytes = text.getBytes();
        int from = 0;
        int to = bytes.length;
        // String.trim: every char up to ' ' (a byte outside ASCII is negative, so it stays and is refused below)
        while (from < to && bytes[from] >= 0 && bytes[from] <= ' ') {
            from++;
        }
        while (to > from && bytes[to - 1] >= 0 && bytes[to - 1] <= ' ') {
            to--;
        }
        if (from == to || bytes[from] == '#') {
            return Line.SKIPPED;
        }
        int end = itemEnd(bytes, from, to);
        if (end < 0 || !number(bytes, from, end)) {
            return Line.REFUSED;
        }
        label = parsed;
        entries = 0;
        int previous = -1;
        for (int i = end; i < to; ) {
            if (bytes[i] == ' ') {
                i++;
                continue;
            }
            end = itemEnd(bytes, i, to);
            if (end < 0) {
                return Line.REFUSED;
            }
            int colon = i;
            int index = 0;
            while (colon < end && bytes[colon] >= '0' && bytes[colon] <= '9') {
                index = index * 10 + (bytes[colon] - '0');
                colon++;
            }
            if (colon == i || colon - i > MAX_INDEX_DIGITS || colon == end || bytes[colon] != ':'
                    || index - 1 <= previous || !number(bytes, colon + 1, end)) {
                return Line.REFUSED;
            }
            previous = index - 1;
            add(previous, parsed);
            i = end;
        }
        return Line.ROW;
    }

    /** The end of the item starting at {@code from} (the next space or {@code to}); -1 at a byte it refuses. */
    private static int itemEnd(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == ' ') {
                return i;
            }
            if (b < ' ' || b == 127) {
                return -1; // a tab or other control character, or a byte of a multi-byte character
            }
        }
        return to;
    }

    /** Whether {@code bytes[from, to)} is a finite number (in {@link #parsed}), without a second colon. */
    private boolean number(byte[] bytes, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return false;
        }
        if (n > scratch.length) {
            scratch = new char[Math.max(n, 2 * scratch.length)];
        }
        for (int i = from; i < to; i++) {
            if (bytes[i] == ':') {
                return false;
            }
        }
        try {
            parsed = NumberText.parseJavaSyntax(bytes, from, to, scratch);
        } catch (NumberFormatException e) {
            return false;
        }
        return Double.isFinite(parsed);
    }

    private void add(int index, double value) {
        if (entries == indices.length) {
            indices = java.util.Arrays.copyOf(indices, 2 * entries);
            values = java.util.Arrays.copyOf(values, 2 * entries);
        }
        indices[entries] = index;
        values[entries] = value;
        entries++;
    }

    /** The line's entries (stored ones, zeros included, as written). */
    int entries() {
        return entries;
    }

    /** Entry e's 0-based feature index. */
    int index(int e) {
        return indices[e];
    }

    /** Entry e's value. */
    double value(int e) {
        return values[e];
    }

    /** The label (column 0: the only numbered field a LIBSVM line has). */
    @Override
    public double number(int c) {
        return label;
    }

    /** The label as a class name: as Spark casts the reader's double label to text ({@code String.valueOf}). */
    @Override
    public String text(int c) {
        return String.valueOf(label);
    }
}
