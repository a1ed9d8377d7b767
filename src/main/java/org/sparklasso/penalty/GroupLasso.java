package org.sparklasso.penalty;

import java.util.ArrayList;
import java.util.List;

/**
 * The group lasso (Yuan and Lin 2006, "Model selection and estimation in regression with grouped
 * variables", JRSS B 68) with glmnet's scaling and an elastic-net ridge part, in internal
 * coordinates ({@code bⱼ = scaleⱼ βⱼ}, {@code dⱼ = sⱼ/scaleⱼ} the internal penalty weight, sⱼ the
 * standard deviation or 1 as for the lasso):
 * {@code λ Σ_g [α w_g ‖(dⱼ bⱼ)_{j∈g}‖₂ + (1−α)/2 Σ_{j∈g} dⱼ² bⱼ²]}, which is
 * {@code λ [α Σ_g w_g ‖(sⱼ βⱼ)_{j∈g}‖₂ + (1−α)/2 Σⱼ sⱼ² βⱼ²]} on the original scale. Singleton
 * groups with w_g = 1 give the lasso / elastic net. The coefficient vector may end with an
 * unpenalized intercept (the binomial layout, p + 1 coefficients); the gaussian one has none.
 *
 * <p>For the λ path a "feature" is a group: λ_max, the strong rules and the KKT checks compare
 * ‖(uⱼ/dⱼ)_{j∈g}‖₂, the dual norm of the group's negative gradient, with λ α w_g.
 */
public final class GroupLasso implements GroupPenalty, DualPenalty, PathPenalty<GroupLasso>, SubgradientPenalty {
    private final double lambda;
    private final double alpha;
    /** Each group's active coordinates (non-constant features). */
    private final int[][] members;
    private final double[] groupWeights;
    /** dⱼ per coordinate. */
    private final double[] d;
    private final boolean[] active;
    private final int size;
    private final int interceptIndex;
    private final boolean fitIntercept;

    /**
     * @param members        each group's coordinates (only the active, non-constant ones)
     * @param groupWeights   w_g > 0
     * @param d              the internal penalty weight of each coordinate (> 0 where active)
     * @param size           length of the coefficient vector
     * @param interceptIndex index of the intercept, or -1 (gaussian: none in the vector)
     * @param fitIntercept   whether the intercept is fitted (else the prox holds it at 0)
     */
    public GroupLasso(double lambda, double alpha, int[][] members, double[] groupWeights, double[] d, int size,
                      int interceptIndex, boolean fitIntercept) {
        this(lambda, alpha, members, groupWeights, d, everyNonEmpty(members), size, interceptIndex, fitIntercept);
    }

    private GroupLasso(double lambda, double alpha, int[][] members, double[] groupWeights, double[] d,
                       boolean[] active, int size, int interceptIndex, boolean fitIntercept) {
        this.lambda = lambda;
        this.alpha = alpha;
        this.members = members;
        this.groupWeights = groupWeights;
        this.d = d;
        this.active = active;
        this.size = size;
        this.interceptIndex = interceptIndex;
        this.fitIntercept = fitIntercept;
    }

    private static boolean[] everyNonEmpty(int[][] members) {
        boolean[] a = new boolean[members.length];
        for (int g = 0; g < a.length; g++) {
            a[g] = members[g].length > 0;
        }
        return a;
    }

    @Override
    public double lambda() {
        return lambda;
    }

    @Override
    public GroupLasso withLambda(double newLambda) {
        return new GroupLasso(newLambda, alpha, members, groupWeights, d, active, size, interceptIndex, fitIntercept);
    }

    @Override
    public GroupLasso restrictedTo(boolean[] keep) {
        boolean[] both = new boolean[active.length];
        for (int g = 0; g < both.length; g++) {
            both[g] = active[g] && keep[g];
        }
        return new GroupLasso(lambda, alpha, members, groupWeights, d, both, size, interceptIndex, fitIntercept);
    }

    /**
     * The penalty on the groups {@code groups} only: their coordinates renumbered 0..m−1 in
     * ascending order of the original coordinates (so that a working set's statistics, held in
     * that order, line up), then the intercept, if the vector has one.
     */
    @Override
    public GroupLasso onFeatures(int[] groups) {
        int[] coordinates = coordinatesOf(groups);
        double[] dd = new double[coordinates.length];
        for (int i = 0; i < coordinates.length; i++) {
            dd[i] = d[coordinates[i]];
        }
        int[][] renumbered = new int[groups.length][];
        double[] w = new double[groups.length];
        boolean[] a = new boolean[groups.length];
        for (int i = 0; i < groups.length; i++) {
            renumbered[i] = java.util.Arrays.stream(members[groups[i]])
                    .map(j -> java.util.Arrays.binarySearch(coordinates, j)).toArray();
            w[i] = groupWeights[groups[i]];
            a[i] = active[groups[i]];
        }
        int m = coordinates.length;
        boolean intercept = interceptIndex >= 0;
        return new GroupLasso(lambda, alpha, renumbered, w, dd, a, intercept ? m + 1 : m, intercept ? m : -1,
                fitIntercept);
    }

    @Override
    public int features() {
        return members.length;
    }

    @Override
    public int groups() {
        return members.length;
    }

    @Override
    public int[] members(int group) {
        return members[group];
    }

    @Override
    public boolean isActive(int group) {
        return active[group];
    }

    @Override
    public double l1Weight(int group) {
        return alpha * groupWeights[group];
    }

    private double l1(int group) {
        return lambda * alpha * groupWeights[group];
    }

