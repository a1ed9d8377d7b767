package org.sparklasso.path;

import java.util.function.Function;
import org.sparklasso.solver.Fista;
import org.sparklasso.solver.SolverResult;
import org.sparklasso.solver.StochasticGradient;
import org.sparklasso.solver.Subgradient;
import org.sparklasso.spec.FitSpec;
import org.sparklasso.spec.SolverChoice;
import org.sparklasso.spec.SolverOptions;

/**
 * The pass-based first-order solvers (fista, gd, subgradient, sgd) as both path drivers build them: one
 * place for their default step budgets (used when {@code maxIter} is not given) and their options.
 */
final class FirstOrderSolvers {
    /** Accelerated steps per λ: each is one pass (two points evaluated in it). */
    static final int FISTA_MAX_STEPS = 10_000;
    /** Plain proximal gradient steps per λ: O(1/k) against fista's O(1/k²) in the worst case. */
    static final int GD_MAX_STEPS = 100_000;
    /** Subgradient steps per λ: the method stops on its budget, not on convergence, as a rule. */
    static final int SUBGRADIENT_MAX_STEPS = 1_000;

    private FirstOrderSolvers() {
    }

    /** fista, or gd (fista without momentum) when {@code solver} is gd. */
    static Fista proximalGradient(SolverChoice solver, FitSpec spec) {
        return solver == SolverChoice.GD ? Fista.withoutMomentum(spec.tol(), budget(spec, GD_MAX_STEPS))
                : new Fista(spec.tol(), budget(spec, FISTA_MAX_STEPS));
    }

    static Subgradient subgradient(FitSpec spec) {
        return new Subgradient(spec.tol(), budget(spec, SUBGRADIENT_MAX_STEPS), spec.stepSize());
    }

    /** Proximal stochastic gradient with the fit's epochs, mini-batch fraction, seed and step. */
    static StochasticGradient sgd(FitSpec spec) {
        SolverOptions o = spec.solverOptions();
        return new StochasticGradient(spec.tol(), o.epochs(), o.miniBatchFraction(), spec.seed(), o.stepSize());
    }

    /**
     * sgd's answer, finished by {@code exact} from it when sgdPolish is on (null: not): the exact
     * solver's result, certified to tol, counting sgd's epochs and passes as well.
     */
    static SolverResult polished(SolverResult approximate, Function<double[], SolverResult> exact) {
        if (exact == null) {
            return approximate;
        }
        return exact.apply(approximate.coefficients()).plus(approximate.iterations(), approximate.passes());
    }

    /** {@code maxIter} when given (> 0), else the solver's default. */
    static int budget(FitSpec spec, int solverDefault) {
        return spec.maxIter() > 0 ? spec.maxIter() : solverDefault;
    }
}
