package org.sparklasso.solver;

import org.sparklasso.datafit.LossOracle;
import org.sparklasso.datafit.WorkingSetOracle;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sparklasso.penalty.DualPenalty;
import org.sparklasso.penalty.GroupPenalty;
import org.sparklasso.penalty.PathPenalty;
import org.sparklasso.penalty.SeparablePenalty;

/**
 * Least squares with a separable penalty by working sets, for many features and sparse
 * solutions (the approach of celer and skglm: Massias, Gramfort, Salmon 2018, "Celer: a fast
 * solver for the Lasso with dual extrapolation", ICML; Bertrand et al. 2022, "Beyond L1: faster
 * and better sparse models with skglm", NeurIPS).
 *
 * <p>Each outer iteration: one pass evaluates the loss and the gradient of every feature at the
 * current coefficients, which gives the duality gap of the whole problem (stop when it is at most
 * {@code tol} relative to the objective). Otherwise the working set is the nonzero coefficients,
 * every feature that violates the optimality condition, and more of the features closest to
 * violating it (score |uⱼ|/λαwⱼ) up to twice the nonzeros; a second pass computes the
 * data of just those features (skipped when the last ones cover them: their coordinate
 * statistics for dense data, their columns for sparse data), and coordinate descent solves that
 * small problem on the driver. A fit is typically
 * a handful of passes, whatever p is. When the nonzeros alone fill the oracle's
 * {@code maxFeatures} (the driver holds the working set's data), the solve continues with FISTA, which holds no
 * such array.
 *
 * <p>One instance follows one model along its λ path: the last statistics are kept, so that a
 * warm-started λ whose working set they cover costs a single pass.
 *
 * <p>Needs of the penalty: the coordinate prox (the inner coordinate descent) or, for the group
 * lasso, the group prox (block coordinate descent on working sets of groups), the duality gap, and
 * the path's restriction to a working set of features and per-feature scores.
 */
public final class WorkingSetSolver {
    private static final Logger LOG = LoggerFactory.getLogger(WorkingSetSolver.class);
    /** Features in the first working set (celer and skglm start from 10 to 100). */
    static final int INITIAL_SIZE = 100;
    /** The inner solve goes this much below tol, so that the outer gap can reach tol. */
    private static final double INNER_TOL_FACTOR = 0.1;
    /** Sweeps of one inner solve at most (driver only). */
    private static final int MAX_SWEEPS = 100_000;

    private final double tol;
    private final int maxOuter;
    private final int fistaMaxSteps;
    private WorkingSetOracle.Restricted cached;
    private double lipschitz = 1.0;

    /**
     * @param tol          relative duality gap to reach
     * @param maxOuter     outer iterations at most (each one or two passes)
     * @param fistaMaxSteps FISTA's step limit when it takes over
     */
    public WorkingSetSolver(double tol, int maxOuter, int fistaMaxSteps) {
        this.tol = tol;
        this.maxOuter = maxOuter;
        this.fistaMaxSteps = fistaMaxSteps;
    }

    public <P extends SeparablePenalty & DualPenalty & PathPenalty<P>> SolverResult solve(
            WorkingSetOracle oracle, P penalty, double[] warmStart) {
        return run(oracle, penalty, warmStart, new Shape<>() {
            @Override
            public int[] coordinates(P pen, int[] features) {
                return features;
            }

            @Override
            public P restrict(P pen, int[] coordinates) {
                return pen.onFeatures(coordinates);
            }

            @Override
            public SolverResult solve(WorkingSetOracle.Restricted r, P restricted, double[] start, double innerTol) {
                return solveRestricted(r, restricted, start, innerTol);
            }
        });
    }

