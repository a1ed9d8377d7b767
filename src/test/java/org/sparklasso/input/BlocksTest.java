package org.sparklasso.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.sparklasso.SparkTestSession;
import org.sparklasso.block.Block;
import org.sparklasso.block.SparseBlock;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.JobException;

/** The public step, called as an Estimator would: an in-memory Dataset, no file and no CLI config. */
class BlocksTest {
    private static final int P = 20;
    private static final StructType VECTOR_ROWS = new StructType()
            .add("y", DataTypes.DoubleType).add("w", DataTypes.DoubleType).add("fold", DataTypes.IntegerType)
            .add("features", new VectorUDT());

    /**
     * Row i: label i, weight 1 + i % 2, fold 1 + i % 3 (glmnet's 1..K), features alternately a sparse
     * and a dense vector, with at most 3 of 20 entries nonzero.
     */
    private static Row vectorRow(int i) {
        Vector x;
        if (i % 2 == 0) {
            x = Vectors.sparse(P, new int[] {i % 4, P - 1}, new double[] {i + 0.5, -1});
        } else {
            double[] dense = new double[P];
            dense[1] = i;
            dense[3] = 2.5;
            dense[10] = i % 4;
            x = Vectors.dense(dense);
        }
        return RowFactory.create((double) i, 1.0 + i % 2, 1 + i % 3, x);
    }

    private static BlockSpec spec(String label, String weight, String fold, Family family, int nfolds) {
        return new BlockSpec(label, List.of(), null, weight, fold, nfolds, 7L, family, 2, 8, false);
    }

