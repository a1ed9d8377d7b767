package org.sparklasso.input;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.sparklasso.spec.JobException;

/**
 * Rows ready to be packed: a Dataset, where each piece of a row sits ({@link RowLayout}), the
 * feature names, and how messages name the rows' source. Built from any Dataset by
 * {@link DatasetColumns} or by a file reader, which also says how its format's failures read.
 *
 * @param frame        the rows
 * @param layout       where the label, weight, features, fold id (and a reader's corrupt-record and
 *                     file-name columns) sit in a row
 * @param featureNames one name per feature, in feature-index order
 * @param name         the source as messages name it ("input NAME has no data rows"): a path, a table
 * @param description  the source as a failed read names it ("cannot read DESCRIPTION: …")
 * @param headerLine   whether each file starts with a header line, so data row r is line r + 1
 * @param readFailure  the input error for a job that failed reading the rows
 * @param direct       a faster way to pack the same rows (a scan's columnar batches, a CSV's or a
 *                     LIBSVM input's text lines: {@link DirectPacking}), or null
 * @param rowPath      for a source without a frame (null): the source its rows are packed from when
 *                     {@code direct} cannot take them, made only then (LIBSVM: Spark's reader, whose
 *                     schema costs a scan of its own); null otherwise
 */
record RowSource(Dataset<Row> frame, RowLayout layout, List<String> featureNames, String name, String description,
                 boolean headerLine, Function<Exception, JobException> readFailure, DirectPacking direct,
                 Supplier<RowSource> rowPath) {

    /** Rows named {@code name}, read by no file reader: a failed read is reported with its root cause. */
    static RowSource of(Dataset<Row> frame, RowLayout layout, List<String> featureNames, String name) {
        String description = "input " + name;
        return new RowSource(frame, layout, featureNames, name, description, false,
                e -> JobException.input("cannot read " + description + ": " + InputText.rootMessage(e), e), null, null);
    }

    /**
     * A source packed by {@code direct} first, whose rows are read only when it cannot pack them
     * ({@code rowPath}); {@code layout} may leave the width to the packing (numFeatures -1).
     */
    static RowSource packedFirst(DirectPacking direct, Supplier<RowSource> rowPath, RowLayout layout, String name) {
        RowSource rows = of(null, layout, List.of(), name);
        return new RowSource(null, layout, List.of(), name, rows.description, false, rows.readFailure, direct,
                rowPath);
    }

    /** The same rows as read by a file reader, with its description, header lines and failure report. */
    RowSource readBy(String readerDescription, boolean header, Function<Exception, JobException> failure) {
        return new RowSource(frame, layout, featureNames, name, readerDescription, header, failure, direct,
                rowPath == null ? null : () -> rowPath.get().readBy(readerDescription, header, failure));
    }

    /** The same rows, which {@code packing} also packs, faster. */
    RowSource withDirect(DirectPacking packing) {
        return new RowSource(frame, layout, featureNames, name, description, headerLine, readFailure, packing, rowPath);
    }
}
