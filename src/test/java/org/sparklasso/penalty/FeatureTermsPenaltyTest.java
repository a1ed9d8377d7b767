package org.sparklasso.penalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Penalty factors and coefficient bounds in the penalties, against brute force written here: each
 * one-dimensional minimization and supremum the closed forms claim is found by ternary search on
 * the convex (concave) function over its interval, and the KKT residual is checked to vanish at
 * the brute-force minimizer and not elsewhere.
 */
class FeatureTermsPenaltyTest {
    private static final double BIG = 1e3;

    /** argmin over [lo, hi] of a convex f, by ternary search (to ~1e-12 of the interval). */
    private static double argmin(DoubleUnaryOperator f, double lo, double hi) {
        double a = Math.max(lo, -BIG);
        double b = Math.min(hi, BIG);
        for (int i = 0; i < 300; i++) {
            double m1 = a + (b - a) / 3;
            double m2 = b - (b - a) / 3;
            if (f.applyAsDouble(m1) <= f.applyAsDouble(m2)) {
                b = m2;
            } else {
                a = m1;
            }
        }
        return (a + b) / 2;
    }

    private record Case(double l1, double l2, double lo, double hi, double z, double h) {
    }

    private static Case randomCase(Random rnd) {
        double[] los = {Double.NEGATIVE_INFINITY, 0, -0.3, -2};
        double[] his = {Double.POSITIVE_INFINITY, 0, 0.4, 1.5};
        double lo = los[rnd.nextInt(los.length)];
        double hi = his[rnd.nextInt(his.length)];
        return new Case(rnd.nextDouble() < 0.2 ? 0 : rnd.nextDouble(), rnd.nextBoolean() ? 0 : rnd.nextDouble(), lo, hi,
                3 * rnd.nextGaussian(), 0.5 + rnd.nextDouble());
    }

    /** One feature: λ = 1, α and the weight chosen so that l1 and l2 come out as the case's. */
    private static ElasticNet single(Case c) {
        // l1 = α·w·v, l2 = (1−α)·w²·v with w = 1: v = l1 + l2, α = l1 / v (v = 0: unpenalized)
        double v = c.l1 + c.l2;
        double alpha = v > 0 ? c.l1 / v : 1;
        return new ElasticNet(1.0, alpha, new double[] {1.0}, new double[] {v}, new double[] {c.lo},
                new double[] {c.hi}, new boolean[] {true});
    }

    @Test
    void coordinateUpdateAndProxAreTheBoxedMinimizers() {
        Random rnd = new Random(11);
        for (int t = 0; t < 2000; t++) {
            Case c = randomCase(rnd);
            if (c.l1 + c.l2 == 0 && (c.lo == Double.NEGATIVE_INFINITY || c.hi == Double.POSITIVE_INFINITY)
                    && Math.abs(c.z) / c.h > BIG) {
                continue;
            }
            ElasticNet pen = single(c);
            DoubleUnaryOperator f = b -> c.h / 2 * b * b - c.z * b + c.l1 * Math.abs(b) + c.l2 / 2 * b * b;
            double expected = argmin(f, c.lo, c.hi);
            double got = pen.coordinateMinimizer(0, c.z, c.h);
            // brute force locates a flat minimum only to ~√ε; its value is the sharp oracle
            assertTrue(got >= c.lo && got <= c.hi, c.toString());
            assertTrue(f.applyAsDouble(got) <= f.applyAsDouble(expected) + 1e-13 * (1 + Math.abs(f.applyAsDouble(got))),
                    c.toString());
            assertEquals(expected, got, 1e-6, c.toString());
            // the prox with step 1/h at z/h minimizes the same function divided by h
            double[] b = {c.z / c.h};
            pen.prox(b, 1 / c.h);
            assertEquals(got, b[0], 1e-12 * Math.max(1, Math.abs(got)), "prox " + c);
            // KKT at the minimizer of f(b) = loss + g: u = −loss'(b) = z − h·b
            double at = pen.coordinateMinimizer(0, c.z, c.h);
            assertEquals(0, pen.subdiffDistance(0, new double[] {at}, new double[] {c.z - c.h * at}), 1e-12,
                    "kkt " + c);
            double off = Math.max(c.lo, Math.min(c.hi, at + 0.1));
            if (Math.abs(f.applyAsDouble(off) - f.applyAsDouble(at)) > 1e-6) {
                assertTrue(pen.subdiffDistance(0, new double[] {off}, new double[] {c.z - c.h * off}) > 1e-6,
                        "violation away from the minimizer " + c);
            }
        }
    }

