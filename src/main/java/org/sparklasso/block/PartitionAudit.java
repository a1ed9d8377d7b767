package org.sparklasso.block;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What the loader saw in one input partition: rows read per file (in order), rows rejected and
 * the first rejected row. Rows are rejected for a malformed line (wrong field count, non-numeric
 * value), a missing value, a NaN or infinite number, or a negative weight.
 */
public final class PartitionAudit implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A rejected row's text is kept up to this many characters. */
    private static final int MAX_TEXT = 200;

    /** A run of consecutive rows from one file (counted in place: one per file, not one per row). */
    private static final class FileRun implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String file;
        private long rows;

        FileRun(String file) {
            this.file = file;
        }
    }

    private final int partition;
    private final List<FileRun> runs = new ArrayList<>();
    private long rowsSeen;
    private long storedValues;
    private double weightSum;
    private final java.util.TreeMap<Integer, Long> foldRows = new java.util.TreeMap<>();
    private long badRows;
    private long firstBadRowInPartition = -1;
    private String firstBadFile;
    private String firstBadProblem;
    private String firstBadText;
    private List<String> labelValues = new ArrayList<>();
    private boolean rowPathNeeded;
    private int featureCount;

    public PartitionAudit(int partition) {
        this.partition = partition;
    }

    /** Records one row read from {@code file} (null when unknown). */
    public void countRow(String file) {
        FileRun last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last == null || !java.util.Objects.equals(last.file, file)) {
            last = new FileRun(file);
            runs.add(last);
        }
        last.rows++;
        rowsSeen++;
    }

    /** Records that the row just counted was rejected ({@code text} is shortened to 200 characters). */
    public void reject(String file, String problem, String text) {
        if (badRows == 0) {
            firstBadRowInPartition = rowsSeen - 1;
            firstBadFile = file;
            firstBadProblem = problem;
            firstBadText = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
        }
        badRows++;
    }

    /** Records a finished block holding {@code values} feature values. */
    public void countStored(long values) {
        storedValues += values;
    }

    /** Adds an accepted row's weight. */
    public void addWeight(double w) {
        weightSum += w;
    }

    /** Sum of the accepted rows' weights. */
    public double weightSum() {
        return weightSum;
    }

    public long storedValues() {
        return storedValues;
    }

    /** Records an accepted row of fold {@code fold} (as stored: a fold column's id, or 0..K-1). */
    public void countFold(int fold) {
        foldRows.merge(fold, 1L, Long::sum);
    }

    /** Accepted rows per fold id. */
    public java.util.SortedMap<Integer, Long> foldRows() {
        return foldRows;
    }

    /**
     * Classification: this partition's distinct label values in the order met, so that a stored
     * label {@code c} (a code local to the partition) is the value {@code labelValues().get(c)}.
     */
    public List<String> labelValues() {
        return labelValues;
    }

    public void setLabelValues(List<String> values) {
        this.labelValues = new ArrayList<>(values);
    }

    /** Records the partition's width: its highest feature index stored plus one (input of unknown width). */
    public void countFeatures(int count) {
        featureCount = Math.max(featureCount, count);
    }

    /** The partition's highest feature index stored plus one (0 unless counted: input of unknown width). */
    public int featureCount() {
        return featureCount;
    }

    /**
     * Whether packing from columnar batches met a row it could not take (a null, NaN or infinite
     * value, a bad weight or fold id), so the input must be packed from rows, which name it.
     */
    public boolean rowPathNeeded() {
        return rowPathNeeded;
    }

    public void requireRowPath() {
        rowPathNeeded = true;
    }

    public int partition() {
        return partition;
    }

    public long rowsSeen() {
        return rowsSeen;
    }

    public long badRows() {
        return badRows;
    }

    public long firstBadRowInPartition() {
        return firstBadRowInPartition;
    }

    public String firstBadFile() {
        return firstBadFile;
    }

    public String firstBadProblem() {
        return firstBadProblem;
    }

    public String firstBadText() {
        return firstBadText;
    }

    /** Rows of {@code file} seen in this partition before row {@code rowInPartition}. */
    public long rowsOfFileBefore(String file, long rowInPartition) {
        long seen = 0;
        long count = 0;
        for (FileRun run : runs) {
            long take = Math.min(run.rows, Math.max(0, rowInPartition - seen));
            if (java.util.Objects.equals(run.file, file)) {
                count += take;
            }
            seen += run.rows;
        }
        return count;
    }

    /**
     * The first rejected row of a whole input, as the user sees it.
     *
     * @param file      the file, without the {@code file:} scheme of local paths
     * @param rowInFile its 0-based row (or line) within that file
     */
    public record FirstRejected(String file, long rowInFile, String problem, String text) {
    }

    /**
     * The first rejected row over all partitions (null when none was rejected). Its row within its
     * file counts its partition's rows of that file before it, plus that file's rows in the
     * partitions before: Spark's file sources list a file's splits in offset order, so partition
     * order is file order.
     */
    public static FirstRejected firstRejected(List<PartitionAudit> audits) {
        List<PartitionAudit> ordered = new ArrayList<>(audits);
        ordered.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
        PartitionAudit first = ordered.stream().filter(a -> a.badRows() > 0).findFirst().orElse(null);
        if (first == null) {
            return null;
        }
        long row = first.rowsOfFileBefore(first.firstBadFile(), first.firstBadRowInPartition());
        for (PartitionAudit a : ordered) {
            if (a.partition() < first.partition()) {
                row += a.rowsOfFileBefore(first.firstBadFile(), a.rowsSeen());
            }
        }
        return new FirstRejected(display(first.firstBadFile()), row, first.firstBadProblem(), first.firstBadText());
    }

    /** A file name as users wrote it: without the {@code file:} scheme of local paths. */
    private static String display(String file) {
        return file == null || file.isEmpty() ? "the input" : file.replaceFirst("^file:(//)?", "");
    }
}
