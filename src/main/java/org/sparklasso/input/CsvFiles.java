package org.sparklasso.input;

import static org.sparklasso.input.InputText.abbreviate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.spec.JobException;

/**
 * Reads CSV/TSV input with Spark's CSV reader, with or without a header line. Every column is read
 * as text: the numeric ones (label, features, weights and fold ids) are parsed while packing, by
 * {@link NumberText}, as Spark would parse a {@code DoubleType} column but several times faster. The
 * reader runs permissively with a corrupt-record column and each row's file name, so the packing step
 * can report every malformed line (a wrong number of fields; a non-numeric value it finds itself)
 * with its file and line number.
 */
final class CsvFiles {
    private static final String CORRUPT = "_corrupt_record";

    private final SparkSession spark;
    private final ReadSpec read;
    private final BlockSpec spec;

    CsvFiles(SparkSession spark, ReadSpec read, BlockSpec spec) {
        this.spark = spark;
        this.read = read;
        this.spec = spec;
    }

    /** The rows, with the header's names or, without a header, columns numbered from 1. */
    RowSource read() throws IOException {
        return read.header() ? readWithHeader() : readWithoutHeader();
    }

    /** Spark's CSV reader with the user's options ({@code sep}, {@code csv.*}) and the header flag. */
    private DataFrameReader csvReader(boolean header) {
        return spark.read().options(read.csvOptions()).option("header", String.valueOf(header));
    }

    /**
     * The CSV's columns as the reader sees them (from the first line), refusing an empty file and a
     * line that is one column holding another separator (a {@code ;}- or tab-separated file read
     * with the default comma).
     */
    private String[] csvColumns(boolean header) throws IOException {
        String input = read.input();
        String[] columns = CsvHeaderLine.columns(input, read.csvOptions(), spark.sparkContext().hadoopConfiguration(),
                header).orElseGet(() -> csvReader(header).csv(input).columns());
        if (columns.length == 0) {
            throw JobException.input("input " + input + " is empty (no lines to read"
                    + (header ? ", not even a header" : "") + ")");
        }
        if (columns.length == 1) {
            String line = header ? columns[0] : CsvHeaderLine.firstLine(input, read.csvOptions(),
                    spark.sparkContext().hadoopConfiguration()).orElse("");
            String sep = read.csvOptions().getOrDefault("sep", ",");
            // separators people use, each as it is written in a config (sep=\t for a tab)
            Map<String, String> candidates = new java.util.LinkedHashMap<>();
            candidates.put(";", ";");
            candidates.put("\t", "\\t");
            candidates.put("|", "|");
            candidates.put(",", ",");
            candidates.put(" ", "' '");
            for (Map.Entry<String, String> c : candidates.entrySet()) {
                if (!c.getKey().equals(sep) && line.contains(c.getKey())) {
                    throw JobException.input("input " + input + " reads as one column '"
                            + abbreviate(new String[] {line.replace("\t", "\\t")}) + "' with sep="
                            + candidates.getOrDefault(sep, sep) + "; its first line looks " + c.getValue()
                            + "-separated: try sep=" + c.getValue());
                }
            }
            throw JobException.input("input " + input + " has a single column; it needs a label and at "
                    + "least one feature");
        }
        return columns;
    }

    private RowSource readWithHeader() throws IOException {
        String input = read.input();
        String[] columns = csvColumns(true);
        java.util.Optional<String> duplicate = CsvHeaderLine.firstDuplicate(input, read.csvOptions(),
                spark.sparkContext().hadoopConfiguration());
        if (duplicate.isPresent()) {
            throw JobException.input("input " + input + " has two columns named '" + duplicate.get()
                    + "' in its header (names are compared ignoring case, as Spark does)");
        }
        String label = spec.labelCol() != null ? spec.labelCol() : DatasetColumns.DEFAULT_LABEL_COL;
        DatasetColumns.requireColumn(columns, label, "labelCol", input);
        String weight = spec.weightCol();
        if (weight != null) {
            DatasetColumns.requireColumn(columns, weight, "weightCol", input);
        }
        String fold = spec.foldCol();
        if (fold != null) {
            DatasetColumns.requireColumn(columns, fold, "foldCol", input);
        }
        List<String> features = DatasetColumns.chooseFeatures(columns, spec, label, weight, fold, input);
        DatasetColumns.checkDistinct(columns);
        List<StructField> fields = new ArrayList<>();
        for (String c : columns) {
            fields.add(DataTypes.createStructField(c, DataTypes.StringType, true));
        }
        return csvSource(new StructType(fields.toArray(new StructField[0])), true, label, weight, fold, features,
                features);
    }

    private RowSource readWithoutHeader() throws IOException {
        int width = csvColumns(false).length;
        int label = columnNumber(spec.labelCol(), "labelCol", width, 1);
        int weight = spec.weightCol() == null ? -1 : columnNumber(spec.weightCol(), "weightCol", width, -1);
        int fold = spec.foldCol() == null ? -1 : columnNumber(spec.foldCol(), "foldCol", width, -1);
        if (weight == label || fold == label || weight > 0 && weight == fold) {
            throw JobException.config("labelCol, weightCol and foldCol must be different columns (got "
                    + label + ", " + weight + ", " + fold + ")");
        }
        List<StructField> fields = new ArrayList<>();
        List<String> featureColumns = new ArrayList<>();
        List<String> featureNames = new ArrayList<>();
        for (int c = 1; c <= width; c++) {
            String name = "_c" + c;
            fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
            if (c != label && c != weight && c != fold) {
                featureColumns.add(name);
                featureNames.add("x" + (featureNames.size() + 1));
            }
        }
        return csvSource(new StructType(fields.toArray(new StructField[0])), false, "_c" + label,
                weight > 0 ? "_c" + weight : null, fold > 0 ? "_c" + fold : null, featureColumns, featureNames);
    }

    private RowSource csvSource(StructType schema, boolean header, String label, String weight, String fold,
                                List<String> featureColumns, List<String> featureNames) {
        StructType withCorrupt = schema.add(CORRUPT, DataTypes.StringType, true);
        Dataset<Row> df = csvReader(header)
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .option("enforceSchema", "true")
                .schema(withCorrupt)
                .csv(read.input());
        // the scan alone: its rows straight from the reader, the file name read beside them (ScannedFile)
        List<String> names = Arrays.asList(df.columns());
        int[] feats = featureColumns.stream().mapToInt(names::indexOf).toArray();
        RowLayout layout = new RowLayout(names.indexOf(label), weight == null ? -1 : names.indexOf(weight),
                feats, -1, feats.length, names.indexOf(CORRUPT), RowLayout.SCANNED_FILE,
                fold == null ? -1 : names.indexOf(fold), 0, 0L).withNumbersAsText(NumberText.of(read.csvOptions()));
        RowSource rows = RowSource.of(df, layout, featureNames, read.input());
        CsvLines lines = CsvLines.of(spark, read.input(), read.csvOptions(), header, schema.length());
        return lines == null ? rows : rows.withDirect(lines);
    }

    /** A 1-based column number of a csv without header ({@code dflt} when not given). */
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
}
