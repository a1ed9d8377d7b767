package org.sparklasso.solver;

/**
 * The per-step choice of {@link ProxNewton} between a pass that computes a new Hessian and one
 * that evaluates points only, the next steps taking the Hessian at hand (a Newton step on a nearby
 * Hessian: the gradient is exact, only the speed of convergence depends on it; Armijo's condition
 * and the contraction checks of a nearby Hessian still apply).
 *
 * <p>The Hessian over a working set of m features costs K(K+1)/2·m² flops per row (K margins),
 * against 4·p·K flops per row for each point a pass evaluates. A reused Hessian that does not serve
 * costs an exact Hessian pass of its own. So it is reused when (1 − P)·cost(Hessian) > P·cost(extra
 * pass), P being the share of this model's reuses after which an exact Hessian pass was needed
 * before the next choice, measured along its path from a prior of {@value #PRIOR_FAILURE} worth
 * {@value #PRIOR_WEIGHT} reuses. Flops rather than live timings, so that a fit stays reproducible bit
 * for bit (the choice depends on the iterates only); the weights are the kernels' measured speeds.
 *
 * <p>Measured on B2 (binomial 100,000 × 100, 100-λ path, 5-fold CV, 2 cores; a per-pass log): a pass
 * evaluating 12 points takes 30–45 ms (≈ 15 ms fixed, ≈ 1.7 ms a point), the six models' Hessians
 * over ~70 features each add 40–50 ms (the Gram kernel runs at ~3× a pass's flop rate: the weight
 * {@value #HESSIAN_FLOP_WEIGHT}); an extra pass counts as {@value #EXTRA_PASS_POINTS} points (its own
 * and its share of the fixed cost). Reusing every Hessian always took 112 passes to λ 41 instead of
 * 68 (the narrow phase, where a Hessian over ≤ 15 features is nearly free, fails almost every time);
 * reusing one that does not cover the features a new one would (features entering) failed a third of
 * the time and took 111 passes instead of 101, slower. Covered reuses never failed on B2; they are
 * the ones taken, 22 of them, late in the wide phase (m above 50), which took 3.23–3.41 s instead of
 * 3.51–3.68 s (three alternating pairs, 101 passes each); asking it to cover only the sequential
 * strong rule's set at the next λ instead took 105 passes and was no faster (2.65–2.80 s against
 * 2.58–2.63 s for that part in two pairs). The working set grows at almost every step
 * there, so most speculative passes still compute their Hessian: a Hessian over only the entering
 * features' rows and columns (n·m·Δm) is the next step.
 */
final class HessianReuse {
    /** A Hessian flop costs this fraction of a pass's flop (the Gram kernel's faster rate). */
    static final double HESSIAN_FLOP_WEIGHT = 0.35;
    /** Points a failed reuse's extra pass evaluates (the step and the next λ's). */
    private static final int EXTRA_PASS_POINTS = 4;

    /** The prior share of reuses that fail, and its weight in reuses (see the class comment). */
    private static final double PRIOR_FAILURE = 0.2;
    private static final double PRIOR_WEIGHT = 2;

    private int choices;
    private int failures;
    private boolean pending;

    /**
     * Whether to reuse the Hessian at hand instead of computing one over {@code hessianFeatures}
     * features, for a model of {@code features} features and {@code margins} margins.
     */
    boolean worthReusing(int features, int margins, int hessianFeatures) {
        double m = hessianFeatures;
        double hessian = HESSIAN_FLOP_WEIGHT * margins * (margins + 1) / 2.0 * m * m;
        double pass = EXTRA_PASS_POINTS * 4.0 * features * margins;
        double fail = (failures + PRIOR_FAILURE * PRIOR_WEIGHT) / (choices + PRIOR_WEIGHT);
        return (1 - fail) * hessian > fail * pass;
    }

    /** A Hessian was reused: served unless an exact Hessian pass comes before the next choice. */
    void reused() {
        pending = true;
    }

    /** A choice point reached (a speculative pass): the last reuse, if any, served. */
    void choosing() {
        settle(false);
    }

    /** A pass computed the exact Hessian at the current point: the last reuse, if any, did not serve. */
    void exactPass() {
        settle(true);
    }

    private void settle(boolean failed) {
        if (pending) {
            choices++;
            if (failed) {
                failures++;
            }
            pending = false;
        }
    }

    /** Reuses judged so far, and those that did not serve (for tests and logs). */
    int choices() {
        return choices;
    }

    int failures() {
        return failures;
    }
}
