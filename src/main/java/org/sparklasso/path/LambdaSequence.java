package org.sparklasso.path;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.sparklasso.model.FittedModel;
import org.sparklasso.model.Standardization;
import org.sparklasso.penalty.ElasticNet;
import org.sparklasso.solver.SolverResult;

/**
 * Solves a list of λ values from the largest to the smallest, each warm-started from the
 * previous solution (glmnet's path strategy), and maps each solution back to the original scale.
 */
public final class LambdaSequence {
    private LambdaSequence() {
    }

    /**
     * @param solver (penalty, warm start) → result
     * @return one model per λ, largest λ first
     */
    public static List<FittedModel> solve(List<Double> lambdas, ElasticNet penalty, Standardization s,
                                          BiFunction<ElasticNet, double[], SolverResult> solver,
                                          java.util.function.Consumer<FittedModel> progress) {
        List<Double> order = new ArrayList<>(lambdas);
        order.sort((a, b) -> Double.compare(b, a));
        double[] warm = new double[s.numFeatures()];
        List<FittedModel> out = new ArrayList<>();
        for (double lambda : order) {
            SolverResult r = solver.apply(penalty.withLambda(lambda), warm);
            warm = r.coefficients();
            FittedModel m = toModel(lambda, r, s);
            out.add(m);
            progress.accept(m);
        }
        return out;
    }

    static FittedModel toModel(double lambda, SolverResult r, Standardization s) {
        double[] beta = s.toOriginal(r.coefficients());
        double mse = 2 * r.loss();
        double r2 = s.labelVariance() > 0 ? 1 - mse / s.labelVariance() : 0;
        return new FittedModel(lambda, s.intercept(beta), beta, r, mse, r2);
    }
}
