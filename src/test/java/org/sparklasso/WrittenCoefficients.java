package org.sparklasso;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The models as the job wrote them: reads a {@code coefficients/} or {@code path/} Parquet table
 * back (columns lambda, feature, index, coefficient, class) into per-λ intercepts and coefficient
 * arrays. Rows absent from the table (path/ keeps only nonzeros) are zero.
 */
public final class WrittenCoefficients {
    /** One model: intercept[k] and beta[k][j], k over classes (one row for gaussian/binomial). */
    public record Model(double lambda, double[] intercept, double[][] beta) {
    }

    private WrittenCoefficients() {
    }

    /**
     * Reads {@code dir} (a Parquet directory). {@code classes}: the class order for multinomial,
     * or null when the class column must be null (gaussian, binomial). {@code features}: the
     * feature names by index (each row's name must match). Models are returned by decreasing λ.
     */
    public static List<Model> read(String dir, List<String> classes, List<String> features) {
        List<Row> rows = SparkTestSession.get().read().parquet(dir).collectAsList();
        int k = classes == null ? 1 : classes.size();
        int p = features.size();
        Map<Double, Model> byLambda = new TreeMap<>((a, b) -> Double.compare(b, a));
        for (Row r : rows) {
            double lambda = r.getDouble(r.fieldIndex("lambda"));
            Model m = byLambda.computeIfAbsent(lambda, l -> new Model(l, new double[k], new double[k][p]));
            int c = 0;
            if (classes != null) {
                String cls = r.getString(r.fieldIndex("class"));
                c = classes.indexOf(cls);
                if (c < 0) {
                    throw new AssertionError("class " + cls + " not in " + classes);
                }
            } else if (!r.isNullAt(r.fieldIndex("class"))) {
                throw new AssertionError("class column should be null: " + r);
            }
            int index = r.getInt(r.fieldIndex("index"));
            double value = r.getDouble(r.fieldIndex("coefficient"));
            if (index < 0) {
                m.intercept()[c] = value;
            } else {
                if (!features.get(index).equals(r.getString(r.fieldIndex("feature")))) {
                    throw new AssertionError("feature " + index + " written as " + r.getString(r.fieldIndex("feature"))
                            + ", expected " + features.get(index));
                }
                m.beta()[c][index] = value;
            }
        }
        return List.copyOf(byLambda.values());
    }
}
