package org.sparklasso.cli;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.SparkTestSession;

/**
 * The {@code generate} command: every row of every partition is written (partitions of unequal
 * size), the same seed gives the same data, and the rows follow the stated model (equicorrelated
 * features, the sparse density).
 */
class SyntheticDataTest {
    @TempDir
    Path dir;

    private static SyntheticDataJob.Settings settings(Path out, String format, long rows, int p, double density,
                                                      long seed) {
        return new SyntheticDataJob.Settings(out.toString(), format, rows, p, 3, 0.5, density, 1.0, seed, 4);
    }

    @Test
    void denseRowsAreAllWrittenAndReproducible() {
        SparkSession spark = SparkTestSession.get();
        SyntheticDataJob.generate(spark, settings(dir.resolve("a"), "parquet", 3001, 5, 1.0, 7));
        SyntheticDataJob.generate(spark, settings(dir.resolve("b"), "parquet", 3001, 5, 1.0, 7));
        SyntheticDataJob.generate(spark, settings(dir.resolve("c"), "parquet", 3001, 5, 1.0, 8));
        Dataset<Row> a = spark.read().parquet(dir.resolve("a").toString());
        Dataset<Row> b = spark.read().parquet(dir.resolve("b").toString());
        Dataset<Row> c = spark.read().parquet(dir.resolve("c").toString());
        assertEquals(3001, a.count(), "3001 rows over 4 partitions");
        assertEquals(List.of("x1", "x2", "x3", "x4", "x5", "label"), List.of(a.columns()));
        assertEquals(0, a.except(b).count() + b.except(a).count(), "same seed, same rows");
        assertEquals(3001, a.except(c).count(), "another seed, other rows");
        assertTrue(Files.exists(dir.resolve("a").resolve("_true_coefficients.csv")));

        // equicorrelated features with ρ = 0.5: the sample correlation of x1 and x2 is near 0.5
        double corr = a.stat().corr("x1", "x2");
        assertTrue(Math.abs(corr - 0.5) < 0.06, "corr(x1, x2) = " + corr);
    }

    @Test
    void sparseRowsHaveTheStatedDensity() {
        SparkSession spark = SparkTestSession.get();
        SyntheticDataJob.generate(spark, settings(dir.resolve("s"), "libsvm", 2000, 50, 0.2, 7));
        List<Row> rows = spark.read().format("libsvm").option("numFeatures", "50")
                .load(dir.resolve("s").toString()).collectAsList();
        assertEquals(2000, rows.size());
        long stored = rows.stream().mapToLong(r -> ((Vector) r.getAs("features")).numNonzeros()).sum();
        double density = stored / (2000.0 * 50);
        assertTrue(Math.abs(density - 0.2) < 0.01, "density " + density);
    }

    /**
     * family binomial: 0/1 labels drawn from the logistic model with signalSd 2, so among rows whose true
     * linear predictor is positive most labels are 1, and among the others most are 0.
     */
    @Test
    void binomialLabelsFollowTheLogisticModel() {
        SparkSession spark = SparkTestSession.get();
        SyntheticDataJob.Settings s = SyntheticDataJob.parse(new String[] {"--output", dir.resolve("b.parquet").toString(),
                "--rows", "4000", "--features", "6", "--nonzeros", "2", "--family", "binomial", "--partitions", "3"});
        SyntheticDataJob.generate(spark, s);
        List<Row> rows = spark.read().parquet(s.output()).collectAsList();
        assertEquals(4000, rows.size());
        double[] beta = SyntheticDataJob.trueBeta(6, 2);
        double onesPositive = 0;
        double positive = 0;
        double onesNegative = 0;
        double negative = 0;
        for (Row r : rows) {
            double y = r.getDouble(r.fieldIndex("label"));
            assertTrue(y == 0 || y == 1, "label " + y);
            double eta = 0;
            for (int j = 0; j < 6; j++) {
                eta += beta[j] * r.getDouble(j);
            }
            if (eta > 0) {
                positive++;
                onesPositive += y;
            } else {
                negative++;
                onesNegative += y;
            }
        }
        double high = onesPositive / positive;
        double low = onesNegative / negative;
        assertTrue(high > 0.7 && low < 0.3, "P(y=1 | eta>0) = " + high + ", P(y=1 | eta<=0) = " + low);
        assertThrows(org.sparklasso.spec.JobException.class, () -> SyntheticDataJob.parse(new String[] {
                "--output", "x.csv", "--family", "poisson"}));
    }
}
