package org.sparklasso.penalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The group lasso's arithmetic from its definitions: the weighted group prox against the
 * optimality condition it must meet and against nearby points, the conjugate against the
 * Fenchel–Young inequality, λ_max against the prox (all zero exactly from λ_max on).
 */
class GroupLassoTest {

    /** h/2‖z − v‖² + l1‖Dz‖ + c/2‖Dz‖². */
    private static double proxObjective(double[] z, double[] v, double[] d, double h, double l1, double c) {
        double sq = 0;
        double dz = 0;
        for (int j = 0; j < z.length; j++) {
            sq += (z[j] - v[j]) * (z[j] - v[j]);
            dz += d[j] * d[j] * z[j] * z[j];
        }
        return 0.5 * h * sq + l1 * Math.sqrt(dz) + 0.5 * c * dz;
    }

    @Test
    void weightedGroupProxMeetsItsOptimalityCondition() {
        Random rnd = new Random(11);
        int zeros = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int m = 1 + rnd.nextInt(6);
            double[] v = new double[m];
            double[] d = new double[m];
            for (int j = 0; j < m; j++) {
                v[j] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5) - 2);
                d[j] = trial % 3 == 0 ? 0.7 : Math.exp(3 * rnd.nextGaussian());
            }
            double h = Math.exp(rnd.nextGaussian());
            double l1 = Math.exp(2 * rnd.nextGaussian()) * 0.3;
            double c = trial % 2 == 0 ? 0 : Math.exp(rnd.nextGaussian());
            double[] z = v.clone();
            Prox.weightedGroup(z, d, h, l1, c);
            double norm = 0;
            double dual = 0;
            double scale = 0;
            for (int j = 0; j < m; j++) {
                norm += d[j] * d[j] * z[j] * z[j];
                dual += v[j] / d[j] * (v[j] / d[j]);
                scale = Math.max(scale, h * Math.abs(v[j]));
            }
            norm = Math.sqrt(norm);
            String at = "trial " + trial;
            assertEquals(norm == 0, h * Math.sqrt(dual) <= l1, "zero exactly when h‖D⁻¹v‖ ≤ l1, " + at);
            if (norm == 0) {
                zeros++;
                continue;
            }
            for (int j = 0; j < m; j++) {
                // h(z − v) + l1 D²z/‖Dz‖ + c D²z = 0
                double r = h * (z[j] - v[j]) + l1 * d[j] * d[j] * z[j] / norm + c * d[j] * d[j] * z[j];
                assertTrue(Math.abs(r) <= 1e-9 * Math.max(scale, l1 * d[j]), at + " coordinate " + j + ": " + r);
            }
            double best = proxObjective(z, v, d, h, l1, c);
            for (int k = 0; k < 20; k++) {
                double[] y = z.clone();
                y[rnd.nextInt(m)] += 1e-4 * (Math.abs(z[0]) + 1e-6) * rnd.nextGaussian();
                assertTrue(proxObjective(y, v, d, h, l1, c) >= best - 1e-12 * Math.abs(best), at + " is a minimum");
            }
        }
        assertTrue(zeros > 100 && zeros < 1900, "both branches exercised: " + zeros + " zeros");
    }

    private static GroupLasso penalty(double lambda, double alpha, double[] d) {
        int[][] members = {{0, 1}, {2}, {3, 4, 5}};
        return new GroupLasso(lambda, alpha, members, new double[] {Math.sqrt(2), 1, Math.sqrt(3)}, d, 6, -1, true);
    }

    @Test
    void conjugateMeetsFenchelYoung() {
        Random rnd = new Random(3);
        double[] d = {1, 2, 0.5, 1, 3, 0.2};
        for (double alpha : new double[] {0.3, 1}) {
            GroupLasso g = penalty(0.8, alpha, d);
            for (int trial = 0; trial < 200; trial++) {
                double[] u = new double[6];
                double[] b = new double[6];
                for (int j = 0; j < 6; j++) {
                    u[j] = rnd.nextGaussian();
                    b[j] = rnd.nextGaussian();
                }
                double s = g.feasibleScale(u);
                for (int j = 0; j < 6; j++) {
                    u[j] *= s;
                }
                double ub = 0;
                for (int j = 0; j < 6; j++) {
                    ub += u[j] * b[j];
                }
                double conj = g.conjugate(u);
                assertTrue(Double.isFinite(conj), "the scaled point is in the domain");
                assertTrue(g.value(b) + conj >= ub - 1e-12, "Fenchel–Young, α=" + alpha);
                // equality where u is the gradient of g at b (every group nonzero)
                double[] grad = new double[6];
                int[][] members = {{0, 1}, {2}, {3, 4, 5}};
                double[] w = {Math.sqrt(2), 1, Math.sqrt(3)};
                for (int k = 0; k < 3; k++) {
                    double norm = 0;
                    for (int j : members[k]) {
                        norm += d[j] * d[j] * b[j] * b[j];
                    }
                    norm = Math.sqrt(norm);
                    for (int j : members[k]) {
                        grad[j] = 0.8 * (alpha * w[k] * d[j] * d[j] * b[j] / norm + (1 - alpha) * d[j] * d[j] * b[j]);
                    }
                }
                double gb = 0;
                for (int j = 0; j < 6; j++) {
                    gb += grad[j] * b[j];
                }
                if (alpha < 1) {
                    assertEquals(gb, g.value(b) + g.conjugate(grad), 1e-10 * (1 + Math.abs(gb)), "equality at ∂g(b)");
                } else {
                    // on the domain's boundary: g* = 0 just inside it, and g(b) = ⟨∇g(b), b⟩ (degree 1)
                    double[] inside = grad.clone();
                    for (int j = 0; j < 6; j++) {
                        inside[j] *= 1 - 1e-12;
                    }
                    assertEquals(0, g.conjugate(inside), 0.0, "g* inside the dual ball");
                    assertEquals(gb, g.value(b), 1e-12 * (1 + Math.abs(gb)), "Euler's identity for the norm");
                }
                assertEquals(0, g.kktViolation(b, grad), 1e-12, "b is optimal for u = ∇g(b)");
            }
        }
    }

    @Test
    void lambdaMaxIsWhereTheProxStartsToMove() {
        double[] d = {1, 2, 0.5, 1, 3, 0.2};
        double[] c = {0.3, -0.2, 0.9, 0.1, 0.4, -0.05};
        GroupLasso g = penalty(1, 1, d);
        double lambdaMax = g.lambdaMax(c);
        // with a unit quadratic, b = prox(c): zero at λ_max, not just below
        double[] at = c.clone();
        g.withLambda(lambdaMax * (1 + 1e-12)).prox(at, 1);
        assertTrue(java.util.Arrays.stream(at).allMatch(x -> x == 0), "zero at λ_max");
        double[] below = c.clone();
        g.withLambda(lambdaMax * (1 - 1e-6)).prox(below, 1);
        assertTrue(java.util.Arrays.stream(below).anyMatch(x -> x != 0), "some group moves below λ_max");
    }
}
