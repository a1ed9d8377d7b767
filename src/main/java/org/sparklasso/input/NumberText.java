package org.sparklasso.input;

import com.fasterxml.jackson.core.io.NumberInput;
import java.io.Serializable;
import java.util.Map;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Turns the text of a numeric CSV field into a double the way Spark's CSV reader does for a
 * {@code DoubleType} column — its {@code nanValue}, {@code positiveInf} and {@code negativeInf}
 * spellings, else Java's {@link Double#parseDouble} syntax — but faster: the CSV loader reads
 * numeric columns as text and parses them here, while packing.
 *
 * <p>Why: Spark converts with {@code Double.parseDouble}, whose exact path for the 16–17
 * significant digits that written doubles carry goes through {@code FDBigInteger} arithmetic:
 * 40 % of a CSV load's CPU samples (JFR, B2's 190 MB CSV). FastDoubleParser (Eisel–Lemire, with
 * Clinger's fallback; shipped inside Jackson, reached through its public
 * {@link NumberInput#parseDouble(String, boolean)}) gives the same correctly rounded double several
 * times faster. See D. Lemire, "Number parsing at a gigabyte per second", Software: Practice and
 * Experience 51(8), 2021. Text it refuses goes to {@code Double.parseDouble} as well, so the syntax
 * accepted is exactly Java's ({@code CsvNumberTextTest} checks both against Spark's own reader).
 */
final class NumberText implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String nanValue;
    private final String positiveInf;
    private final String negativeInf;
    /** The three spellings as Spark's internal strings, made on first use on the executor. */
    private transient UTF8String[] spellings;

    private NumberText(String nanValue, String positiveInf, String negativeInf) {
        this.nanValue = nanValue;
        this.positiveInf = positiveInf;
        this.negativeInf = negativeInf;
    }

    /** The parsing of a CSV read with {@code options} (Spark's option names, case-insensitive map). */
    static NumberText of(Map<String, String> options) {
        return new NumberText(options.getOrDefault("nanValue", "NaN"), options.getOrDefault("positiveInf", "Inf"),
                options.getOrDefault("negativeInf", "-Inf"));
    }

    /**
     * The number an internal row's text stands for, without decoding it into a String first:
     * ASCII text is copied into {@code scratch} and parsed there (the UTF-8 decoding and the
     * String were a third of the parsing time on 10⁶ × 100 numbers); anything else goes through
     * {@link #parse(String)}.
     *
     * @param scratch a buffer the caller keeps (one per thread)
     * @throws NumberFormatException when it is not a number
     */
    double parse(UTF8String text, char[] scratch) {
        if (spellings == null) {
            spellings = new UTF8String[] {UTF8String.fromString(nanValue), UTF8String.fromString(negativeInf),
                UTF8String.fromString(positiveInf)};
        }
        int n = text.numBytes();
        if (n > scratch.length || text.equals(spellings[0]) || text.equals(spellings[1])
                || text.equals(spellings[2])) {
            return parse(text.toString());
        }
        for (int i = 0; i < n; i++) {
            byte b = text.getByte(i);
            if (b < 0) {
                return parse(text.toString());
            }
            scratch[i] = (char) b;
        }
        return parseJavaSyntax(scratch, n);
    }

    /**
     * The number that ASCII text {@code bytes[from, to)} stands for in Java's {@link Double#parseDouble}
     * syntax (no CSV spellings), parsed as {@link #parse(UTF8String, char[])} parses: for the LIBSVM
     * lines, whose values Spark's reader parses with {@code toDouble}.
     *
     * @param scratch a buffer the caller keeps, at least {@code to - from} long
     * @throws NumberFormatException when it is not a number
     */
    static double parseJavaSyntax(byte[] bytes, int from, int to, char[] scratch) {
        int n = to - from;
        for (int i = 0; i < n; i++) {
            scratch[i] = (char) bytes[from + i];
        }
        return parseJavaSyntax(scratch, n);
    }

    private static double parseJavaSyntax(char[] text, int n) {
        try {
            return NumberInput.parseDouble(text, 0, n, true);
        } catch (NumberFormatException e) {
            return Double.parseDouble(new String(text, 0, n));
        }
    }

    /**
     * The number a field's text stands for.
     *
     * @throws NumberFormatException when it is not a number
     */
    double parse(String text) {
        if (text.equals(nanValue)) {
            return Double.NaN;
        }
        if (text.equals(negativeInf)) {
            return Double.NEGATIVE_INFINITY;
        }
        if (text.equals(positiveInf)) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return NumberInput.parseDouble(text, true);
        } catch (NumberFormatException e) {
            return Double.parseDouble(text);
        }
    }
}