    /**
     * The group lasso by working sets of groups: as {@link #solve}, a feature being a group; the
     * working set's statistics cover its groups' coordinates and block coordinate descent solves
     * the restricted problem. Gathered columns (sparse data) have no block solver: FISTA takes over.
     */
    public <P extends GroupPenalty & DualPenalty & PathPenalty<P>> SolverResult solveGroups(
            WorkingSetOracle oracle, P penalty, double[] warmStart) {
        return run(oracle, penalty, warmStart, new Shape<>() {
            @Override
            public int[] coordinates(P pen, int[] groups) {
                return pen.coordinatesOf(groups);
            }

            /**
             * The groups wholly among the coordinates (a union of whole groups: every working set is
             * one), the screened-out ones included (held at 0 by their inactive flag).
             */
            @Override
            public P restrict(P pen, int[] coordinates) {
                int[] inside = java.util.stream.IntStream.range(0, pen.groups())
                        .filter(g -> pen.members(g).length > 0 && Arrays.stream(pen.members(g))
                                .allMatch(j -> Arrays.binarySearch(coordinates, j) >= 0)).toArray();
                P restricted = pen.onFeatures(inside);
                if (pen.coordinatesOf(inside).length != coordinates.length) {
                    throw new IllegalStateException("working set of " + coordinates.length
                            + " coordinates is not a union of whole groups");
                }
                return restricted;
            }

            @Override
            public SolverResult solve(WorkingSetOracle.Restricted r, P restricted, double[] start, double innerTol) {
                return r.form() == null ? null
                        : new BlockCoordinateDescent(innerTol, MAX_SWEEPS).solve(r.form(), restricted, start);
            }
        });
    }

    /** What the outer loop needs to know of a penalty's features: their coordinates, restriction, inner solver. */
    private interface Shape<P> {
        /** The coordinates of the features, strictly increasing. */
        int[] coordinates(P penalty, int[] features);

        /** The penalty on those coordinates, renumbered 0..m−1. */
        P restrict(P penalty, int[] coordinates);

        /** The restricted problem solved, or null when its data has no solver here (FISTA takes over). */
        SolverResult solve(WorkingSetOracle.Restricted r, P restricted, double[] start, double innerTol);
    }

    private <P extends DualPenalty & PathPenalty<P>> SolverResult run(WorkingSetOracle oracle, P penalty,
                                                                     double[] warmStart, Shape<P> shape) {
        int startPasses = oracle.passes();
        int p = warmStart.length;
        double[] b = warmStart.clone();
        penalty.prox(b, 0); // inactive coordinates to 0
        LossOracle.Evaluation e = oracle.evaluate(b)[0];
        int outer = 0;
        while (true) {
            double objective = e.loss() + penalty.value(b);
            IterationTrace.record(objective, oracle.passes());
            double gap = LeastSquaresGap.gap(e.loss(), e.rDotY(), e.negGradient(), b, penalty);
            if (gap <= tol * objective || outer >= maxOuter) {
                return result(b, e, objective, gap, outer, oracle.passes() - startPasses);
            }
            int maxFeatures = oracle.maxFeatures();
            int[] wantedFeatures = workingSet(penalty, b, e.negGradient(), maxFeatures);
            int[] wanted = wantedFeatures == null ? null : shape.coordinates(penalty, wantedFeatures);
            if (wanted == null || wanted.length > maxFeatures) {
                return continueWithFista(oracle, penalty, b, outer, startPasses);
            }
            boolean fetched = false;
            if (cached == null || !covers(cached.features(), wanted)) {
                cached = oracle.restricted(withCached(wanted, maxFeatures));
                fetched = true;
            }
            int[] features = cached.features();
            LOG.debug("round {}: relative gap {} working set {} statistics over {}{}", outer,
                    String.format("%.2e", gap / objective), wanted.length, features.length, fetched ? " (new pass)" : "");
            P restricted = shape.restrict(penalty, features);
            double[] start = new double[features.length];
            for (int i = 0; i < features.length; i++) {
                start[i] = b[features[i]];
            }
            SolverResult inner = shape.solve(cached, restricted, start, Math.max(tol * INNER_TOL_FACTOR, 1e-15));
            if (inner == null) {
                return continueWithFista(oracle, penalty, b, outer, startPasses);
            }
            outer++;
            if (!fetched && inner.iterations() == 0) {
                // the statistics already say b is optimal on its working set: what gap is left is
                // rounding between the two computations, and another round would change nothing
                return result(b, e, objective, gap, outer, oracle.passes() - startPasses);
            }
            double[] next = new double[p];
            for (int i = 0; i < features.length; i++) {
                next[features[i]] = inner.coefficients()[i];
            }
            b = next;
            e = oracle.evaluate(b)[0];
        }
    }

