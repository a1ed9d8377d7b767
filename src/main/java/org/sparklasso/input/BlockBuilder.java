package org.sparklasso.input;

import org.sparklasso.block.PartitionAudit;

import org.sparklasso.block.Block;
import org.sparklasso.block.DenseBlock;
import org.sparklasso.block.SparseBlock;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.rdd.InputFileBlockHolder;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Packs one partition's rows into blocks, rejecting (and auditing) bad rows. Numeric columns give
 * dense blocks; a vector column gives CSR blocks, or dense ones where a block is mostly nonzero.
 * Runs on executors.
 */
public final class BlockBuilder {
    /** Largest fold id a fold column may hold. */
    public static final int MAX_FOLD = 1000;

    private final RowLayout layout;
    private final int blockRows;
    private final PartitionAudit audit;
    /** The file the scan is reading, for {@link RowLayout#SCANNED_FILE}. */
    private final ScannedFile scannedFile = new ScannedFile();
    private final List<Block> out = new ArrayList<>();
    /**
     * Classification: this partition's code for each label value met (trimmed), in the order met.
     * Rows store the code; the loader maps codes to class indices after the pass
     * ({@link org.sparklasso.block.Block#relabeled}), so the label column needs no pass of its own.
     */
    private final java.util.LinkedHashMap<String, Integer> labelCodes = new java.util.LinkedHashMap<>();

    private double[] labels;
    private double[] weights;
    private int[] folds;
    private boolean allUnitWeights;
    /** Random fold assignment: a shuffled 0..K-1 for every K consecutive accepted rows. */
    private final java.util.SplittableRandom foldRandom;
    private final int[] foldCycle;
    private long accepted;
    private int count;
    /** The current row's label, weight and fold id, as {@link #check} read them. */
    private double rowLabel;
    private double rowWeight;
    private double rowFold;
    /** The current row's class label (trimmed) or feature vector, as {@link #check} read them. */
    private String rowClass;
    private Vector rowVector;
    // dense buffer
    private double[] dense;
    // sparse buffers
    private int[] rowPtr;
    private int[] colIdx;
    private double[] vals;
    private int nnz;
    /** The highest feature index stored so far, plus one (vector rows; the width of blocks of unknown width). */
    private int seenFeatures;

    private BlockBuilder(RowLayout layout, int blockRows, int partition) {
        this.layout = layout;
        this.blockRows = blockRows;
        this.audit = new PartitionAudit(partition);
        this.foldRandom = new java.util.SplittableRandom(layout.seed() * 0x9E3779B97F4A7C15L + partition);
        this.foldCycle = layout.foldColumn() < 0 && layout.nfolds() > 0 ? new int[layout.nfolds()] : null;
        reset();
    }

    /** Packs {@code rows} (one partition) into blocks; the last block carries the audit. */
    public static Iterator<Block> pack(RowLayout layout, int blockRows, int partition, Iterator<Row> rows) {
        BlockBuilder b = new BlockBuilder(layout, blockRows, partition);
        while (rows.hasNext()) {
            b.add(rows.next());
        }
        return b.finish().iterator();
    }

    /** Stored values per block (8 MB of doubles): dense blocks by their rows, vector ones by entries. */
    static final int BLOCK_VALUES = 1 << 20;
    static final int MAX_BLOCK_ROWS = 16384;
    /**
     * Rows a columnar batch is copied by, column after column: 256 rows of 100 features are a
     * 200 KB stretch of the block, which stays in L2 while every column writes its stride of it.
     */
    private static final int COPY_TILE = 256;

    /**
     * Rows per block so that a dense block holds about {@link #BLOCK_VALUES} numbers, within [64,
     * 16384]. Vector (possibly sparse) input takes up to 16384 rows and closes a block once it
     * holds BLOCK_VALUES entries instead: sizing sparse rows as dense ones would make blocks of a
     * few rows, whose per-block O(p) work would then dominate every pass.
     */
    public static int defaultBlockRows(int numFeatures, boolean vector) {
        if (vector) {
            return MAX_BLOCK_ROWS;
        }
        long rows = BLOCK_VALUES / Math.max(1, numFeatures);
        return (int) Math.max(64, Math.min(MAX_BLOCK_ROWS, rows));
    }

