package org.sparklasso.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.sparklasso.block.Block;

/** The rows a load stored, for comparing two ways of packing the same input. */
final class StoredRows {
    private StoredRows() {
    }

    /** Every stored row by its id (feature 0): label, weight, fold, then the features. */
    static Map<Double, double[]> byId(LoadedData data) {
        Map<Double, double[]> byId = new TreeMap<>();
        for (Block b : data.blocks().collect()) {
            int p = b.numFeatures();
            double[][] x = new double[b.rows()][p];
            b.forEachEntry((r, j, v) -> x[r][j] = v);
            for (int r = 0; r < b.rows(); r++) {
                double[] row = new double[p + 3];
                row[0] = b.label(r);
                row[1] = b.weight(r);
                row[2] = b.fold(r);
                System.arraycopy(x[r], 0, row, 3, p);
                byId.put(x[r][0], row);
            }
        }
        return byId;
    }

    /**
     * Asserts that two loads of the same input hold the same data: {@code rows} rows each, the same
     * feature names, folds and classes, and the same rows by id, bit for bit.
     */
    static void assertSameLoad(LoadedData expected, LoadedData actual, long rows) {
        assertEquals(expected.featureNames(), actual.featureNames());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(rows, actual.rows());
        assertEquals(expected.numFolds(), actual.numFolds());
        assertEquals(expected.classes() == null, actual.classes() == null, "classes on one side only");
        if (expected.classes() != null) {
            assertEquals(expected.classes().classNames(), actual.classes().classNames());
        }
        assertSameRows(expected, actual);
    }

    /**
     * Asserts that {@code actual} stored the same rows as {@code expected}, by id and bit for bit;
     * returns {@code actual}'s rows by id.
     */
    static Map<Double, double[]> assertSameRows(LoadedData expected, LoadedData actual) {
        Map<Double, double[]> a = byId(actual);
        Map<Double, double[]> b = byId(expected);
        assertEquals(b.keySet(), a.keySet());
        for (Double id : a.keySet()) {
            assertArrayEquals(b.get(id), a.get(id), 0.0, "row " + id);
        }
        return a;
    }
}
