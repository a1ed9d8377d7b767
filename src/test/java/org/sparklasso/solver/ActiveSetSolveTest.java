package org.sparklasso.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparklasso.penalty.MultiClassPenalty;

/**
 * A Newton step's direction solves its quadratic model exactly: with the active-set finish, the
 * model's optimality conditions hold to rounding (free coordinates: zero gradient; zero ones:
 * gradient within λ₁), on an ill-conditioned, class-coupled Hessian where coordinate descent
 * alone stops far from them; and a wrong sign pattern is refused.
 */
class ActiveSetSolveTest {

    @Test
    void binomialDirectionMeetsTheModelsOptimalityConditions() {
        check(1, 0.05, 1.0);
    }

    @Test
    void coupledMultinomialElasticNetDirectionMeetsThem() {
        check(3, 0.02, 0.7);
    }

    private static void check(int k, double lambda, double alpha) {
        int p = 12;
        int[] set = {0, 2, 3, 5, 6, 8, 9, 11};
        int m1 = set.length + 1;
        int dim = k * m1;
        SplittableRandom rnd = new SplittableRandom(5);
        // H = AᵀA over the working coordinates, nearly collinear columns (condition number ~1e4):
        // 500–5000 sweeps of coordinate descent alone miss the conditions below by far
        int rows = 3 * dim;
        double[][] a = new double[rows][dim];
        for (int r = 0; r < rows; r++) {
            double common = rnd.nextGaussian();
            for (int c = 0; c < dim; c++) {
                a[r][c] = common + 3e-2 * rnd.nextGaussian();
            }
        }
        double[][] hessians = new double[k * k][m1 * m1];
        for (int c = 0; c < k; c++) {
            for (int c2 = 0; c2 < k; c2++) {
                for (int i = 0; i < m1; i++) {
                    for (int j = 0; j < m1; j++) {
                        double s = 0;
                        for (int r = 0; r < rows; r++) {
                            s += a[r][c * m1 + i] * a[r][c2 * m1 + j];
                        }
                        hessians[c * k + c2][i + j * m1] = s / rows;
                    }
                }
            }
        }
        double[] weights = new double[p];
        Arrays.fill(weights, 1);
        boolean[] active = new boolean[p];
        Arrays.fill(active, true);
        MultiClassPenalty penalty = new MultiClassPenalty(lambda, alpha, weights, active, k, false, true);
        double[] x = new double[penalty.size()];
        double[] u = new double[penalty.size()];
        for (int j : set) {
            for (int c = 0; c < k; c++) {
                x[penalty.index(j, c)] = rnd.nextDouble() < 0.5 ? 0 : rnd.nextGaussian() * 0.1;
                u[penalty.index(j, c)] = rnd.nextGaussian() * 0.1;
            }
        }
        for (int c = 0; c < k; c++) {
            u[penalty.interceptIndex(c)] = rnd.nextGaussian() * 0.01;
        }
        double[] d = ProxNewton.direction(penalty, x, u, hessians, set);
        double[] z = x.clone();
        for (int i = 0; i < z.length; i++) {
            z[i] += d[i];
        }
        int nonzero = 0;
        for (int b = 0; b < m1; b++) {
            for (int c = 0; c < k; c++) {
                boolean intercept = b == set.length;
                int idx = intercept ? penalty.interceptIndex(c) : penalty.index(set[b], c);
                double g = -u[idx];
                for (int c2 = 0; c2 < k; c2++) {
                    for (int b2 = 0; b2 < m1; b2++) {
                        int other = b2 == set.length ? penalty.interceptIndex(c2) : penalty.index(set[b2], c2);
                        g += hessians[c * k + c2][b + b2 * m1] * (z[other] - x[other]);
                    }
                }
                if (intercept) {
                    assertEquals(0, g, 1e-11, "intercept " + c);
                } else if (z[idx] != 0) {
                    nonzero++;
                    double l1 = penalty.l1(set[b]);
                    assertEquals(0, g + l1 * Math.signum(z[idx]) + penalty.l2(set[b]) * z[idx], 1e-11,
                            "free coordinate " + b + "," + c);
                } else {
                    assertTrue(Math.abs(g) <= penalty.l1(set[b]) * (1 + 1e-9), "zero coordinate " + b + "," + c);
                }
            }
        }
        assertTrue(nonzero > 0 && nonzero < k * set.length, "the model has free and zero coordinates: " + nonzero);

        // the same pattern with one free coordinate's sign flipped is not the optimal one
        double[] wrong = z.clone();
        for (int b = 0; b < set.length; b++) {
            int idx = penalty.index(set[b], 0);
            if (wrong[idx] != 0) {
                wrong[idx] = -wrong[idx];
                break;
            }
        }
        assertNull(ActiveSetSolve.solve(penalty, x, u, hessians, set, wrong));
    }
}