    private void reset() {
        labels = new double[blockRows];
        weights = new double[blockRows];
        folds = layout.hasFolds() ? new int[blockRows] : null;
        allUnitWeights = true;
        count = 0;
        if (layout.isVector()) {
            rowPtr = new int[blockRows + 1];
            colIdx = new int[16];
            vals = new double[16];
            nnz = 0;
        } else {
            dense = new double[blockRows * layout.numFeatures()];
        }
    }

    private void add(Row row) {
        String file = layout.fileName() >= 0 ? row.getString(layout.fileName())
                : layout.fileName() == RowLayout.SCANNED_FILE ? scannedFile.current() : null;
        audit.countRow(file);
        String problem = check(row);
        if (problem != null) {
            audit.reject(file, problem, text(row));
            return;
        }
        if (layout.isVector()) {
            appendVector(rowVector);
        }
        accept();
    }

    /** Stores the row {@link #check} (or a columnar batch) read: its features are in the buffers already. */
    private void accept() {
        double w = rowWeight;
        labels[count] = layout.classLabels() ? labelCode(rowClass) : rowLabel;
        weights[count] = w;
        allUnitWeights &= w == 1.0;
        audit.addWeight(w);
        if (folds != null) {
            int fold = nextFold();
            folds[count] = fold;
            audit.countFold(fold);
        }
        if (layout.isVector()) {
            rowPtr[count + 1] = nnz;
        }
        count++;
        if (count == blockRows || layout.isVector() && nnz >= BLOCK_VALUES) {
            emit();
        }
    }

    private void appendVector(Vector v) {
        if (v instanceof SparseVector sv) {
            int[] idx = sv.indices();
            double[] xs = sv.values();
            for (int e = 0; e < idx.length; e++) {
                if (xs[e] != 0) {
                    append(idx[e], xs[e]);
                }
            }
        } else {
            double[] xs = v.toArray();
            for (int j = 0; j < xs.length; j++) {
                if (xs[j] != 0) {
                    append(j, xs[j]);
                }
            }
        }
    }

    /**
     * Packs one partition's columnar batches (numeric columns at the layout's indices, dense
     * features, no file name). At the first row the row path would refuse, it stops and returns a
     * single empty block whose audit asks for the row path ({@link PartitionAudit#rowPathNeeded}),
     * which then packs the input again and names the row.
     */
    static Iterator<Block> packBatches(RowLayout layout, int blockRows, int partition,
                                       Iterator<ColumnarBatch> batches) {
        BlockBuilder b = new BlockBuilder(layout, blockRows, partition);
        while (batches.hasNext()) {
            if (!b.addBatch(batches.next())) {
                return rowPathNeeded(layout, partition);
            }
        }
        return b.finish().iterator();
    }

    /**
     * Packs one partition of a plain CSV's text lines (Spark's text source), split by {@code fields};
     * with {@code header}, the first line of each file is skipped (where a scan's split starts the
     * file), as Spark's CSV reader does. At the first line the split or the row checks refuse, it
     * stops as {@link #packBatches} does, for the row path to pack the input and name the row.
     */
    static Iterator<Block> packLines(RowLayout layout, int blockRows, int partition, Iterator<InternalRow> lines,
                                     CsvLineFields fields, boolean header) {
        BlockBuilder b = new BlockBuilder(layout, blockRows, partition);
        UTF8String splitPath = null;
        long splitStart = -1;
        while (lines.hasNext()) {
            InternalRow line = lines.next();
            if (header) {
                // the scan sets the file and the split's start as it opens each split
                UTF8String path = InputFileBlockHolder.getInputFilePath();
                long start = InputFileBlockHolder.getStartOffset();
                if (path != splitPath || start != splitStart) {
                    splitPath = path;
                    splitStart = start;
                    if (start == 0) {
                        continue;
                    }
                }
            }
            if (!b.addLine(line.getUTF8String(0), fields)) {
                return rowPathNeeded(layout, partition);
            }
        }
        return b.finish().iterator();
    }

