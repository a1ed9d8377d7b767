package org.sparklasso.input;

import org.sparklasso.path.TrainingResult;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparklasso.TestFits;
import org.sparklasso.path.FittedModel;

/** The same answer for 1, 3 and 16 partitions, and for small blocks (many moment merges). */
class PartitionInvarianceTest {

    private static FittedModel fit(String solver, int partitions, int blockRows) {
        TrainingResult r = TestFits.fit("--input", TestFits.resource("src/test/resources/data/synthetic_scaled.csv"),
                "--labelCol", "y", "--weightCol", "w", "--lambda", "0.3", "--solver", solver, "--tol", "1e-11",
                "--numPartitions", Integer.toString(partitions), "--blockRows", Integer.toString(blockRows));
        return r.fits().get(0);
    }

    @Test
    void sameModelForOneThreeAndSixteenPartitions() {
        for (String solver : List.of("cd", "workingset", "fista")) {
            FittedModel one = fit(solver, 1, 0);
            for (int[] setting : new int[][] {{3, 0}, {16, 0}, {3, 7}}) {
                FittedModel other = fit(solver, setting[0], setting[1]);
                String what = solver + " partitions=" + setting[0] + " blockRows=" + setting[1];
                assertArrayEquals(one.coefficients(), other.coefficients(), 1e-6 * max(one.coefficients()), what);
                assertEquals(one.intercept(), other.intercept(), 1e-6 * Math.max(1, Math.abs(one.intercept())), what);
                assertEquals(one.solve().objective(), other.solve().objective(), 1e-10 * one.solve().objective(), what);
            }
        }
    }

    private static double max(double[] v) {
        double m = 1;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
