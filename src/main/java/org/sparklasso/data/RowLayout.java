package org.sparklasso.data;

import java.io.Serializable;

/**
 * Where the loader finds each piece of a Spark {@code Row}: label, weight, features (numeric
 * columns or one ML vector column), the CSV reader's corrupt-record column and the file name.
 * An index of -1 means "absent".
 */
public record RowLayout(int label, int weight, int[] featureColumns, int vectorColumn, int numFeatures,
                        int corruptRecord, int fileName) implements Serializable {

    public boolean isVector() {
        return vectorColumn >= 0;
    }
}
