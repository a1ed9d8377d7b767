package org.sparklasso.input;

import org.sparklasso.block.PartitionAudit;

import org.sparklasso.block.Block;
import org.sparklasso.block.LocalBlocks;
import org.sparklasso.spec.Family;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkThrowable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.sparklasso.cli.JobConfig;
import org.sparklasso.spec.JobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the input with Spark's own CSV, LIBSVM or Parquet reader, packs it into cached blocks
 * in one pass and audits every row on the way (see {@link PartitionAudit}). Any bad row fails the
 * load with exit code 3, naming the count, the file and the first offending row.
 */
public final class DataLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DataLoader.class);
    private static final String CORRUPT = "_corrupt_record";
    private static final String FILE = "_input_file";
    /** The label column when labelCol is not given (csv with a header, parquet). */
    private static final String DEFAULT_LABEL_COL = "label";
    /** Spark ML's default features column: a Parquet vector column of this name is used without featuresCol. */
    private static final String DEFAULT_FEATURES_COL = "features";

    private final SparkSession spark;
    private final JobConfig config;

    public DataLoader(SparkSession spark, JobConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /**
     * Spark's local checkpoint: once the first job has cached the blocks, their RDD's lineage is cut
     * to the cached blocks themselves, so each pass ships and deserializes a one-RDD task instead of
     * the reader's whole plan (16.5 KB compressed per job for Parquet input). Measured on 2 cached
     * partitions of Parquet-read blocks, 40 passes each: 46 → 36 ms median per pass of no work (so
     * about 1 s over the 107 passes of a binomial path + CV). Local mode only: there an executor is
     * lost only with the application, so no fault tolerance is given up; on a cluster the lineage
     * stays, so that blocks lost with an executor are recomputed.
     */
    private static void cutLineageOnceCached(JavaRDD<Block> blocks) {
        blocks.rdd().localCheckpoint();
    }

    /** Reads, validates, packs and caches the input. */
    public LoadedData load() {
        checkInputExists();
        Source source = read();
        Dataset<Row> df = source.frame();
        if (config.numPartitions() > 0) {
            df = df.repartition(config.numPartitions());
        }
        RowLayout layout = source.layout();
        if (config.nfolds() > 0 && layout.foldColumn() < 0) {
            layout = layout.withFolds(-1, config.nfolds(), config.seed());
        }
        LabelEncoder classes = null;
        if (config.family().isClassification()) {
            classes = discoverClasses(source);
            layout = layout.withClasses(classes);
        }
        final RowLayout packing = layout;
        int blockRows = config.blockRows() > 0 ? config.blockRows()
                : BlockBuilder.defaultBlockRows(layout.numFeatures(), layout.isVector());
        JavaRDD<Block> blocks = df.javaRDD()
                .mapPartitionsWithIndex((idx, rows) -> BlockBuilder.pack(packing, blockRows, idx, rows), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        if (blocks.context().isLocal()) {
            cutLineageOnceCached(blocks);
        }
        List<PartitionAudit> audits;
        try {
            audits = blocks.map(Block::audit).filter(a -> a != null).collect();
        } catch (Exception e) {
            // A failed Spark job surfaces as the checked SparkException (thrown undeclared from Scala).
            blocks.unpersist(false);
            if (e instanceof RuntimeException || isReadFailure(e)) {
                throw readFailure(e);
            }
            throw e;
        }
        long seen = audits.stream().mapToLong(PartitionAudit::rowsSeen).sum();
        long stored = audits.stream().mapToLong(PartitionAudit::storedValues).sum();
        FoldIds folds;
        try {
            folds = checkAudits(audits, seen, layout);
        } catch (JobException e) {
            blocks.unpersist(false);
            throw e;
        }
        int numFolds = folds == null ? 0 : folds.count();
        if (folds != null && folds.firstId() != 0) {
            blocks = shiftFolds(blocks, -folds.firstId());
        }
        LOG.info("loaded {} rows × {} features into {} partitions{}", seen, layout.numFeatures(),
                blocks.getNumPartitions(), numFolds > 0 ? ", " + numFolds + " folds" : "");
        LocalBlocks local = config.localPasses() ? LocalBlocks.capture(blocks) : null;
        return new LoadedData(blocks, source.featureNames(), seen, stored, numFolds, classes, local);
    }

    /**
     * One pass over the label column for its distinct values (at most {@link LabelEncoder#MAX_CLASSES}
     * + 1 are fetched), so rows can be packed with class indices.
     */
    private LabelEncoder discoverClasses(Source source) {
        String column = source.frame().columns()[source.layout().label()];
        List<String> distinct;
        int cap = LabelEncoder.MAX_CLASSES + 1;
        try {
            // a set per partition, merged up a tree: no shuffle (Spark's distinct() would use 200 tasks)
            java.util.HashSet<String> values = source.frame()
                    .select(source.frame().col(quote(column)).cast(DataTypes.StringType)).javaRDD()
                    .treeAggregate(new java.util.HashSet<String>(), (set, row) -> {
                        if (set.size() < cap && !row.isNullAt(0)) {
                            set.add(row.getString(0).trim());
                        }
                        return set;
                    }, (a, b) -> {
                        for (String v : b) {
                            if (a.size() < cap) {
                                a.add(v);
                            }
                        }
                        return a;
                    }, 2);
            distinct = new ArrayList<>(values);
        } catch (RuntimeException e) {
            throw JobException.input("cannot read " + config.format().name().toLowerCase(Locale.ROOT)
                    + " input " + config.input() + ": " + rootMessage(e), e);
        }
        return LabelEncoder.of(distinct, config.family() == org.sparklasso.spec.Family.BINOMIAL, config.input());
    }

    /**
     * Refuses an input whose rows the audits found unusable (bad rows, no rows, every weight 0, bad
     * fold ids); returns the folds found, or null without cross-validation.
     */
    private FoldIds checkAudits(List<PartitionAudit> audits, long seen, RowLayout layout) {
        long bad = audits.stream().mapToLong(PartitionAudit::badRows).sum();
        if (bad > 0) {
            throw JobException.input(describeBadRows(audits, bad, seen));
        }
        if (seen == 0) {
            throw JobException.input("input " + config.input() + " has no data rows");
        }
        if (layout.weight() >= 0 && audits.stream().mapToDouble(PartitionAudit::weightSum).sum() <= 0) {
            throw JobException.input("weightCol: every weight in " + config.input() + " is 0 (column '"
                    + config.weightCol() + "'); at least one row needs a positive weight");
        }
        return layout.hasFolds() ? checkFolds(audits, layout.foldColumn() >= 0) : null;
    }

    /** The folds found: ids firstId .. firstId+count−1, each with rows. */
    private record FoldIds(int firstId, int count) {
    }

    /**
     * Checks the fold ids the rows carry. A fold column may number its folds 1..K (glmnet's
     * {@code foldid}) or 0..K−1 (Spark's {@code CrossValidator} {@code foldCol}): the smallest id
     * tells which, so the rule is unambiguous; either way every id in between must have rows, and
     * K ≥ 3. Random folds are always 0..K−1.
     */
    private FoldIds checkFolds(List<PartitionAudit> audits, boolean fromColumn) {
        java.util.TreeMap<Integer, Long> rows = new java.util.TreeMap<>();
        for (PartitionAudit a : audits) {
            a.foldRows().forEach((fold, count) -> rows.merge(fold, count, Long::sum));
        }
        String source = fromColumn ? "foldCol " + config.foldCol() : "nfolds";
        if (rows.isEmpty()) {
            throw JobException.input(source + ": no fold ids found");
        }
        int first = rows.firstKey();
        int last = rows.lastKey();
        if (fromColumn && first > 1) {
            throw JobException.input(source + ": the smallest fold id is " + first + "; fold ids must be 1..K "
                    + "(glmnet) or 0..K-1 (Spark)");
        }
        String convention = first == 0 ? "0.." + last + ", Spark's convention" : "1.." + last + ", glmnet's convention";
        for (int f = first; f <= last; f++) {
            if (!rows.containsKey(f)) {
                throw JobException.input(source + ": fold " + f + " has no rows (fold ids found: "
                        + abbreviate(rows.keySet().stream().map(String::valueOf).toArray(String[]::new))
                        + "; expected every id of " + convention + ")");
            }
        }
        int k = last - first + 1;
        if (k < 3) {
            throw JobException.input(source + ": " + k + " fold(s) found (" + convention + "); cross-validation "
                    + "needs at least 3");
        }
        return new FoldIds(first, k);
    }

    /** The blocks with 1-based fold ids moved to 0-based folds: one cheap job over the cached blocks. */
    private static JavaRDD<Block> shiftFolds(JavaRDD<Block> blocks, int shift) {
        JavaRDD<Block> shifted = blocks.map(b -> b.withFoldsShifted(shift)).persist(StorageLevel.MEMORY_AND_DISK());
        if (shifted.context().isLocal()) {
            cutLineageOnceCached(shifted);
        }
        shifted.count();
        blocks.unpersist(false);
        return shifted;
    }

    private void checkInputExists() {
        try {
            Path path = new Path(config.input());
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw JobException.input("input not found: " + config.input());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw JobException.input("cannot access input " + config.input() + ": " + e.getMessage(), e);
        }
    }

    /** A DataFrame ready to be packed, its layout and feature names. */
    private record Source(Dataset<Row> frame, RowLayout layout, List<String> featureNames) {
    }

    private Source read() {
        try {
            return switch (config.format()) {
                case CSV -> config.header() ? readCsvWithHeader() : readCsvWithoutHeader();
                case LIBSVM -> readLibsvm();
                case PARQUET -> readParquet();
            };
        } catch (JobException e) {
            throw e;
        } catch (Exception e) {
            // Includes the checked SparkException of a failed job (e.g. reading Parquet footers, or the
            // libsvm reader's pass that counts the features).
            throw readFailure(e);
        }
    }

    /**
     * The input error for a failed read: for libsvm input, a second look at the lines names the
     * first malformed one (Spark's parser says only "For input string: x"); otherwise the root cause.
     */
    private JobException readFailure(Exception e) {
        if (config.format() == InputFormat.LIBSVM) {
            try {
                String located = LibsvmLines.locateBadLines(spark, config.input());
                if (located != null) {
                    return JobException.input(located, e);
                }
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
        }
        return JobException.input("cannot read " + config.format().name().toLowerCase(Locale.ROOT)
                + " input " + config.input() + ": " + rootMessage(e), e);
    }

    /** Spark's CSV reader with the user's options ({@code sep}, {@code csv.*}) and the header flag. */
    private org.apache.spark.sql.DataFrameReader csvReader(boolean header) {
        return spark.read().options(config.csvOptions()).option("header", String.valueOf(header));
    }

    /**
     * The CSV's columns as the reader sees them (from the first line), refusing an empty file and a
     * line that is one column holding another separator (a {@code ;}- or tab-separated file read
     * with the default comma).
     */
    private String[] csvColumns(boolean header) throws IOException {
        String[] columns = csvReader(header).csv(config.input()).columns();
        if (columns.length == 0) {
            throw JobException.input("input " + config.input() + " is empty (no lines to read"
                    + (header ? ", not even a header" : "") + ")");
        }
        if (columns.length == 1) {
            String line = header ? columns[0] : CsvHeaderLine.firstLine(config.input(), config.csvOptions(),
                    spark.sparkContext().hadoopConfiguration()).orElse("");
            String sep = config.csvOptions().getOrDefault("sep", ",");
            // separators people use, each as it is written in a config (sep=\t for a tab)
            Map<String, String> candidates = new java.util.LinkedHashMap<>();
            candidates.put(";", ";");
            candidates.put("\t", "\\t");
            candidates.put("|", "|");
            candidates.put(",", ",");
            candidates.put(" ", "' '");
            for (Map.Entry<String, String> c : candidates.entrySet()) {
                if (!c.getKey().equals(sep) && line.contains(c.getKey())) {
                    throw JobException.input("input " + config.input() + " reads as one column '"
                            + abbreviate(new String[] {line.replace("\t", "\\t")}) + "' with sep="
                            + candidates.getOrDefault(sep, sep) + "; its first line looks " + c.getValue()
                            + "-separated: try sep=" + c.getValue());
                }
            }
            throw JobException.input("input " + config.input() + " has a single column; it needs a label and at "
                    + "least one feature");
        }
        return columns;
    }

    private Source readCsvWithHeader() throws IOException {
        String[] columns = csvColumns(true);
        java.util.Optional<String> duplicate = CsvHeaderLine.firstDuplicate(config.input(), config.csvOptions(),
                spark.sparkContext().hadoopConfiguration());
        if (duplicate.isPresent()) {
            throw JobException.input("input " + config.input() + " has two columns named '" + duplicate.get()
                    + "' in its header (names are compared ignoring case, as Spark does)");
        }
        String label = config.labelCol() != null ? config.labelCol() : DEFAULT_LABEL_COL;
        requireColumn(columns, label, "labelCol");
        String weight = config.weightCol();
        if (weight != null) {
            requireColumn(columns, weight, "weightCol");
        }
        String fold = config.foldCol();
        if (fold != null) {
            requireColumn(columns, fold, "foldCol");
        }
        List<String> features = chooseFeatures(columns, label, weight, fold);
        Set<String> numeric = new HashSet<>(features);
        if (!config.family().isClassification()) {
            numeric.add(label);
        }
        if (weight != null) {
            numeric.add(weight);
        }
        if (fold != null) {
            numeric.add(fold);
        }
        checkDistinct(columns);
        List<StructField> fields = new ArrayList<>();
        for (String c : columns) {
            fields.add(DataTypes.createStructField(c, numeric.contains(c) ? DataTypes.DoubleType
                    : DataTypes.StringType, true));
        }
        return csvSource(new StructType(fields.toArray(new StructField[0])), true, label, weight, fold, features,
                features);
    }

    private Source readCsvWithoutHeader() throws IOException {
        int width = csvColumns(false).length;
        int label = columnNumber(config.labelCol(), "labelCol", width, 1);
        int weight = config.weightCol() == null ? -1 : columnNumber(config.weightCol(), "weightCol", width, -1);
        int fold = config.foldCol() == null ? -1 : columnNumber(config.foldCol(), "foldCol", width, -1);
        if (weight == label || fold == label || weight > 0 && weight == fold) {
            throw JobException.config("labelCol, weightCol and foldCol must be different columns (got "
                    + label + ", " + weight + ", " + fold + ")");
        }
        List<StructField> fields = new ArrayList<>();
        List<String> featureColumns = new ArrayList<>();
        List<String> featureNames = new ArrayList<>();
        for (int c = 1; c <= width; c++) {
            String name = "_c" + c;
            boolean stringLabel = c == label && config.family().isClassification();
            fields.add(DataTypes.createStructField(name, stringLabel ? DataTypes.StringType : DataTypes.DoubleType,
                    true));
            if (c != label && c != weight && c != fold) {
                featureColumns.add(name);
                featureNames.add("x" + (featureNames.size() + 1));
            }
        }
        return csvSource(new StructType(fields.toArray(new StructField[0])), false, "_c" + label,
                weight > 0 ? "_c" + weight : null, fold > 0 ? "_c" + fold : null, featureColumns, featureNames);
    }

    private Source csvSource(StructType schema, boolean header, String label, String weight, String fold,
                             List<String> featureColumns, List<String> featureNames) {
        StructType withCorrupt = schema.add(CORRUPT, DataTypes.StringType, true);
        Dataset<Row> df = csvReader(header)
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .option("enforceSchema", "true")
                .schema(withCorrupt)
                .csv(config.input());
        df = df.withColumn(FILE, functions.input_file_name());
        List<String> names = Arrays.asList(df.columns());
        int[] feats = featureColumns.stream().mapToInt(names::indexOf).toArray();
        RowLayout layout = new RowLayout(names.indexOf(label), weight == null ? -1 : names.indexOf(weight),
                feats, -1, feats.length, names.indexOf(CORRUPT), names.indexOf(FILE),
                fold == null ? -1 : names.indexOf(fold), 0, 0L);
        return new Source(df, layout, featureNames);
    }

    private Source readLibsvm() {
        Dataset<Row> df = spark.read().format("libsvm").load(config.input());
        int p = AttributeGroup.fromStructField(df.schema().apply("features")).size();
        df = df.select(config.family().isClassification() ? df.col("label").cast(DataTypes.StringType)
                : df.col("label"), df.col("features"), functions.input_file_name().as(FILE));
        List<String> names = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            names.add("f" + (j + 1));
        }
        return new Source(df, new RowLayout(0, -1, new int[0], 1, p, -1, 2, -1, 0, 0L), names);
    }

    private Source readParquet() {
        Dataset<Row> df = spark.read().parquet(config.input());
        String[] columns = df.columns();
        checkDistinct(columns);
        String label = config.labelCol() != null ? config.labelCol() : DEFAULT_LABEL_COL;
        if (config.family().isClassification()) {
            requireColumn(columns, label, "labelCol");
        } else {
            requireNumeric(df.schema(), label, "labelCol");
        }
        String weight = config.weightCol();
        if (weight != null) {
            requireNumeric(df.schema(), weight, "weightCol");
        }
        String fold = config.foldCol();
        if (fold != null) {
            requireNumeric(df.schema(), fold, "foldCol");
        }
        List<Column> select = new ArrayList<>();
        select.add(df.col(quote(label)).cast(config.family().isClassification() ? DataTypes.StringType
                : DataTypes.DoubleType));
        select.add(weight == null ? functions.lit(1.0) : df.col(quote(weight)).cast(DataTypes.DoubleType));
        select.add(fold == null ? functions.lit(0.0) : df.col(quote(fold)).cast(DataTypes.DoubleType));
        int foldIndex = fold == null ? -1 : 2;
        String vec = config.featuresCol();
        if (vec == null && config.featureCols().isEmpty() && Arrays.asList(columns).contains(DEFAULT_FEATURES_COL)
                && df.schema().apply(DEFAULT_FEATURES_COL).dataType() instanceof VectorUDT) {
            vec = DEFAULT_FEATURES_COL;
        }
        if (vec != null) {
            requireColumn(columns, vec, "featuresCol");
            if (!(df.schema().apply(vec).dataType() instanceof VectorUDT)) {
                throw JobException.input("featuresCol: column '" + vec + "' is not a Spark ML vector");
            }
            int p = AttributeGroup.fromStructField(df.schema().apply(vec)).size();
            if (p < 0) {
                Row first = df.select(quote(vec)).where(df.col(quote(vec)).isNotNull()).first();
                p = first == null ? 0 : ((Vector) first.get(0)).size();
            }
            select.add(df.col(quote(vec)));
            select.add(functions.input_file_name());
            List<String> names = new ArrayList<>(p);
            for (int j = 0; j < p; j++) {
                names.add(vec + "_" + j);
            }
            return new Source(df.select(select.toArray(new Column[0])),
                    new RowLayout(0, weight == null ? -1 : 1, new int[0], 3, p, -1, 4, foldIndex, 0, 0L), names);
        }
        List<String> features = chooseFeatures(columns, label, weight, fold);
        int[] feats = new int[features.size()];
        for (int j = 0; j < features.size(); j++) {
            requireNumeric(df.schema(), features.get(j), "featureCols");
            select.add(df.col(quote(features.get(j))).cast(DataTypes.DoubleType));
            feats[j] = j + 3;
        }
        select.add(functions.input_file_name());
        return new Source(df.select(select.toArray(new Column[0])),
                new RowLayout(0, weight == null ? -1 : 1, feats, -1, feats.length, -1, feats.length + 3, foldIndex,
                        0, 0L),
                features);
    }

    private List<String> chooseFeatures(String[] columns, String label, String weight, String fold) {
        if (!config.featureCols().isEmpty()) {
            for (String f : config.featureCols()) {
                requireColumn(columns, f, "featureCols");
                if (f.equals(label) || f.equals(weight) || f.equals(fold)) {
                    throw JobException.config("featureCols: '" + f + "' is the label, weight or fold column");
                }
            }
            return config.featureCols();
        }
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (!c.equals(label) && !c.equals(weight) && !c.equals(fold)) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            throw JobException.input("input " + config.input() + " has no feature columns besides the label");
        }
        return out;
    }

    private void requireColumn(String[] columns, String name, String key) {
        if (!Arrays.asList(columns).contains(name)) {
            throw JobException.input(key + ": column '" + name + "' not found in " + config.input()
                    + " (columns: " + abbreviate(columns) + ")");
        }
    }

    private void requireNumeric(StructType schema, String name, String key) {
        requireColumn(schema.fieldNames(), name, key);
        DataType type = schema.apply(name).dataType();
        if (!(type instanceof NumericType)) {
            throw JobException.input(key + ": column '" + name + "' in " + config.input() + " is "
                    + type.simpleString() + ", not numeric");
        }
    }

    private static void checkDistinct(String[] columns) {
        Set<String> seen = new HashSet<>();
        for (String c : columns) {
            if (!seen.add(c)) {
                throw JobException.input("input has two columns named '" + c + "'");
            }
        }
    }

    private static int columnNumber(String value, String key, int width, int dflt) {
        if (value == null) {
            return dflt;
        }
        try {
            int c = Integer.parseInt(value.trim());
            if (c >= 1 && c <= width) {
                return c;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw JobException.config(key + ": invalid value '" + value + "' (a csv without header takes a 1-based "
                + "column number from 1 to " + width + ")");
    }

    private static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    private static String abbreviate(String[] columns) {
        List<String> shown = Arrays.asList(columns).subList(0, Math.min(columns.length, 12));
        return String.join(", ", shown) + (columns.length > 12 ? ", …" : "");
    }

    private String describeBadRows(List<PartitionAudit> audits, long bad, long seen) {
        PartitionAudit.FirstRejected first = PartitionAudit.firstRejected(audits);
        String where;
        if (config.numPartitions() > 0) {
            where = "in " + first.file();
        } else {
            long row = first.rowInFile() + 1;
            where = "at data row " + row + (config.format() == InputFormat.CSV && config.header()
                    ? " (line " + (row + 1) + ")" : "") + " of " + first.file();
        }
        return bad + " bad row" + (bad == 1 ? "" : "s") + " of " + seen + " in " + config.input() + "; first "
                + where + ": " + first.problem() + ": '" + first.text() + "'";
    }

    /** Whether a failed Spark job failed because a task could not read or decode an input file. */
    private static boolean isReadFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SparkThrowable st && st.getCondition() != null
                    && st.getCondition().startsWith("FAILED_READ_FILE")) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's message, on one line. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        msg = msg.replaceAll("\\s+", " ").trim();
        return msg.length() > 300 ? msg.substring(0, 300) + "…" : msg;
    }
}
