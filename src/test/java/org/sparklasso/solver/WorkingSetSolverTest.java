package org.sparklasso.solver;

import org.sparklasso.path.GaussianPaths;
import org.sparklasso.path.TrainingResult;

import org.sparklasso.SparkTestSession;
import org.sparklasso.spec.SolverChoice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.sparklasso.TestFits;
import org.sparklasso.path.FittedModel;
import org.sparklasso.penalty.ElasticNet;

/**
 * The working-set solver on a problem with many more features than rows (sparse LIBSVM input,
 * p = 4000, n = 300): it reaches FISTA's objectives along a path in a small fraction of its
 * passes, it is what {@code auto} picks beyond cdMaxFeatures, it falls back to FISTA when a
 * working set outgrows the driver limit, and its cross-validation matches FISTA's.
 */
class WorkingSetSolverTest {
    private static final int N = 300;
    private static final int P = 4000;
    @TempDir
    static Path dir;
    static Path libsvm;

    @BeforeAll
    static void writeData() throws IOException {
        Random rnd = new Random(11);
        double[] beta = new double[P];
        for (int k = 0; k < 15; k++) {
            beta[rnd.nextInt(P)] = (rnd.nextBoolean() ? 1 : -1) * (1 + 2 * rnd.nextDouble());
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            // about 40 nonzeros per row, in increasing column order
            StringBuilder s = new StringBuilder();
            double y = 0.5 * rnd.nextGaussian();
            for (int j = 0; j < P; j++) {
                if (rnd.nextDouble() < 0.01 || (beta[j] != 0 && rnd.nextDouble() < 0.3)) {
                    double x = rnd.nextGaussian() + 0.5;
                    y += beta[j] * x;
                    s.append(' ').append(j + 1).append(':').append(x);
                }
            }
            lines.add(y + s.toString());
        }
        libsvm = dir.resolve("wide.libsvm");
        Files.write(libsvm, lines);
    }

    private static TrainingResult fit(String solver, String... more) {
        List<String> args = new ArrayList<>(List.of("--input", libsvm.toString(), "--nlambda", "6",
                "--lambdaMinRatio", "0.1", "--tol", "1e-10", "--solver", solver));
        args.addAll(List.of(more));
        return TestFits.fit(args.toArray(new String[0]));
    }

    private static TrainingResult fistaPath;

    /** FISTA's path, the reference of several tests (fitted once: it is the slow one). */
    private static synchronized TrainingResult fistaPath() {
        if (fistaPath == null) {
            fistaPath = fit("fista");
        }
        return fistaPath;
    }

    private static int solverPasses(TrainingResult r) {
        return r.fits().stream().mapToInt(f -> f.solve().passes()).sum();
    }

    @Test
    void reachesFistasObjectivesInFewPasses() {
        TrainingResult ws = fit("workingset");
        TrainingResult fista = fistaPath();
        assertEquals(6, ws.fits().size());
        for (int k = 0; k < ws.fits().size(); k++) {
            FittedModel a = ws.fits().get(k);
            FittedModel b = fista.fits().get(k);
            assertTrue(a.solve().converged() && a.solve().relativeGap() <= 1e-10, "λ " + k);
            assertEquals(b.solve().objective(), a.solve().objective(), 1e-8 * b.solve().objective(), "λ " + k);
            assertArrayEquals(b.coefficients(), a.coefficients(), 1e-4, "λ " + k);
        }
        FittedModel last = ws.fits().get(5);
        assertTrue(last.nnz() > 15 && last.nnz() < 300, "a sparse solution: " + last.nnz());
        int wsPasses = solverPasses(ws);
        int fistaPasses = solverPasses(fista);
        // a gradient pass and (when the working set changes) a statistics pass per outer round
        assertTrue(wsPasses <= 4 * 6, "working set: " + wsPasses + " passes for 6 λ");
        assertTrue(wsPasses * 5 < fistaPasses, wsPasses + " vs fista " + fistaPasses);
    }

    @Test
    void autoPicksTheWorkingSetBeyondCdMaxFeatures() {
        assertEquals("workingset", fit("auto").solver().key());
        assertEquals("cd", GaussianPaths.resolve(org.sparklasso.spec.SolverChoice.AUTO, 500, 2000, 0).key());
    }