    /**
     * Packs one partition of LIBSVM text lines (Spark's text source) read by {@code fields}, into
     * blocks as wide as the highest index met so far (the input's width is known only once
     * every partition is read: the loader then sizes the blocks, {@link Block#withNumFeatures});
     * the audit carries the partition's width. At the first line the reading or the row checks
     * refuse, it stops as {@link #packBatches} does, for Spark's reader to load the input.
     */
    static Iterator<Block> packLibsvmLines(RowLayout layout, int blockRows, int partition,
                                           Iterator<InternalRow> lines, LibsvmLineFields fields) {
        BlockBuilder b = new BlockBuilder(layout, blockRows, partition);
        while (lines.hasNext()) {
            LibsvmLineFields.Line line = fields.read(lines.next().getUTF8String(0));
            if (line == LibsvmLineFields.Line.REFUSED || line == LibsvmLineFields.Line.ROW && !b.addEntries(fields)) {
                return rowPathNeeded(layout, partition);
            }
        }
        return b.finish().iterator();
    }

    /** Adds a LIBSVM line's row (its nonzero entries, as a vector row's); false when a row check refuses it. */
    private boolean addEntries(LibsvmLineFields fields) {
        if (!readRow(fields)) {
            return false;
        }
        int n = fields.entries();
        for (int e = 0; e < n; e++) {
            double x = fields.value(e);
            if (x != 0) {
                append(fields.index(e), x);
            }
        }
        if (n > 0) {
            seenFeatures = Math.max(seenFeatures, fields.index(n - 1) + 1);
        }
        accept();
        return true;
    }

    /** The blocks' width: the layout's, or for an input of unknown width (-1), the highest index met so far. */
    private int width() {
        return layout.numFeatures() >= 0 ? layout.numFeatures() : seenFeatures;
    }

    /** A single empty block whose audit asks for the row path. */
    private static Iterator<Block> rowPathNeeded(RowLayout layout, int partition) {
        Block none = new DenseBlock(Math.max(0, layout.numFeatures()), new double[0], null, null, new double[0]);
        PartitionAudit refused = new PartitionAudit(partition);
        refused.requireRowPath();
        none.setAudit(refused);
        return List.of(none).iterator();
    }

    /** Adds a CSV line's row; false when the split or a row check refuses it. */
    private boolean addLine(UTF8String line, CsvLineFields fields) {
        if (!fields.split(line)) {
            return false;
        }
        try {
            if (!readRow(fields)) {
                return false;
            }
            int[] cols = layout.featureColumns();
            int off = count * cols.length;
            for (int j = 0; j < cols.length; j++) {
                double x = fields.number(cols[j]);
                if (!Double.isFinite(x)) {
                    return false;
                }
                dense[off + j] = x;
            }
        } catch (NumberFormatException e) {
            return false;
        }
        accept();
        return true;
    }

    /** Adds a batch's rows; false when one of them is not usable (the row path then names it). */
    private boolean addBatch(ColumnarBatch batch) {
        int n = batch.numRows();
        int[] cols = layout.featureColumns();
        int p = cols.length;
        ColumnVector label = batch.column(layout.label());
        ColumnVector weight = layout.weight() >= 0 ? batch.column(layout.weight()) : null;
        ColumnVector fold = layout.foldColumn() >= 0 ? batch.column(layout.foldColumn()) : null;
        ColumnVector[] features = new ColumnVector[p];
        boolean anyNull = label.hasNull() || weight != null && weight.hasNull() || fold != null && fold.hasNull();
        for (int j = 0; j < p; j++) {
            features[j] = batch.column(cols[j]);
            anyNull |= features[j].hasNull();
        }
        if (anyNull) {
            return false;
        }
        BatchRow row = new BatchRow(batch);
        for (int start = 0; start < n; ) {
            int k = Math.min(n - start, blockRows - count);
            if (!copyFeatures(features, start, k)) {
                return false;
            }
            for (int r = start; r < start + k; r++) {
                row.r = r;
                if (!readRow(row)) {
                    return false;
                }
                accept();
            }
            start += k;
        }
        return true;
    }

