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