    @Test
    void denseDataUseStatisticsAndFallBackToFistaBeyondTheLimit() {
        // the same numbers as dense vectors: the working sets' coordinate statistics, at most 10 features
        String dense = dir.resolve("dense.parquet").toString();
        org.apache.spark.sql.SparkSession spark = org.sparklasso.SparkTestSession.get();
        spark.read().format("libsvm").option("numFeatures", Integer.toString(P)).load(libsvm.toString())
                .select(org.apache.spark.sql.functions.col("label"), org.apache.spark.ml.functions.array_to_vector(
                        org.apache.spark.ml.functions.vector_to_array(org.apache.spark.sql.functions.col("features"),
                                "float64")).alias("features"))
                .write().mode("overwrite").parquet(dense);
        TrainingResult statistics = TestFits.fit("--input", dense, "--featuresCol", "features", "--nlambda", "6", "--lambdaMinRatio",
                "0.1", "--tol", "1e-10", "--solver", "workingset");
        TrainingResult small = TestFits.fit("--input", dense, "--featuresCol", "features", "--nlambda", "6", "--lambdaMinRatio",
                "0.1", "--tol", "1e-10", "--solver", "workingset", "--cdMaxFeatures", "10");
        TrainingResult fista = fistaPath();
        for (int k = 0; k < fista.fits().size(); k++) {
            FittedModel b = fista.fits().get(k);
            for (TrainingResult r : List.of(statistics, small)) {
                FittedModel a = r.fits().get(k);
                assertTrue(a.solve().converged(), "λ " + k);
                assertEquals(b.solve().objective(), a.solve().objective(), 1e-8 * b.solve().objective(), "λ " + k);
            }
        }
        assertTrue(solverPasses(statistics) <= 4 * 6, "statistics: " + solverPasses(statistics) + " passes");
        // a working set holds at most 10 features: FISTA took over for the last λ
        assertTrue(small.fits().get(5).nnz() > 10, "the last λ needed more than the limit");
    }

    @Test
    void crossValidationMatchesFista() {
        TrainingResult ws = fit("workingset", "--nfolds", "3", "--seed", "5");
        TrainingResult fista = fit("fista", "--nfolds", "3", "--seed", "5");
        double[] a = ws.cv().summary().cvm();
        double[] b = fista.cv().summary().cvm();
        assertEquals(b.length, a.length);
        for (int l = 0; l < a.length; l++) {
            assertEquals(b[l], a[l], 1e-6 * b[l], "cvm at λ " + l);
        }
        assertEquals(fista.cv().summary().lambdaMin(), ws.cv().summary().lambdaMin(), 0.0);
        assertTrue(ws.passes() * 5 < fista.passes(), ws.passes() + " vs fista " + fista.passes());
    }

    @Test
    void workingSetHoldsTheNonzerosAndTheHighestScores() {
        int p = 300;
        double[] w = new double[p];
        boolean[] active = new boolean[p];
        java.util.Arrays.fill(w, 1.0);
        java.util.Arrays.fill(active, true);
        active[7] = false;
        ElasticNet penalty = new ElasticNet(1.0, 1.0, w, active);
        double[] b = new double[p];
        double[] u = new double[p];
        for (int j = 0; j < p; j++) {
            u[j] = j / (double) p; // feature 299 scores highest
        }
        u[7] = 5; // inactive: never in
        b[3] = 0.5; // nonzero: always in, whatever its score
        int[] ws = WorkingSetSolver.workingSet(penalty, b, u, 1000);
        assertEquals(10, WorkingSetSolver.workingSet(penalty, b, u, 10).length, "capped at the limit");
        assertEquals(null, WorkingSetSolver.workingSet(penalty, b, u, 1), "no room beyond the nonzeros");
        assertEquals(WorkingSetSolver.INITIAL_SIZE, ws.length);
        assertEquals(3, ws[0]);
        assertEquals(p - 1, ws[ws.length - 1]);
        assertEquals(p - WorkingSetSolver.INITIAL_SIZE + 1, ws[1], "the 99 highest scores after the nonzero");
        for (int j : ws) {
            assertTrue(j != 7 && j != 0, "inactive and zero-score features stay out");
        }
    }

    @Test
    void sortedSetOperations() {
        assertArrayEquals(new int[] {1, 2, 4, 7, 9}, WorkingSetSolver.union(new int[] {1, 4, 9}, new int[] {2, 4, 7}));
        assertArrayEquals(new int[] {3}, WorkingSetSolver.union(new int[] {}, new int[] {3}));
        assertTrue(WorkingSetSolver.covers(new int[] {1, 2, 4, 7}, new int[] {2, 7}));
        assertTrue(WorkingSetSolver.covers(new int[] {1}, new int[] {}));
        assertFalse(WorkingSetSolver.covers(new int[] {1, 2, 4}, new int[] {2, 5}));
        assertFalse(WorkingSetSolver.covers(new int[] {}, new int[] {0}));
    }
}
