package org.sparklasso.input;

import org.sparklasso.path.TrainingResult;

import org.sparklasso.block.Block;
import org.sparklasso.block.SparseBlock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.cli.ConfigParser;
import org.sparklasso.path.FittedModel;

/**
 * A sparse LIBSVM input (CSR blocks) gives the same model as the same numbers in a dense CSV,
 * with both solvers, and its features are named f&lt;index as written in the file&gt;.
 */
class SparseInputTest {
    @TempDir
    static Path dir;
    static Path libsvm;
    static Path csv;

    @BeforeAll
    static void writeData() throws IOException {
        Random rnd = new Random(7);
        int n = 300;
        int p = 40;
        List<String> svm = new ArrayList<>();
        List<String> dense = new ArrayList<>();
        StringBuilder header = new StringBuilder();
        for (int j = 1; j <= p; j++) {
            header.append('f').append(j).append(',');
        }
        dense.add(header.append("label").toString());
        for (int i = 0; i < n; i++) {
            double[] x = new double[p];
            double y = rnd.nextGaussian();
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < p; j++) {
                if (rnd.nextDouble() < 0.12) {
                    x[j] = (j + 1) * rnd.nextGaussian();
                    s.append(' ').append(j + 1).append(':').append(x[j]);
                }
            }
            y += 2 * x[0] - x[3] / 4 + 0.5 * x[10] / 11;
            svm.add(y + s.toString());
            StringBuilder d = new StringBuilder();
            for (double v : x) {
                d.append(v).append(',');
            }
            dense.add(d.append(y).toString());
        }
        libsvm = dir.resolve("sparse.libsvm");
        csv = dir.resolve("sparse.csv");
        Files.write(libsvm, svm);
        Files.write(csv, dense);
    }

    @Test
    void libsvmMatchesDenseCsv() {
        for (String solver : List.of("cd", "workingset", "fista")) {
            TrainingResult sparse = TestFits.fit("--input", libsvm.toString(), "--lambda", "0.2,0.05",
                    "--solver", solver, "--tol", "1e-11");
            TrainingResult dense = TestFits.fit("--input", csv.toString(), "--labelCol", "label",
                    "--lambda", "0.2,0.05", "--solver", solver, "--tol", "1e-11");
            for (int k = 0; k < 2; k++) {
                FittedModel a = sparse.fits().get(k);
                FittedModel b = dense.fits().get(k);
                assertEquals(b.solve().objective(), a.solve().objective(), 1e-9 * b.solve().objective(), solver);
                assertArrayEquals(b.coefficients(), a.coefficients(), 1e-5, solver);
                assertEquals(b.intercept(), a.intercept(), 1e-5, solver);
                assertTrue(a.nnz() > 0 && a.nnz() < 40);
            }
        }
    }

    @Test
    void parquetNumericColumnsAndVectorColumnMatchCsv() {
        org.apache.spark.sql.SparkSession spark = SparkTestSession.get();
        String numeric = dir.resolve("numeric.parquet").toString();
        String vector = dir.resolve("vector.parquet").toString();
        spark.read().option("header", "true").option("inferSchema", "true").csv(csv.toString())
                .write().mode("overwrite").parquet(numeric);
        spark.read().format("libsvm").load(libsvm.toString()).withColumnRenamed("features", "x")
                .write().mode("overwrite").parquet(vector);
        TrainingResult dense = TestFits.fit("--input", csv.toString(), "--lambda", "0.1", "--tol", "1e-11");
        TrainingResult fromNumeric = TestFits.fit("--input", numeric, "--lambda", "0.1", "--tol", "1e-11");
        TrainingResult fromVector = TestFits.fit("--input", vector, "--featuresCol", "x", "--lambda", "0.1",
                "--tol", "1e-11");
        for (TrainingResult r : List.of(fromNumeric, fromVector)) {
            assertArrayEquals(dense.fits().get(0).coefficients(), r.fits().get(0).coefficients(), 1e-6);
            assertEquals(dense.fits().get(0).solve().objective(), r.fits().get(0).solve().objective(),
                    1e-9 * dense.fits().get(0).solve().objective());
        }
    }

    @Test
    void weightedSparseVectorsGiveTheSameModelWithGatheredColumnsAsWithStatistics() {
        // workingset on sparse data solves its working sets on gathered columns (ColumnCoordinateDescent);
        // cd on the coordinate statistics: same weighted model, with and without folds
        String weighted = dir.resolve("weighted.parquet").toString();
        SparkTestSession.get().read().format("libsvm").load(libsvm.toString())
                .withColumn("w", org.apache.spark.sql.functions.rand(3).plus(0.25))
                .write().mode("overwrite").parquet(weighted);
        for (String folds : List.of("0", "3")) {
            TrainingResult cd = TestFits.fit("--input", weighted, "--featuresCol", "features", "--weightCol",
                    "w", "--lambda", "0.2,0.05", "--solver", "cd", "--tol", "1e-11", "--nfolds", folds);
            TrainingResult ws = TestFits.fit("--input", weighted, "--featuresCol", "features", "--weightCol",
                    "w", "--lambda", "0.2,0.05", "--solver", "workingset", "--tol", "1e-11", "--nfolds", folds);
            for (int k = 0; k < 2; k++) {
                FittedModel a = cd.fits().get(k);
                FittedModel b = ws.fits().get(k);
                assertEquals(a.solve().objective(), b.solve().objective(), 1e-9 * a.solve().objective());
                assertArrayEquals(a.coefficients(), b.coefficients(), 1e-5);
                assertEquals(a.intercept(), b.intercept(), 1e-5);
            }
            if (!folds.equals("0")) {
                double[] x = cd.cv().summary().cvm();
                double[] y = ws.cv().summary().cvm();
                for (int l = 0; l < x.length; l++) {
                    assertEquals(x[l], y[l], 1e-7 * x[l], "cvm at λ " + l);
                }
            }
        }
    }

    @Test
    void libsvmIsPackedIntoSparseBlocksWithFileIndexNames() {
        LoadedData data = TestFits.load(ConfigParser.parse(new String[] {
                "--input", libsvm.toString(), "--lambda", "1", "--output", "/unused"}));
        try {
            assertEquals("f1", data.featureNames().get(0));
            assertEquals("f40", data.featureNames().get(39));
            List<Block> blocks = data.blocks().collect();
            assertTrue(blocks.stream().anyMatch(b -> b instanceof SparseBlock), "CSR blocks");
            assertTrue(data.storedValues() < 0.2 * 300 * 40, "only nonzeros are stored");
        } finally {
            data.release(false);
        }
    }
}