    /**
     * Rows start..start+k-1 of the feature columns into the block's rows count..count+k-1 (k fits
     * in the block), a tile of {@link #COPY_TILE} rows at a time, column by column: each column's
     * values are read in one loop, the tile's block rows stay in cache. False at a NaN or ∞.
     */
    private boolean copyFeatures(ColumnVector[] features, int start, int k) {
        int p = features.length;
        for (int t = 0; t < k; t += COPY_TILE) {
            int rows = Math.min(COPY_TILE, k - t);
            int off = (count + t) * p;
            for (int j = 0; j < p; j++) {
                if (!ColumnValues.copy(features[j], start + t, rows, dense, off + j, p)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A row's fields by column index, as a direct packing path reads them: a CSV line's
     * ({@link CsvLineFields}) or a columnar batch's row ({@link BatchRow}).
     */
    interface RowFields {
        /**
         * Column c's number.
         *
         * @throws NumberFormatException when its text is not a number
         */
        double number(int c);

        /** Column c's value as a class label's text. */
        String text(int c);
    }

    /** Row r of a columnar batch (set before each read) as {@link RowFields}. */
    private static final class BatchRow implements RowFields {
        private final ColumnarBatch batch;
        int r;

        BatchRow(ColumnarBatch batch) {
            this.batch = batch;
        }

        @Override
        public double number(int c) {
            return ColumnValues.number(batch.column(c), r);
        }

        @Override
        public String text(int c) {
            return ColumnValues.text(batch.column(c), r);
        }
    }

    /**
     * A direct path's row: its label, weight and fold id into {@link #rowLabel} and its kin; false
     * when one is unusable (the features are the caller's).
     *
     * @throws NumberFormatException from a field whose text is not a number
     */
    private boolean readRow(RowFields fields) {
        audit.countRow(null);
        if (layout.classLabels()) {
            rowClass = fields.text(layout.label());
        } else {
            rowLabel = fields.number(layout.label());
            if (!Double.isFinite(rowLabel)) {
                return false;
            }
        }
        rowWeight = 1.0;
        if (layout.weight() >= 0) {
            rowWeight = fields.number(layout.weight());
            if (!usableWeight(rowWeight)) {
                return false;
            }
        }
        if (layout.foldColumn() >= 0) {
            rowFold = fields.number(layout.foldColumn());
            if (!usableFoldId(rowFold)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The partition's code of a label value, coding a new one as the next integer. Codes stop at
     * one more value than a label may have classes: such an input is refused after the pass anyway.
     */
    private int labelCode(String value) {
        Integer code = labelCodes.get(value);
        if (code == null) {
            if (labelCodes.size() > LabelEncoder.MAX_CLASSES) {
                return 0;
            }
            code = labelCodes.size();
            labelCodes.put(value, code);
        }
        return code;
    }

    /**
     * The row's fold: the fold column's id as written (0-based or 1-based: the loader shifts 1-based
     * ids once it has seen them all), or the next of a shuffled cycle of 0..K-1.
     */
    private int nextFold() {
        if (layout.foldColumn() >= 0) {
            return (int) rowFold;
        }
        int k = foldCycle.length;
        int pos = (int) (accepted++ % k);
        if (pos == 0) {
            for (int i = 0; i < k; i++) {
                foldCycle[i] = i;
            }
            for (int i = k - 1; i > 0; i--) {
                int j = foldRandom.nextInt(i + 1);
                int t = foldCycle[i];
                foldCycle[i] = foldCycle[j];
                foldCycle[j] = t;
            }
        }
        return foldCycle[pos];
    }

    private void append(int j, double x) {
        if (nnz == vals.length) {
            vals = java.util.Arrays.copyOf(vals, nnz * 2);
            colIdx = java.util.Arrays.copyOf(colIdx, nnz * 2);
        }
        colIdx[nnz] = j;
        vals[nnz] = x;
        nnz++;
    }

    /**
     * Returns the problem with a row, or null when it is usable. Reads each number once, on the way:
     * the label, weight and fold id into {@link #rowLabel} and its kin, numeric features straight into
     * the block's buffer (the next row overwrites a rejected row's).
     */
    private String check(Row row) {
        if (layout.corruptRecord() >= 0 && !row.isNullAt(layout.corruptRecord())) {
            return "malformed line (" + malformedDetail(row) + ")";
        }
        if (row.isNullAt(layout.label())) {
            return "missing label";
        }
        if (layout.classLabels()) {
            String value = row.getString(layout.label()).trim();
            if (value.isEmpty()) {
                return "missing label";
            }
            rowClass = value;
        } else {
            if (!number(row, layout.label())) {
                return notANumber(row, layout.label());
            }
            rowLabel = parsed;
            if (!Double.isFinite(rowLabel)) {
                return "label is NaN or infinite";
            }
        }
        rowWeight = 1.0;
        if (layout.weight() >= 0) {
            if (row.isNullAt(layout.weight())) {
                return "missing weight";
            }
            if (!number(row, layout.weight())) {
                return notANumber(row, layout.weight());
            }
            rowWeight = parsed;
            if (!usableWeight(rowWeight)) {
                return "weight must be finite and >= 0";
            }
        }
        if (layout.foldColumn() >= 0) {
            if (row.isNullAt(layout.foldColumn())) {
                return "missing fold id in foldCol " + columnName(row, layout.foldColumn());
            }
            if (!number(row, layout.foldColumn())) {
                return notANumber(row, layout.foldColumn());
            }
            rowFold = parsed;
            if (!usableFoldId(rowFold)) {
                return "fold id in foldCol " + columnName(row, layout.foldColumn()) + " must be an integer from 0 to "
                        + MAX_FOLD;
            }
        }
        if (layout.isVector()) {
            if (row.isNullAt(layout.vectorColumn())) {
                return "missing feature vector";
            }
            Vector v = (Vector) row.get(layout.vectorColumn());
            rowVector = v;
            if (v.size() > layout.numFeatures()) {
                return "feature vector longer than " + layout.numFeatures();
            }
            double[] xs = v instanceof SparseVector sv ? sv.values() : v.toArray();
            for (double x : xs) {
                if (!Double.isFinite(x)) {
                    return "a feature is NaN or infinite";
                }
            }
        } else {
            int[] cols = layout.featureColumns();
            int off = count * cols.length;
            for (int j = 0; j < cols.length; j++) {
                int c = cols[j];
                if (row.isNullAt(c)) {
                    return "missing value in column " + columnName(row, c);
                }
                if (!number(row, c)) {
                    return notANumber(row, c);
                }
                if (!Double.isFinite(parsed)) {
                    return "NaN or infinite value in column " + columnName(row, c);
                }
                dense[off + j] = parsed;
            }
        }
        return null;
    }

    /** A weight the fit can use: finite and ≥ 0 (one rule for rows and columnar batches). */
    private static boolean usableWeight(double w) {
        return Double.isFinite(w) && w >= 0;
    }

    /** A fold id as written in a fold column: an integer from 0 to {@link #MAX_FOLD}. */
    private static boolean usableFoldId(double f) {
        return f >= 0 && f <= MAX_FOLD && f == Math.rint(f);
    }

    /** The number {@link #number} read last. */
    private double parsed;
    /** {@link NumberText#parse(org.apache.spark.unsafe.types.UTF8String, char[])}'s buffer. */
    private final char[] scratch = new char[64];

    /**
     * Reads the (non-null) number at {@code c} into {@link #parsed}: a double column's value or, for
     * CSV text, the number the text stands for; false when the text is not a number.
     */
    private boolean number(Row row, int c) {
        NumberText text = layout.numberText();
        if (text == null) {
            parsed = row.getDouble(c);
            return true;
        }
        try {
            parsed = row instanceof InternalRowView view ? text.parse(view.utf8(c), scratch)
                    : text.parse(row.getString(c));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A non-numeric value in a numeric column: a malformed line, as Spark's typed reader would say. */
    private static String notANumber(Row row, int c) {
        return "malformed line (a non-numeric or missing value in column " + columnName(row, c) + ")";
    }

    /**
     * What is wrong with a line Spark's CSV reader could not parse: the first numeric field it left
     * empty (a non-numeric or missing value), else a wrong number of fields.
     */
    private String malformedDetail(Row row) {
        List<Integer> numeric = new ArrayList<>();
        if (!layout.classLabels()) {
            numeric.add(layout.label());
        }
        for (int c : layout.featureColumns()) {
            numeric.add(c);
        }
        for (int c : new int[] {layout.weight(), layout.foldColumn()}) {
            if (c >= 0) {
                numeric.add(c);
            }
        }
        for (int c : numeric) {
            if (row.isNullAt(c)) {
                return "a non-numeric or missing value in column " + columnName(row, c);
            }
        }
        return "wrong number of fields";
    }

    /** A column as users know it: its header name, or "column N" (1-based) for a csv without header. */
    private static String columnName(Row row, int c) {
        String name = row.schema().fields()[c].name();
        return name.matches("_c\\d+") ? "column " + name.substring(2) : name;
    }

    /** The row as the user wrote it: the raw line when the reader kept it, else the parsed fields. */
    private String text(Row row) {
        if (layout.corruptRecord() >= 0 && !row.isNullAt(layout.corruptRecord())) {
            return row.getString(layout.corruptRecord());
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length(); i++) {
            if (i == layout.corruptRecord() || i == layout.fileName()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(row.isNullAt(i) ? "" : String.valueOf(row.get(i)));
        }
        return sb.toString();
    }

    private void emit() {
        if (count == 0) {
            return;
        }
        if (folds != null) {
            sortRowsByFold();
        }
        double[] y = java.util.Arrays.copyOf(labels, count);
        double[] w = allUnitWeights ? null : java.util.Arrays.copyOf(weights, count);
        int[] f = folds == null ? null : java.util.Arrays.copyOf(folds, count);
        int p = width();
        if (!layout.isVector()) {
            // a full block takes the buffer itself (reset() makes the next one): no 8 MB copy per block
            out.add(new DenseBlock(p, y, w, f, count * p == dense.length ? dense
                    : java.util.Arrays.copyOf(dense, count * p)));
        } else {
            // of unknown width, as wide as its partition so far: the loader sizes it (dense LIBSVM rows
            // stay dense, in their final layout when every partition meets the highest index)
            out.add(SparseBlock.sized(p, y, w, f, rowPtr, colIdx, vals));
        }
        audit.countStored(out.get(out.size() - 1).storedValues());
        reset();
    }

    /**
     * Reorders the buffered rows by fold (stably), so that each fold is one contiguous range of
     * the block: a fold model's pass can then skip its held-out rows a whole range at a time
     * ({@link Block#foldRanges}). Sums over rows do not depend on the order beyond rounding.
     */
    private void sortRowsByFold() {
        int[] start = Block.foldStarts(folds, count);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[start[folds[i]]++] = i;
        }
        double[] y = new double[labels.length];
        double[] w = new double[weights.length];
        int[] f = new int[folds.length];
        for (int i = 0; i < count; i++) {
            y[i] = labels[order[i]];
            w[i] = weights[order[i]];
            f[i] = folds[order[i]];
        }
        labels = y;
        weights = w;
        folds = f;
        if (layout.isVector()) {
            int[] ptr = new int[rowPtr.length];
            int[] idx = new int[colIdx.length];
            double[] v = new double[vals.length];
            int e = 0;
            for (int i = 0; i < count; i++) {
                int from = rowPtr[order[i]];
                int len = rowPtr[order[i] + 1] - from;
                System.arraycopy(colIdx, from, idx, e, len);
                System.arraycopy(vals, from, v, e, len);
                e += len;
                ptr[i + 1] = e;
            }
            rowPtr = ptr;
            colIdx = idx;
            vals = v;
        } else {
            int p = layout.numFeatures();
            double[] d = new double[dense.length];
            for (int i = 0; i < count; i++) {
                System.arraycopy(dense, order[i] * p, d, i * p, p);
            }
            dense = d;
        }
    }

    private List<Block> finish() {
        emit();
        if (out.isEmpty()) {
            out.add(new DenseBlock(width(), new double[0], null, null, new double[0]));
        }
        audit.setLabelValues(new ArrayList<>(labelCodes.keySet()));
        audit.countFeatures(seenFeatures);
        out.get(out.size() - 1).setAudit(audit);
        return out;
    }
}
