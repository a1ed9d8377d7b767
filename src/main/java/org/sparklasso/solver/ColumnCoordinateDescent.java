package org.sparklasso.solver;

import org.sparklasso.block.ColumnSubset;
import org.sparklasso.block.Standardization;
import org.sparklasso.penalty.DualPenalty;
import org.sparklasso.penalty.SeparablePenalty;

/**
 * Cyclic coordinate descent on gathered feature columns, keeping the residual (glmnet's "naive"
 * mode; Friedman, Hastie, Tibshirani 2010, §2.1), for one model: its own centering and scaling
 * {@code x̃ = (x − c)/d}, and its training rows (every fold but {@code excludedFold}).
 *
 * <p>Centering is never materialized, so a sparse column stays sparse: the residual is kept as
 * {@code r = r̂ + a} with {@code r̂ = ỹ − Σⱼ βⱼxⱼ} (βⱼ = bⱼ/dⱼ, updated on the column's entries
 * only) and the scalar {@code a = Σⱼ βⱼcⱼ}; {@code Σ w r} is kept too. One coordinate update costs
 * the column's stored entries. Stops on the relative duality gap ({@link LeastSquaresGap}),
 * checked after each sweep in O(rows + entries). Needs the coordinate prox and what the gap needs of
 * the penalty.
 */
public final class ColumnCoordinateDescent {
    private final ColumnSubset data;
    private final Standardization model;
    private final double[] omega;
    private final double[] yTilde;
    /** Σ ω x and the curvature (1/n) Σ ω x̃² of each column over the training rows. */
    private final double[] columnSum;
    private final double[] curvature;
    private final double n;
    private final double totalWeight;

    /**
     * @param model        the model's coordinates over the gathered columns (in their order)
     * @param excludedFold the fold the model leaves out, or -1
     */
    public ColumnCoordinateDescent(ColumnSubset data, Standardization model, int excludedFold) {
        this.data = data;
        this.model = model;
        int rows = data.rows();
        omega = new double[rows];
        yTilde = new double[rows];
        double w = 0;
        for (int i = 0; i < rows; i++) {
            omega[i] = data.fold(i) == excludedFold ? 0 : data.weight(i);
            yTilde[i] = data.label(i) - model.yCenter();
            w += omega[i];
        }
        totalWeight = w;
        n = model.weightSum();
        int q = data.numColumns();
        columnSum = new double[q];
        curvature = new double[q];
        for (int j = 0; j < q; j++) {
            double s = 0;
            double ss = 0;
            for (int e = data.start(j); e < data.end(j); e++) {
                double ox = omega[data.row(e)] * data.value(e);
                s += ox;
                ss += ox * data.value(e);
            }
            double c = model.center()[j];
            double d = model.scale()[j];
            columnSum[j] = s;
            curvature[j] = model.active()[j] ? (ss - 2 * c * s + totalWeight * c * c) / (n * d * d) : 0;
        }
    }

    public <P extends SeparablePenalty & DualPenalty> SolverResult solve(P penalty, double[] warmStart,
            double tol, int maxSweeps) {
        int q = data.numColumns();
        double[] b = warmStart.clone();
        double[] rHat = yTilde.clone();
        double shift = 0;
        for (int j = 0; j < q; j++) {
            if (!penalty.isActive(j) || curvature[j] <= 0) {
                b[j] = 0;
                continue;
            }
            double beta = b[j] / model.scale()[j];
            if (beta != 0) {
                for (int e = data.start(j); e < data.end(j); e++) {
                    rHat[data.row(e)] -= beta * data.value(e);
                }
                shift += beta * model.center()[j];
            }
        }
        double rHatSum = 0;
        for (int i = 0; i < rHat.length; i++) {
            rHatSum += omega[i] * rHat[i];
        }
        int sweeps = 0;
        double[] state = state(penalty, b, rHat, shift);
        while (state[1] > tol * state[0] && sweeps < maxSweeps) {
            for (int j = 0; j < q; j++) {
                double h = curvature[j];
                if (!penalty.isActive(j) || h <= 0) {
                    continue;
                }
                double u = gradient(j, rHat, shift, rHatSum);
                double next = penalty.coordinateMinimizer(j, u + h * b[j], h);
                if (next != b[j]) {
                    double step = (next - b[j]) / model.scale()[j];
                    b[j] = next;
                    for (int e = data.start(j); e < data.end(j); e++) {
                        rHat[data.row(e)] -= step * data.value(e);
                    }
                    rHatSum -= step * columnSum[j];
                    shift += step * model.center()[j];
                }
            }
            sweeps++;
            state = state(penalty, b, rHat, shift);
        }
        double relative = state[0] > 0 ? state[1] / state[0] : state[1];
        return new SolverResult(b, state[2], state[0], state[1], relative, state[1] <= tol * state[0], sweeps, 0,
                null, null);
    }

    /** uⱼ = (1/n) Σ ω x̃ⱼ r with r = r̂ + a. */
    private double gradient(int j, double[] rHat, double shift, double rHatSum) {
        double xr = 0;
        for (int e = data.start(j); e < data.end(j); e++) {
            int i = data.row(e);
            xr += omega[i] * data.value(e) * rHat[i];
        }
        xr += shift * columnSum[j];
        double rSum = rHatSum + shift * totalWeight;
        return (xr - model.center()[j] * rSum) / (n * model.scale()[j]);
    }

    /** {objective, duality gap, loss} at b, from the residual. */
    private <P extends SeparablePenalty & DualPenalty> double[] state(P penalty, double[] b, double[] rHat,
            double shift) {
        double rr = 0;
        double ry = 0;
        double rHatSum = 0;
        for (int i = 0; i < rHat.length; i++) {
            double r = rHat[i] + shift;
            rr += omega[i] * r * r;
            ry += omega[i] * r * yTilde[i];
            rHatSum += omega[i] * rHat[i];
        }
        int q = data.numColumns();
        double[] u = new double[q];
        for (int j = 0; j < q; j++) {
            u[j] = penalty.isActive(j) && curvature[j] > 0 ? gradient(j, rHat, shift, rHatSum) : 0;
        }
        double loss = rr / (2 * n);
        double objective = loss + penalty.value(b);
        double gap = LeastSquaresGap.gap(loss, ry / n, u, b, penalty);
        return new double[] {objective, gap, loss};
    }
}
