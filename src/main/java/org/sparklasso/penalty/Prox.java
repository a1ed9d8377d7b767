package org.sparklasso.penalty;

/**
 * The proximal arithmetic the penalties share, for a term {@code l1·‖b‖ + l2/2·‖b‖²} on one
 * coordinate (‖·‖ = |·|) or one block (‖·‖ = ‖·‖₂): soft-thresholding and block soft-thresholding
 * (Parikh and Boyd, "Proximal Algorithms", 2014, ch. 6: the ℓ1 norm, the Euclidean norm, the
 * elastic net). Each comes in the two forms the solvers use: with a step (the prox of
 * {@code step·g}: FISTA) and with a curvature h (the exact minimizer of {@code h/2·b² − z·b + g(b)}:
 * glmnet's coordinate update, Friedman, Hastie, Tibshirani 2010, "Regularization paths for GLMs via
 * coordinate descent", eq. 5). The two forms round differently, so each is written once, here, and
 * each caller keeps to its own.
 */
public final class Prox {
    private Prox() {
    }

    /** Soft-thresholding: {@code sign(z)·max(|z| − t, 0)}. */
    public static double softThreshold(double z, double t) {
        if (z > t) {
            return z - t;
        }
        if (z < -t) {
            return z + t;
        }
        return 0.0;
    }

    /** The prox of {@code step·(l1|b| + l2/2·b²)} at z: {@code S(z, step·l1) / (1 + step·l2)}. */
    public static double elasticNet(double z, double step, double l1, double l2) {
        return softThreshold(z, step * l1) / (1 + step * l2);
    }

    /** {@code argmin_b h/2·b² − z·b + l1|b| + l2/2·b²}: {@code S(z, l1) / (h + l2)} (glmnet's update). */
    public static double coordinate(double z, double h, double l1, double l2) {
        return softThreshold(z, l1) / (h + l2);
    }

    /**
     * The prox of {@code step·(l1‖v‖₂ + l2/2·‖v‖₂²)} at a block v of norm {@code norm}, as the factor
     * that multiplies v: {@code max(0, 1 − step·l1/‖v‖) / (1 + step·l2)}, 0 at v = 0.
     */
    public static double blockFactor(double norm, double step, double l1, double l2) {
        return norm > 0 ? Math.max(0, 1 - step * l1 / norm) / (1 + step * l2) : 0;
    }

    /**
     * {@code argmin_z h/2·‖z − v‖² + l1‖z‖₂ + l2/2·‖z‖²} as the factor that multiplies v (of norm
     * {@code norm}): {@code h/(h + l2)·max(0, 1 − l1/(h‖v‖))}, 0 at v = 0.
     */
    public static double blockCurvatureFactor(double norm, double h, double l1, double l2) {
        return norm > 0 ? h / (h + l2) * Math.max(0, 1 - l1 / (h * norm)) : 0;
    }