    @Test
    void conjugateIsTheBoxedSupremum() {
        Random rnd = new Random(12);
        for (int t = 0; t < 2000; t++) {
            Case c = randomCase(rnd);
            if (c.l1 + c.l2 == 0) {
                continue; // unpenalized: a documented stand-in, tested below
            }
            ElasticNet pen = single(c);
            double u = c.z;
            double roomUp = c.hi;
            double roomDown = -c.lo;
            boolean unbounded = Math.abs(u) > c.l1 && c.l2 == 0
                    && (u > 0 ? roomUp : roomDown) == Double.POSITIVE_INFINITY;
            double got = pen.conjugate(new double[] {u});
            if (unbounded) {
                assertEquals(Double.POSITIVE_INFINITY, got, c.toString());
                continue;
            }
            DoubleUnaryOperator negated = b -> -(u * b - c.l1 * Math.abs(b) - c.l2 / 2 * b * b);
            double best = -negated.applyAsDouble(argmin(negated, c.lo, c.hi));
            assertEquals(best, got, 1e-9 * Math.max(1, Math.abs(best)), c.toString());
        }
    }

    @Test
    void unpenalizedFeaturesHaveNoThresholdAndAFiniteGapTerm() {
        double[] w = {1, 1, 1};
        double[] v = {0, 1.5, 1.5};
        double[] lo = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0};
        double[] hi = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        ElasticNet pen = new ElasticNet(2.0, 1.0, w, v, lo, hi, new boolean[] {true, true, true}, 10.0);
        assertEquals(0, pen.l1Weight(0));
        assertEquals(1.5, pen.l1Weight(1));
        // λ_max over the penalized features only: |c₀| is ignored, |c₁|/1.5 and |c₂|/1.5 (glmnet ignores limits)
        assertEquals(4.0 / 1.5, pen.lambdaMax(new double[] {100, 1, -4}), 1e-15);
        // an unpenalized coordinate's conjugate term is that of the box |b| ≤ R = 10: R·|u| (see
        // ElasticNet#conjugate), 0 at u = 0
        assertEquals(10 * 0.1, pen.conjugate(new double[] {-0.1, 0, 0}), 1e-15);
        assertEquals(0, pen.conjugate(new double[] {0, 0, 0}));
        // the non-negative coordinate: a negative gradient at 0 is no violation, nor a strong-rule score
        assertEquals(0, pen.subdiffDistance(2, new double[] {0, 0, 0}, new double[] {0, 0, -50}));
        assertEquals(0, pen.featureScore(new double[] {0, 0, -50}, 2));
        assertEquals(50, pen.featureScore(new double[] {0, 0, 50}, 2));
    }

    @Test
    void binomialPenaltyClipsAndChecksLikeTheGaussianOne() {
        Random rnd = new Random(13);
        for (int t = 0; t < 500; t++) {
            Case c = randomCase(rnd);
            if (c.l1 + c.l2 == 0) {
                continue;
            }
            double v = c.l1 + c.l2;
            double alpha = c.l1 / v;
            MultiClassPenalty pen = new MultiClassPenalty(1.0, alpha, new double[] {1.0}, new double[] {v},
                    new double[] {c.lo}, new double[] {c.hi}, new boolean[] {true}, 1, false, true);
            ElasticNet same = single(c);
            assertEquals(same.coordinateMinimizer(0, c.z, c.h), pen.coordinateMinimizer(0, c.z, c.h), 1e-15);
            double[] block = {c.z / c.h};
            pen.blockMinimizer(0, block, c.h);
            assertEquals(same.coordinateMinimizer(0, c.z, c.h), block[0], 1e-12, c.toString());
            double b = block[0];
            double u = c.z - c.h * b;
            assertEquals(same.subdiffDistance(0, new double[] {b}, new double[] {u}),
                    pen.subdiffDistance(0, new double[] {b, 0}, new double[] {u, 0}), 1e-15);
        }
    }
}