    @Test
    void packsAVectorColumnOfSparseAndDenseRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(vectorRow(i));
        }
        Dataset<Row> df = SparkTestSession.get().createDataFrame(rows, VECTOR_ROWS);
        LoadedData data = Blocks.cache(df, spec("y", "w", "fold", Family.GAUSSIAN, 0), "memory rows");
        try {
            assertEquals(30, data.rows());
            assertEquals(P, data.numFeatures());
            assertEquals(P, data.featureNames().size());
            assertEquals("features_0", data.featureNames().get(0));
            assertEquals("features_19", data.featureNames().get(P - 1));
            assertEquals(3, data.numFolds(), "fold ids 1..3 become folds 0..2");
            assertNull(data.classes());
            assertNull(data.local());
            assertEquals(2, data.blocks().getNumPartitions());
            long stored = 0;
            int seen = 0;
            List<Block> blocks = data.blocks().collect();
            assertTrue(blocks.stream().allMatch(b -> b instanceof SparseBlock), "mostly-zero rows give CSR blocks");
            for (Block b : blocks) {
                assertTrue(b.rows() <= 8, "blockRows is honoured");
                double[][] x = new double[b.rows()][P];
                b.forEachEntry((r, j, v) -> x[r][j] = v);
                for (int r = 0; r < b.rows(); r++) {
                    int i = (int) b.label(r);
                    assertArrayEquals(vectorRow(i).<Vector>getAs(3).toArray(), x[r], "features of row " + i);
                    assertEquals(1.0 + i % 2, b.weight(r), "weight of row " + i);
                    assertEquals(i % 3, b.fold(r), "fold of row " + i);
                    seen++;
                }
                stored += b.storedValues();
            }
            assertEquals(30, seen);
            assertEquals(stored, data.storedValues());
            assertEquals(15 * 2 + 15 * 3, stored, "only nonzeros are stored");
        } finally {
            data.release(true);
        }
    }

    @Test
    void classLabelsAndNumericColumnsWithRandomFolds() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(RowFactory.create(i % 3 == 0 ? "yes" : "no", (double) i, i * 0.5f, (long) -i));
        }
        StructType schema = new StructType().add("label", DataTypes.StringType).add("a", DataTypes.DoubleType)
                .add("b", DataTypes.FloatType).add("c", DataTypes.LongType);
        Dataset<Row> df = SparkTestSession.get().createDataFrame(rows, schema);
        LoadedData data = Blocks.cache(df, spec(null, null, null, Family.BINOMIAL, 4), "memory rows");
        try {
            assertEquals(40, data.rows());
            assertEquals(List.of("a", "b", "c"), data.featureNames(), "every column but the label");
            assertEquals(List.of("no", "yes"), data.classes().classNames());
            assertEquals(4, data.numFolds());
            assertEquals(40 * 3, data.storedValues());
        } finally {
            data.release(true);
        }
    }

    /** Label spellings of the classes 1, 2, 3 and 10 (numeric classes sort as numbers: 10 is last). */
    private static final String[][] SPELLINGS = {{"1", "1.0", " 1"}, {"2", "2.00", "2 "}, {"3", "3e0", "3"},
        {"10", "1e1", "10.0"}};

    /**
     * The packing pass codes labels per partition as it meets them; the loader maps the codes to
     * class indices afterwards. Here the partitions meet the classes in different orders and
     * spellings, and fold ids 1..3 move to 0..2 in the same step: every row must come out with the
     * class index of its own label (feature a carries the row number, so each row is checked).
     */
    @Test
    void classLabelsCodedPerPartitionMapToOneClassIndexEach() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 97; i++) {
            int k = (i * 7 + i / 13) % 4;
            rows.add(RowFactory.create(SPELLINGS[k][i % 3], (double) i, 1 + i % 3));
        }
        StructType schema = new StructType().add("label", DataTypes.StringType).add("a", DataTypes.DoubleType)
                .add("fold", DataTypes.IntegerType);
        Dataset<Row> df = SparkTestSession.get().createDataFrame(rows, schema).repartition(3);
        BlockSpec spec = new BlockSpec(null, List.of(), null, null, "fold", 0, 1L, Family.MULTINOMIAL, 0, 8, false);
        LoadedData data = Blocks.cache(df, spec, "memory rows");
        try {
            assertEquals(List.of("1", "2", "3", "10"), data.classes().classNames());
            assertEquals(3, data.numFolds());
            int seen = 0;
            for (Block b : data.blocks().collect()) {
                double[] a = new double[b.rows()];
                b.forEachEntry((r, j, v) -> a[r] = v);
                for (int r = 0; r < b.rows(); r++) {
                    int i = (int) a[r];
                    assertEquals((i * 7 + i / 13) % 4, b.label(r), "class of row " + i);
                    assertEquals(i % 3, b.fold(r), "fold of row " + i);
                    seen++;
                }
            }
            assertEquals(97, seen);
        } finally {
            data.release(true);
        }
    }

    @Test
    void classLabelsAreCheckedOverEveryPartition() {
        StructType schema = new StructType().add("label", DataTypes.StringType).add("a", DataTypes.DoubleType);
        List<Row> three = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            three.add(RowFactory.create(i == 29 ? "maybe" : i % 2 == 0 ? "yes" : "no", (double) i));
        }
        Dataset<Row> df = SparkTestSession.get().createDataFrame(three, schema);
        JobException e = assertThrows(JobException.class,
                () -> Blocks.cache(df, spec(null, null, null, Family.BINOMIAL, 0), "memory rows"));
        assertEquals("labelCol: family binomial needs exactly 2 label values, found 3: [maybe, no, yes] "
                + "(use family=multinomial)", e.getMessage());
        List<Row> many = new ArrayList<>();
        for (int i = 0; i < 1001 + 40; i++) {
            many.add(RowFactory.create("c" + (i % 1001), (double) i));
        }
        JobException tooMany = assertThrows(JobException.class, () -> Blocks.cache(
                SparkTestSession.get().createDataFrame(many, schema), spec(null, null, null, Family.MULTINOMIAL, 0),
                "memory rows"));
        assertEquals("labelCol: more than 1000 distinct label values", tooMany.getMessage());
        List<Row> blank = new ArrayList<>(three.subList(0, 29));
        blank.set(11, RowFactory.create("  ", 11.0));
        JobException missing = assertThrows(JobException.class, () -> Blocks.cache(
                SparkTestSession.get().createDataFrame(blank, schema), spec(null, null, null, Family.BINOMIAL, 0),
                "memory rows"));
        assertTrue(missing.getMessage().startsWith("1 bad row of 29 in memory rows; first in the input: missing label"),
                missing.getMessage());
    }

    @Test
    void aBadRowIsRefusedNamingTheSource() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double x = i == 6 ? Double.NaN : 1;
            rows.add(RowFactory.create((double) i, 1.0, 1, Vectors.sparse(P, new int[] {2}, new double[] {x})));
        }
        Dataset<Row> df = SparkTestSession.get().createDataFrame(rows, VECTOR_ROWS);
        BlockSpec spec = new BlockSpec("y", List.of(), "features", null, null, 0, 1L, Family.GAUSSIAN, 0, 0, false);
        JobException e = assertThrows(JobException.class, () -> Blocks.cache(df, spec, "memory rows"));
        assertTrue(e.getMessage().startsWith("1 bad row of 10 in memory rows; first at data row 7 of the input: "
                + "a feature is NaN or infinite"), e.getMessage());
        JobException missing = assertThrows(JobException.class,
                () -> Blocks.cache(df, spec("label", null, null, Family.GAUSSIAN, 0), "memory rows"));
        assertEquals("labelCol: column 'label' not found in memory rows (columns: y, w, fold, features)",
                missing.getMessage());
    }
}
