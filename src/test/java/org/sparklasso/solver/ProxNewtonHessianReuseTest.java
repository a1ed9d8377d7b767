package org.sparklasso.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sparklasso.datafit.HeldOut;
import org.sparklasso.datafit.NewtonOracle;
import org.sparklasso.penalty.MultiClassPenalty;

/**
 * Proximal Newton along a lasso logistic path whose working set grows wide, on an in-memory oracle
 * written here: some speculative passes evaluate points without a Hessian ({@link HessianReuse}), and
 * every λ still meets its KKT conditions, recomputed from the data, and agrees with a solve that
 * computes every Hessian (no lookahead, so no speculation and no reuse).
 */
class ProxNewtonHessianReuseTest {
    private static final int N = 3000;
    private static final int P = 40;

    @Test
    void reusedHessiansKeepEveryLambdaOptimal() {
        Random rnd = new Random(7);
        double[][] x = new double[N][P];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            double eta = 0.2;
            for (int j = 0; j < P; j++) {
                x[i][j] = rnd.nextGaussian();
                eta += (j % 2 == 0 ? 0.4 : -0.3) * x[i][j];
            }
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        LogisticOracle oracle = new LogisticOracle(x, y);
        double[] zero = new double[P + 1];
        double[] u0 = oracle.negGradient(zero);
        double lambdaMax = 0;
        for (int j = 0; j < P; j++) {
            lambdaMax = Math.max(lambdaMax, Math.abs(u0[j]));
        }
        int steps = 40;
        double[] lambdas = new double[steps];
        for (int t = 0; t < steps; t++) {
            lambdas[t] = lambdaMax * Math.pow(1e-3, t / (steps - 1.0));
        }
        double tol = 1e-9;
        ProxNewton path = new ProxNewton(tol, 200);
        path.lookahead(l -> {
            int at = Arrays.binarySearch(Arrays.stream(lambdas).map(v -> -v).toArray(), -l);
            return at >= 0 && at + 1 < steps ? lambdas[at + 1] : Double.NaN;
        });
        Convergence<org.sparklasso.penalty.Penalty> kkt = Convergence.kkt(lambdaMax);
        double[] warm = zero;
        double[] last = null;
        for (double lambda : lambdas) {
            MultiClassPenalty penalty = penalty(lambda);
            SolverResult r = path.solve(oracle, penalty, warm, kkt);
            assertTrue(r.converged(), "λ " + lambda);
            double[] b = r.coefficients();
            double violation = kktViolation(oracle.negGradient(b), b, lambda);
            assertTrue(violation <= 10 * tol * lambdaMax, "λ " + lambda + ": KKT violation " + violation);
            warm = b;
            last = b;
        }
        assertTrue(oracle.pointOnlyPasses > 1, "no pass reused a Hessian: " + oracle.pointOnlyPasses);
        long nonzero = Arrays.stream(last, 0, P).filter(v -> v != 0).count();
        assertTrue(nonzero >= 30, "the path must grow wide: " + nonzero);

        LogisticOracle fresh = new LogisticOracle(x, y);
        SolverResult exact = new ProxNewton(1e-12, 200).solve(fresh, penalty(lambdas[steps - 1]), last,
                Convergence.kkt(lambdaMax));
        assertEquals(1, fresh.pointOnlyPasses, "the reference solve evaluates without a Hessian only at its start");
        for (int j = 0; j <= P; j++) {
            assertEquals(exact.coefficients()[j], last[j], 1e-6, "coefficient " + j);
        }
    }

    private static MultiClassPenalty penalty(double lambda) {
        double[] weights = new double[P];
        Arrays.fill(weights, 1);
        boolean[] active = new boolean[P];
        Arrays.fill(active, true);
        return new MultiClassPenalty(lambda, 1, weights, active, 1, false, true);
    }

    /** The largest violation of the lasso's optimality conditions, from the gradient recomputed here. */
    private static double kktViolation(double[] u, double[] b, double lambda) {
        double worst = Math.abs(u[P]);
        for (int j = 0; j < P; j++) {
            worst = Math.max(worst, b[j] == 0 ? Math.max(0, Math.abs(u[j]) - lambda)
                    : Math.abs(u[j] - lambda * Math.signum(b[j])));
        }
        return worst;
    }

    /** Mean logistic loss over dense rows in memory; coefficients b[0..P−1], intercept b[P]. */
    private static final class LogisticOracle implements NewtonOracle {
        private final double[][] x;
        private final double[] y;
        private int passes;
        int pointOnlyPasses;

        LogisticOracle(double[][] x, double[] y) {
            this.x = x;
            this.y = y;
        }

        private double[] mu(double[] b) {
            double[] mu = new double[N];
            for (int i = 0; i < N; i++) {
                double eta = b[P];
                for (int j = 0; j < P; j++) {
                    eta += x[i][j] * b[j];
                }
                mu[i] = 1 / (1 + Math.exp(-eta));
            }
            return mu;
        }

        double[] negGradient(double[] b) {
            double[] mu = mu(b);
            double[] u = new double[P + 1];
            for (int i = 0; i < N; i++) {
                double r = (y[i] - mu[i]) / N;
                for (int j = 0; j < P; j++) {
                    u[j] += r * x[i][j];
                }
                u[P] += r;
            }
            return u;
        }

        private Evaluation evaluation(double[] b) {
            double[] mu = mu(b);
            double loss = 0;
            for (int i = 0; i < N; i++) {
                loss -= y[i] == 1 ? Math.log(mu[i]) : Math.log1p(-mu[i]);
            }
            return new Evaluation(loss / N, negGradient(b), Double.NaN, (HeldOut) null);
        }

        @Override
        public Evaluation[] evaluate(double[]... points) {
            passes++;
            pointOnlyPasses++;
            return Arrays.stream(points).map(this::evaluation).toArray(Evaluation[]::new);
        }

        @Override
        public NewtonPoints evaluateWithHessian(double[][] points, int[] set) {
            passes++;
            Evaluation[] evs = Arrays.stream(points).map(this::evaluation).toArray(Evaluation[]::new);
            double[] mu = mu(points[0]);
            int m1 = set.length + 1;
            double[] h = new double[m1 * m1];
            for (int i = 0; i < N; i++) {
                double w = mu[i] * (1 - mu[i]) / N;
                for (int a = 0; a < m1; a++) {
                    double xa = a < set.length ? x[i][set[a]] : 1;
                    for (int c = 0; c < m1; c++) {
                        h[a + c * m1] += w * xa * (c < set.length ? x[i][set[c]] : 1);
                    }
                }
            }
            return new NewtonPoints(evs, new double[][] {h});
        }

        @Override
        public int passes() {
            return passes;
        }
    }
}
