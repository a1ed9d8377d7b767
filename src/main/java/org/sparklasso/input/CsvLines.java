package org.sparklasso.input;

import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.csv.CSVExprUtils;
import org.sparklasso.block.Block;

/**
 * Packs a plain CSV's blocks from its text lines (Spark's text source, the same files, splits and
 * line breaks as its CSV source) split by {@link CsvLineFields}, instead of through Spark's CSV
 * tokenizer and rows: the tokenizer handles quoting and escaping char by char, and its fields become
 * strings and then internal rows before a number is parsed. Only without {@code csv.*} options (a
 * plain CSV, any single-byte separator); a line it cannot take sends the input to the row path.
 *
 * <p>Measured cold on G1's CSV (10⁶ × 101 numbers, 1.33 GB, local[2], a throwaway job summing every
 * number): 20.4–21.6 s through the CSV source's rows, 8.8–10.6 s from the text lines.
 *
 * @param spark   the session that reads the lines
 * @param input   the CSV's path (files, a directory or a glob), read by Spark's text source
 * @param header  whether each file's first line is a header (skipped, as Spark's CSV reader does)
 * @param sep     the separator
 * @param columns the fields of a line (the CSV schema's columns)
 */
record CsvLines(SparkSession spark, String input, boolean header, byte sep, int columns) implements DirectPacking {

    /**
     * The lines of a CSV read with {@code options} (Spark's option names, case-insensitive map), or
     * null when it takes options beyond a single-byte separator.
     */
    static CsvLines of(SparkSession spark, String input, Map<String, String> options, boolean header, int columns) {
        if (options.keySet().stream().anyMatch(k -> !k.equalsIgnoreCase("sep"))) {
            return null;
        }
        // as Spark's CSV reader reads the option: "\t" (backslash, t) is a tab, "\u0001" a code point
        String sep = CSVExprUtils.toDelimiterStr(options.getOrDefault("sep", ","));
        if (sep.length() != 1) {
            return null;
        }
        char c = sep.charAt(0);
        if (c == 0 || c > 127 || c == '"' || c == '\\' || c == '\n' || c == '\r' || c == ' ') {
            return null;
        }
        return new CsvLines(spark, input, header, (byte) c, columns);
    }

    @Override
    public JavaRDD<Block> pack(RowLayout rows, int blockRows) {
        if (rows.numberText() == null || rows.isVector()) {
            return null;
        }
        CsvLineFields fields = new CsvLineFields(sep, columns, rows.numberText());
        boolean skipHeader = header;
        // the text source lists the files only here, when the lines are packed (not for a repartitioned input)
        return spark.read().text(input).queryExecution().toRdd().toJavaRDD()
                .mapPartitionsWithIndex((idx, it) -> BlockBuilder.packLines(rows, blockRows, idx, it, fields,
                        skipHeader), true);
    }

    @Override
    public String description() {
        return "from text lines";
    }
}