    /**
     * In place: {@code v ← argmin_z h/2·‖z − v‖² + l1·‖Dz‖₂ + c/2·‖Dz‖₂²}, D = diag(d) with dⱼ > 0:
     * the prox of a group norm on weighted coordinates (the group lasso in coordinates scaled apart
     * from its penalty weights). With equal dⱼ this is {@link #blockCurvatureFactor}. Otherwise the
     * solution is 0 when {@code h‖D⁻¹v‖ ≤ l1} (the dual norm), and else, from the stationarity
     * condition, {@code zⱼ = h vⱼ t / ((h + c dⱼ²) t + l1 dⱼ²)} where t = ‖Dz‖ > 0 is the root of
     * {@code ψ(t) = 1/√S(t) − 1}, {@code S(t) = Σ (dⱼ h vⱼ / ((h + c dⱼ²) t + l1 dⱼ²))²}; ψ increases
     * and is linear in t when the dⱼ are equal, so safeguarded Newton (bisection when a step leaves
     * the bracket) takes a few steps (cf. the weighted-norm prox in Parikh and Boyd 2014, §6.5.1).
     */
    public static void weightedGroup(double[] v, double[] d, double h, double l1, double c) {
        int m = v.length;
        boolean equal = true;
        for (int j = 1; j < m && equal; j++) {
            equal = d[j] == d[0];
        }
        if (equal) {
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            double f = blockCurvatureFactor(Math.sqrt(norm), h, l1 * d[0], c * d[0] * d[0]);
            for (int j = 0; j < m; j++) {
                v[j] *= f;
            }
            return;
        }
        double dual = 0;
        for (int j = 0; j < m; j++) {
            dual += (v[j] / d[j]) * (v[j] / d[j]);
        }
        if (h * Math.sqrt(dual) <= l1) {
            java.util.Arrays.fill(v, 0);
            return;
        }
        // bracket: ψ(0) < 0, and |zⱼ| < |vⱼ| gives t < ‖Dv‖, so ψ(‖Dv‖) ≥ 0 (doubled if rounding says not)
        double lo = 0;
        double dv = 0;
        for (int j = 0; j < m; j++) {
            dv += d[j] * d[j] * v[j] * v[j];
        }
        double hi = Math.max(Math.sqrt(dv), Double.MIN_NORMAL);
        while (psi(hi, v, d, h, l1, c)[0] < 0) {
            lo = hi;
            hi *= 2;
        }
        double t = 0.5 * (lo + hi);
        for (int it = 0; it < 200; it++) {
            double[] pd = psi(t, v, d, h, l1, c);
            if (pd[0] == 0) {
                break;
            }
            if (pd[0] < 0) {
                lo = t;
            } else {
                hi = t;
            }
            double next = t - pd[0] / pd[1];
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - t) <= 1e-16 * t || hi - lo <= 1e-16 * hi) {
                t = next;
                break;
            }
            t = next;
        }
        for (int j = 0; j < m; j++) {
            v[j] = h * v[j] * t / ((h + c * d[j] * d[j]) * t + l1 * d[j] * d[j]);
        }
    }

    /** {ψ(t), ψ'(t)} of {@link #weightedGroup}. */
    private static double[] psi(double t, double[] v, double[] d, double h, double l1, double c) {
        double s = 0;
        double ds = 0;
        for (int j = 0; j < v.length; j++) {
            double beta = h + c * d[j] * d[j];
            double den = beta * t + l1 * d[j] * d[j];
            double a = d[j] * h * v[j];
            s += a * a / (den * den);
            ds += -2 * a * a * beta / (den * den * den);
        }
        double root = Math.sqrt(s);
        return new double[] {1 / root - 1, -0.5 * ds / (s * root)};
    }

    /**
     * One coordinate's (or block's) term of the conjugate of {@code l1‖·‖ + l2/2‖·‖²} at a point whose
     * dual norm exceeds l1 by {@code excess}: excess²/(2·l2), or +∞ without an L2 part (the point is
     * outside the domain); 0 when it does not exceed l1.
     */
    public static double conjugateTerm(double excess, double l2) {
        if (excess <= 0) {
            return 0;
        }
        return l2 <= 0 ? Double.POSITIVE_INFINITY : excess * excess / (2 * l2);
    }

    /**
     * A coordinate's KKT residual for {@code l1|b| + l2/2·b²} with u = −∇f: |u| − l1 at b = 0
     * (positive when violated), else {@code |u − l2·b − l1·sign(b)|}, the distance of u to the
     * subdifferential.
     */
    public static double coordinateKktViolation(double b, double u, double l1, double l2) {
        return b == 0 ? Math.abs(u) - l1 : Math.abs(u - l2 * b - l1 * Math.signum(b));
    }
    /**
     * |u| for a coordinate whose bounds leave both directions open; where a bound is 0, only the
     * part of u that pushes into the open direction (u = −∇f: u > 0 would increase b), so lo = 0
     * gives max(0, u), hi = 0 gives max(0, −u), and lo = hi = 0 gives 0. What a zero-bounded
     * coordinate's screening score and its KKT check at b = 0 compare with λ₁.
     */
    public static double openScore(double u, double lo, double hi) {
        if (lo == 0 && hi == 0) {
            return 0;
        }
        return lo == 0 ? Math.max(0, u) : hi == 0 ? Math.max(0, -u) : Math.abs(u);
    }

    /** b clipped to [lo, hi]: the exact minimizer of a convex one-dimensional function on an interval, given its free minimizer. */
    public static double clip(double b, double lo, double hi) {
        return b < lo ? lo : b > hi ? hi : b;
    }

    /**
     * A coordinate's KKT residual for {@code l1|b| + l2/2·b²} restricted to {@code lo ≤ b ≤ hi}
     * (lo ≤ 0 ≤ hi), with u = −∇f: the optimality condition is {@code u ∈ ∂g(b) + N(b)}, N the
     * normal cone of the interval ([0, ∞) at hi, (−∞, 0] at lo; Rockafellar 1970, §23). At a bound
     * only the one-sided part remains; inside, {@link #coordinateKktViolation}. May be negative at
     * b = 0 inside the interval (callers take the positive part).
     */
    public static double boxedKktViolation(double b, double u, double l1, double l2, double lo, double hi) {
        if (lo == hi) {
            return 0;
        }
        if (b >= hi) {
            return b > 0 ? Math.max(0, l2 * b + l1 - u) : Math.max(0, -l1 - u);
        }
        if (b <= lo) {
            return b < 0 ? Math.max(0, u - (l2 * b - l1)) : Math.max(0, u - l1);
        }
        return coordinateKktViolation(b, u, l1, l2);
    }

    /**
     * One coordinate's term of the conjugate of {@code l1|b| + l2/2·b² + ι[lo,hi](b)} at u:
     * {@code sup over lo ≤ b ≤ hi of u·b − l1|b| − l2/2·b²}. The free maximizer has magnitude
     * (|u| − l1)/l2 in u's direction; past the bound there, the bound is the maximizer. Without a
     * bound in u's direction this is {@link #conjugateTerm}.
     */
    public static double boxedConjugateTerm(double u, double l1, double l2, double lo, double hi) {
        double excess = Math.abs(u) - l1;
        double room = u > 0 ? hi : -lo;
        if (excess <= 0 || room == 0) {
            return 0;
        }
        if (room == Double.POSITIVE_INFINITY || l2 > 0 && excess <= l2 * room) {
            return conjugateTerm(excess, l2);
        }
        return excess * room - 0.5 * l2 * room * room;
    }

    /**
     * The α that λ_max divides by: glmnet's {@code max(α, 1e-3)} (elnet's {@code alm0 = … /
     * max(bta, 1.0e-3)}), so that a ridge fit (α = 0) has glmnet's λ path, from 1000 times the
     * lasso's λ_max. (glmnet reports an all-zero first ridge model; ours is the ridge solution at
     * that λ, with a deviance ratio of about 1e-4.)
     */
    public static double lambdaMaxAlpha(double alpha) {
        return Math.max(alpha, 1e-3);
    }
}
