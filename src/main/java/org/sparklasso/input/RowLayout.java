package org.sparklasso.input;


import java.io.Serializable;

/**
 * Where the loader finds each piece of a Spark {@code Row}: label, weight, features (numeric
 * columns or one ML vector column), the CSV reader's corrupt-record column, the file name and the
 * fold column. An index of -1 means "absent"; the file name may also be {@link #SCANNED_FILE}.
 * Without a fold column, {@code nfolds > 0} assigns folds at random from {@code seed}. With
 * {@code classLabels} the label column is text whose distinct values are the classes: each
 * partition codes them as it meets them ({@link BlockBuilder}), and the loader maps the codes to
 * class indices once it has seen every partition. With a {@code numberText} the numeric columns hold
 * the text of numbers (CSV), parsed while packing.
 */
public record RowLayout(int label, int weight, int[] featureColumns, int vectorColumn, int numFeatures,
                        int corruptRecord, int fileName, int foldColumn, int nfolds, long seed,
                        boolean classLabels, NumberText numberText) implements Serializable {

    /** {@link #fileName}'s "the file the scan is reading" ({@link ScannedFile}) rather than a column. */
    public static final int SCANNED_FILE = -2;

    public RowLayout(int label, int weight, int[] featureColumns, int vectorColumn, int numFeatures,
                     int corruptRecord, int fileName, int foldColumn, int nfolds, long seed) {
        this(label, weight, featureColumns, vectorColumn, numFeatures, corruptRecord, fileName, foldColumn, nfolds,
                seed, false, null);
    }

    /** The same layout with cross-validation folds taken from a column or assigned at random. */
    public RowLayout withFolds(int column, int folds, long randomSeed) {
        return new RowLayout(label, weight, featureColumns, vectorColumn, numFeatures, corruptRecord, fileName,
                column, folds, randomSeed, classLabels, numberText);
    }

    /** The same layout with a (text) label column whose values are classes. */
    public RowLayout withClassLabels() {
        return new RowLayout(label, weight, featureColumns, vectorColumn, numFeatures, corruptRecord, fileName,
                foldColumn, nfolds, seed, true, numberText);
    }

    /** The same layout with its numeric columns (label, weight, fold, features) read as text, parsed by {@code text}. */
    public RowLayout withNumbersAsText(NumberText text) {
        return new RowLayout(label, weight, featureColumns, vectorColumn, numFeatures, corruptRecord, fileName,
                foldColumn, nfolds, seed, classLabels, text);
    }

    public boolean hasFolds() {
        return foldColumn >= 0 || nfolds > 0;
    }

    public boolean isVector() {
        return vectorColumn >= 0;
    }
}
