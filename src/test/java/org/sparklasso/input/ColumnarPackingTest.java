package org.sparklasso.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.SparkTestSession;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.JobException;

/**
 * Parquet packed from the scan's columnar batches against the same file packed from rows (the
 * path every other input takes): the same rows, labels, weights, folds and features, bit for bit;
 * a row the batches cannot take falls back to the rows and their message.
 */
class ColumnarPackingTest {
    @TempDir
    Path dir;

    @AfterEach
    void columnarBackOn() {
        Blocks.directPacking = true;
    }

    /**
     * Row i: an id, a class label (integer), weight, fold id 1..3, and 120 features of several
     * types; {@code bad} (when not null) in feature x5 of row n-3.
     */
    private String write(int n, Double bad) {
        StructType schema = new StructType().add("id", DataTypes.DoubleType).add("label", DataTypes.IntegerType)
                .add("w", DataTypes.DoubleType).add("fold", DataTypes.LongType).add("f", DataTypes.FloatType)
                .add("i", DataTypes.IntegerType);
        for (int j = 0; j < 118; j++) {
            schema = schema.add("x" + j, DataTypes.DoubleType);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            Object[] v = new Object[schema.length()];
            v[0] = (double) r;
            v[1] = (r * 7) % 3 * 10;
            v[2] = 0.5 + r % 4;
            v[3] = (long) (1 + r % 3);
            v[4] = (float) (r * 0.1);
            v[5] = r % 11 - 5;
            for (int j = 0; j < 118; j++) {
                v[6 + j] = bad != null && r == n - 3 && j == 5 ? bad : Math.sin(r * 0.37 + j) * (j + 1);
            }
            rows.add(RowFactory.create(v));
        }
        String path = dir.resolve("cols-" + n + "-" + bad + ".parquet").toString();
        SparkTestSession.get().createDataFrame(rows, schema).repartition(3).write().parquet(path);
        return path;
    }

    private static LoadedData load(String path, boolean columnar) {
        Blocks.directPacking = columnar;
        SparkSession spark = SparkTestSession.get();
        BlockSpec spec = new BlockSpec(null, List.of(), null, "w", "fold", 0, 1L, Family.MULTINOMIAL, 0, 500, false);
        return new DataLoader(spark, new ReadSpec(path, InputFormat.PARQUET, false, null), spec).load();
    }

    @Test
    void packsTheSameBlocksAsTheRowPath() {
        String path = write(4000, null);
        int before = Blocks.directPacked.get();
        LoadedData columnar = load(path, true);
        LoadedData rows = load(path, false);
        try {
            assertEquals(before + 1, Blocks.directPacked.get(), "the batches were packed");
            assertEquals(rows.featureNames(), columnar.featureNames());
            assertEquals(rows.classes().classNames(), columnar.classes().classNames());
            assertEquals(List.of("0", "10", "20"), columnar.classes().classNames());
            assertEquals(rows.numFolds(), columnar.numFolds());
            assertEquals(rows.rows(), columnar.rows());
            assertEquals(rows.storedValues(), columnar.storedValues());
            assertEquals(4000, StoredRows.assertSameRows(rows, columnar).size());
        } finally {
            columnar.release(true);
            rows.release(true);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aRowTheBatchesCannotTakeIsReportedAsTheRowPathReportsIt(double bad) {
        String path = write(600, bad);
        int before = Blocks.directPacked.get();
        JobException viaColumnar = assertThrows(JobException.class, () -> load(path, true));
        JobException viaRows = assertThrows(JobException.class, () -> load(path, false));
        assertEquals(before, Blocks.directPacked.get());
        assertEquals(viaRows.getMessage(), viaColumnar.getMessage());
        assertEquals(true, viaColumnar.getMessage().contains("NaN or infinite value in column x5"),
                viaColumnar.getMessage());
    }
}
