package org.sparklasso.input;

import org.sparklasso.block.PartitionAudit;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Finds the malformed lines of a LIBSVM input after Spark's reader has failed on it. Spark's parser
 * ({@code MLUtils.parseLibSVMRecord}) fails the whole job with a bare {@code NumberFormatException}
 * or a {@code require} message and no line number; this second look runs only on that error path.
 * It reads the files as text (one row per physical line, so the numbers are the lines an editor
 * shows), applies the same rules as Spark's parser, and reports the count and the first bad line.
 */
public final class LibsvmLines {
    private LibsvmLines() {
    }

    /**
     * The problem with one line, or null when Spark's LIBSVM parser accepts it. The rules are
     * Spark's: the line is trimmed; empty lines and lines starting with {@code #} are skipped;
     * fields are separated by single spaces; a numeric label, then {@code index:value} pairs with
     * 1-based indices in strictly ascending order.
     */
    public static String problem(String rawLine) {
        String line = rawLine.trim();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        String[] items = line.split(" ");
        try {
            Double.parseDouble(items[0]);
        } catch (NumberFormatException e) {
            return "the label '" + items[0] + "' is not a number" + (items[0].contains("\t") || items[0].contains(":")
                    ? " (fields are separated by single spaces: label index:value …)" : "");
        }
        int previous = 0;
        for (int i = 1; i < items.length; i++) {
            String item = items[i];
            if (item.isEmpty()) {
                continue;
            }
            String[] entry = item.split(":");
            if (entry.length < 2) {
                return "'" + item + "' is not index:value";
            }
            int index;
            try {
                index = Integer.parseInt(entry[0]);
            } catch (NumberFormatException e) {
                return "the index '" + entry[0] + "' in '" + item + "' is not an integer";
            }
            try {
                Double.parseDouble(entry[1]);
            } catch (NumberFormatException e) {
                return "the value '" + entry[1] + "' of index " + index + " is not a number";
            }
            if (index < 1) {
                return "index " + index + " in '" + item + "' (indices are 1-based)";
            }
            if (index == previous) {
                return "index " + index + " appears twice";
            }
            if (index < previous) {
                return "index " + index + " after " + previous + " (indices must be in ascending order)";
            }
            previous = index;
        }
        return null;
    }

    /**
     * Scans {@code input}'s lines in one Spark job; returns "N bad lines of M in INPUT; first at line
     * L of FILE: PROBLEM: 'TEXT'", or null when every line parses (the failure lay elsewhere). The
     * scan reads with the reader's own partitioning, so line numbers are exact even when the fit
     * repartitions the input.
     */
    public static String locateBadLines(SparkSession spark, String input) {
        Dataset<Row> lines = spark.read().text(input).select(functions.col("value"),
                functions.input_file_name());
        List<PartitionAudit> audits = lines.javaRDD().mapPartitionsWithIndex(LibsvmLines::audit, true).collect();
        long bad = audits.stream().mapToLong(PartitionAudit::badRows).sum();
        if (bad == 0) {
            return null;
        }
        long seen = audits.stream().mapToLong(PartitionAudit::rowsSeen).sum();
        PartitionAudit.FirstRejected first = PartitionAudit.firstRejected(audits);
        return bad + " bad line" + (bad == 1 ? "" : "s") + " of " + seen + " in " + input + "; first at line "
                + (first.rowInFile() + 1) + " of " + first.file() + ": " + first.problem() + ": '" + first.text() + "'";
    }

    private static Iterator<PartitionAudit> audit(int partition, Iterator<Row> rows) {
        PartitionAudit audit = new PartitionAudit(partition);
        while (rows.hasNext()) {
            Row row = rows.next();
            String file = row.getString(1);
            audit.countRow(file);
            String text = row.isNullAt(0) ? "" : row.getString(0);
            String problem = problem(text);
            if (problem != null) {
                audit.reject(file, problem, text);
            }
        }
        return List.of(audit).iterator();
    }
}