    private double ridge() {
        return lambda * (1 - alpha);
    }

    /** ‖(uⱼ/dⱼ)_{j∈g}‖₂: the dual norm of the group's part of u. */
    @Override
    public double featureScore(double[] u, int group) {
        double s = 0;
        for (int j : members[group]) {
            double x = u[j] / d[j];
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Override
    public boolean isNonzero(double[] coefficients, int group) {
        for (int j : members[group]) {
            if (coefficients[j] != 0) {
                return true;
            }
        }
        return false;
    }

    /** ‖(dⱼ bⱼ)_{j∈g}‖₂. */
    private double weightedNorm(double[] b, int group) {
        double s = 0;
        for (int j : members[group]) {
            double x = d[j] * b[j];
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Override
    public double value(double[] b) {
        double v = 0;
        for (int g = 0; g < members.length; g++) {
            if (!active[g]) {
                continue;
            }
            double norm = weightedNorm(b, g);
            v += l1(g) * norm + 0.5 * ridge() * norm * norm;
        }
        return v;
    }

    /** l1·D²b_g/‖Db_g‖ + λ(1−α)·D²b_g on each group with ‖Db_g‖ > 0; 0 elsewhere. */
    @Override
    public void subgradient(double[] b, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (int g = 0; g < members.length; g++) {
            double norm = active[g] ? weightedNorm(b, g) : 0;
            if (norm == 0) {
                continue;
            }
            double scale = l1(g) / norm + ridge();
            for (int j : members[g]) {
                out[j] = scale * d[j] * d[j] * b[j];
            }
        }
    }

    @Override
    public void prox(double[] b, double step) {
        double[] next = new double[b.length];
        for (int g = 0; g < members.length; g++) {
            if (!active[g]) {
                continue;
            }
            int[] m = members[g];
            double[] v = new double[m.length];
            for (int k = 0; k < m.length; k++) {
                v[k] = b[m[k]];
            }
            if (step > 0) {
                groupMinimizer(g, v, 1 / step);
            }
            for (int k = 0; k < m.length; k++) {
                next[m[k]] = v[k];
            }
        }
        if (interceptIndex >= 0 && fitIntercept) {
            next[interceptIndex] = b[interceptIndex];
        }
        System.arraycopy(next, 0, b, 0, b.length);
    }

    @Override
    public void groupMinimizer(int group, double[] v, double h) {
        int[] m = members[group];
        double[] dg = new double[m.length];
        for (int k = 0; k < m.length; k++) {
            dg[k] = d[m[k]];
        }
        Prox.weightedGroup(v, dg, h, l1(group), ridge());
    }

    /**
     * Σ_g g_g*(u_g): with y = D b the group's term is {@code l1‖y‖ + c/2‖y‖²} (c = λ(1−α)), whose
     * conjugate at D⁻¹u is {@code (‖D⁻¹u‖ − l1)₊² / (2c)}, +∞ beyond l1 when c = 0. Coordinates
     * outside the active groups are held at 0 (conjugate 0); the intercept is left to the caller.
     */
    @Override
    public double conjugate(double[] u) {
        double v = 0;
        for (int g = 0; g < members.length; g++) {
            if (active[g]) {
                // a point scaled onto the dual sphere ({@link #feasibleScale}) has a norm within rounding of l1
                double excess = featureScore(u, g) - l1(g);
                v += Prox.conjugateTerm(excess <= 1e-13 * l1(g) ? 0 : excess, ridge());
            }
        }
        return v;
    }

    @Override
    public double feasibleScale(double[] u) {
        if (alpha < 1) {
            return 1.0;
        }
        double s = 1.0;
        for (int g = 0; g < members.length; g++) {
            if (active[g]) {
                double score = featureScore(u, g);
                if (score > l1(g)) {
                    s = Math.min(s, l1(g) / score);
                }
            }
        }
        return s;
    }

    @Override
    public double lambdaMax(double[] c) {
        double m = 0;
        for (int g = 0; g < members.length; g++) {
            if (active[g]) {
                m = Math.max(m, featureScore(c, g) / (Prox.lambdaMaxAlpha(alpha) * groupWeights[g]));
            }
        }
        return m;
    }

    /**
     * In the scaled coordinates y = D b (gradient D⁻¹u): at b_g = 0, how far ‖D⁻¹u_g‖ exceeds l1;
     * else ‖D⁻¹u_g − l1 y_g/‖y_g‖ − c y_g‖, the distance to the (single-valued) gradient of the term.
     */
    @Override
    public double subdiffDistance(int group, double[] b, double[] u) {
        if (!active[group]) {
            return 0;
        }
        double norm = weightedNorm(b, group);
        if (norm == 0) {
            return Math.max(0, featureScore(u, group) - l1(group));
        }
        double s = 0;
        for (int j : members[group]) {
            double y = d[j] * b[j];
            double r = u[j] / d[j] - l1(group) * y / norm - ridge() * y;
            s += r * r;
        }
        return Math.sqrt(s);
    }

    @Override
    public double kktViolation(double[] b, double[] u) {
        double worst = 0;
        for (int g = 0; g < members.length; g++) {
            worst = Math.max(worst, subdiffDistance(g, b, u));
        }
        if (interceptIndex >= 0 && fitIntercept) {
            worst = Math.max(worst, Math.abs(u[interceptIndex]));
        }
        return worst;
    }

    @Override
    public int interceptIndex() {
        return interceptIndex;
    }

    @Override
    public boolean fitIntercept() {
        return fitIntercept;
    }
}
