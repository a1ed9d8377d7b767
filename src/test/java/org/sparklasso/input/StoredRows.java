package org.sparklasso.input;

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
}
