package org.sparklasso.input;


import java.io.Serializable;

/**
 * Where the loader finds each piece of a Spark {@code Row}: label, weight, features (numeric
 * columns or one ML vector column), the CSV reader's corrupt-record column, the file name and the
 * fold column. An index of -1 means "absent". Without a fold column, {@code nfolds > 0} assigns
 * folds at random from {@code seed}.
 */
public record RowLayout(int label, int weight, int[] featureColumns, int vectorColumn, int numFeatures,
                        int corruptRecord, int fileName, int foldColumn, int nfolds, long seed,
                        LabelEncoder classes) implements Serializable {

    public RowLayout(int label, int weight, int[] featureColumns, int vectorColumn, int numFeatures,
                     int corruptRecord, int fileName, int foldColumn, int nfolds, long seed) {
        this(label, weight, featureColumns, vectorColumn, numFeatures, corruptRecord, fileName, foldColumn, nfolds,
                seed, null);
    }

    /** The same layout with cross-validation folds taken from a column or assigned at random. */
    public RowLayout withFolds(int column, int folds, long randomSeed) {
        return new RowLayout(label, weight, featureColumns, vectorColumn, numFeatures, corruptRecord, fileName,
                column, folds, randomSeed, classes);
    }

    /** The same layout with a (string) label column encoded as class indices. */
    public RowLayout withClasses(LabelEncoder encoder) {
        return new RowLayout(label, weight, featureColumns, vectorColumn, numFeatures, corruptRecord, fileName,
                foldColumn, nfolds, seed, encoder);
    }

    public boolean hasFolds() {
        return foldColumn >= 0 || nfolds > 0;
    }

    public boolean isVector() {
        return vectorColumn >= 0;
    }
}