    /**
     * The nonzero features and those with the highest scores |uⱼ|/λαwⱼ (a score above 1 violates
     * optimality at bⱼ = 0): every violator, and at least max(INITIAL_SIZE, 2·nonzeros) features in
     * all (celer's growth), at most maxSize; strictly increasing. Null when the nonzeros alone fill
     * maxSize (no room left to grow). Unpenalized active features count as nonzeros.
     */
    static int[] workingSet(PathPenalty<?> penalty, double[] b, double[] u, int maxSize) {
        int p = penalty.features();
        double[] score = new double[p];
        int nonzeros = 0;
        int candidates = 0;
        int violators = 0;
        for (int j = 0; j < p; j++) {
            if (!penalty.isActive(j)) {
                score[j] = -1;
                continue;
            }
            double threshold = penalty.lambda() * penalty.l1Weight(j);
            if (penalty.isNonzero(b, j) || !(threshold > 0)) {
                score[j] = Double.POSITIVE_INFINITY;
                nonzeros++;
            } else {
                score[j] = penalty.featureScore(u, j) / threshold;
                candidates++;
                violators += score[j] > 1 ? 1 : 0;
            }
        }
        if (nonzeros >= maxSize && candidates > 0) {
            return null;
        }
        int wantedSize = Math.max(Math.max(INITIAL_SIZE, 2 * nonzeros), nonzeros + violators);
        int others = Math.min(candidates, Math.min(maxSize, wantedSize) - nonzeros);
        double cut = Double.POSITIVE_INFINITY;
        if (others > 0) {
            double[] ranked = new double[candidates];
            int c = 0;
            for (double s : score) {
                if (s >= 0 && s != Double.POSITIVE_INFINITY) {
                    ranked[c++] = s;
                }
            }
            Arrays.sort(ranked);
            cut = ranked[candidates - others];
        }
        int[] out = new int[p];
        int size = 0;
        for (int j = 0; j < p; j++) {
            // a zero score says nothing about the feature: leave it out
            if (score[j] == Double.POSITIVE_INFINITY || (score[j] > 0 && score[j] >= cut)) {
                out[size++] = j;
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** The wanted features, with the cached ones too when that adds at most half again. */
    private int[] withCached(int[] wanted, int maxFeatures) {
        if (cached == null) {
            return wanted;
        }
        int[] union = union(wanted, cached.features());
        return union.length <= Math.min(maxFeatures, wanted.length + wanted.length / 2) ? union : wanted;
    }

    static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int k = 0;
        int n = 0;
        while (i < a.length || k < b.length) {
            int next = k >= b.length || (i < a.length && a[i] <= b[k]) ? a[i] : b[k];
            out[n++] = next;
            while (i < a.length && a[i] == next) {
                i++;
            }
            while (k < b.length && b[k] == next) {
                k++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Whether the strictly increasing {@code have} contains every element of {@code wanted}. */
    static boolean covers(int[] have, int[] wanted) {
        int i = 0;
        for (int j : wanted) {
            while (i < have.length && have[i] < j) {
                i++;
            }
            if (i >= have.length || have[i] != j) {
                return false;
            }
        }
        return true;
    }

    private SolverResult continueWithFista(WorkingSetOracle oracle, DualPenalty penalty, double[] b, int outer,
                                           int startPasses) {
        Fista fista = new Fista(tol, fistaMaxSteps);
        SolverResult r = fista.solve(oracle, penalty, b, lipschitz);
        lipschitz = fista.lastLipschitz();
        return new SolverResult(r.coefficients(), r.loss(), r.objective(), r.gap(), r.relativeGap(), r.converged(),
                outer + r.iterations(), oracle.passes() - startPasses, r.gradient(), r.heldOut());
    }

    private SolverResult result(double[] b, LossOracle.Evaluation e, double objective, double gap, int outer,
                                int passes) {
        double relative = objective > 0 ? gap / objective : gap;
        return new SolverResult(b, e.loss(), objective, gap, relative, relative <= tol, outer, passes,
                e.negGradient(), e.heldOut());
    }

    /** Coordinate descent on the restricted problem's data: its quadratic form, or its gathered columns. */
    private static <P extends SeparablePenalty & DualPenalty> SolverResult solveRestricted(
            WorkingSetOracle.Restricted r, P penalty, double[] warm, double innerTol) {
        if (r.columns() != null) {
            return new ColumnCoordinateDescent(r.columns(), r.standardization(), r.excludedFold())
                    .solve(penalty, warm, innerTol, MAX_SWEEPS);
        }
        return new CoordinateDescent(innerTol, MAX_SWEEPS).solve(r.form(), penalty, warm);
    }
}
