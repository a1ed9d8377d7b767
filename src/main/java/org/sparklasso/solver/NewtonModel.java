package org.sparklasso.solver;

import org.sparklasso.penalty.BlockPenalty;

/**
 * The quadratic model of one {@link ProxNewton} step over a working set of features and the
 * intercepts, with the per-class Hessian blocks coupled across classes (block [c·K + c2], m+1 by
 * m+1, the intercept last): its products, its restriction to fewer features, and its minimizer by
 * coordinate descent with an exact active-set finish ({@link ActiveSetSolve}). Needs of the
 * penalty: the block prox, and the coordinate prox when the blocks separate.
 */
final class NewtonModel {
    /**
     * Coordinate-descent sweeps on a step's quadratic model: up to this many, and at most
     * {@link #SWEEP_WORK} coefficient updates in all (never fewer than {@link #MIN_SWEEPS} sweeps).
     * The model must be solved to its end: an inexact direction makes Newton converge only
     * linearly, and on ill-conditioned Hessians (near-separable data) 500 sweeps were not enough
     * (the breast-cancer CV at tol 1e-11 took 1089 passes, 297–332 with these bounds).
     */
    private static final int MAX_SWEEPS = 5000;
    private static final int MIN_SWEEPS = 500;
    private static final double SWEEP_WORK = 2e8;

    private NewtonModel() {
    }

    /** Hδ over the working set and the intercepts (H coupled across classes), zero elsewhere. */
    static double[] hessianTimes(BlockPenalty penalty, double[][] hessians, int[] set, double[] d) {
        int k = penalty.classes();
        int m = set.length;
        int m1 = m + 1;
        double[][] dv = new double[k][m1];
        for (int c = 0; c < k; c++) {
            for (int a = 0; a < m; a++) {
                dv[c][a] = d[penalty.index(set[a], c)];
            }
            dv[c][m] = penalty.fitIntercept() ? d[penalty.interceptIndex(c)] : 0;
        }
        double[] out = new double[d.length];
        for (int c = 0; c < k; c++) {
            double[] row = new double[m1];
            for (int c2 = 0; c2 < k; c2++) {
                double[] block = hessians[c * k + c2];
                for (int col = 0; col < m1; col++) {
                    double dc = dv[c2][col];
                    if (dc == 0) {
                        continue;
                    }
                    for (int r = 0; r < m1; r++) {
                        row[r] += block[r + col * m1] * dc;
                    }
                }
            }
            for (int a = 0; a < m; a++) {
                out[penalty.index(set[a], c)] = row[a];
            }
            if (penalty.fitIntercept()) {
                out[penalty.interceptIndex(c)] = row[m];
            }
        }
        return out;
    }

    /** The per-class Hessian blocks restricted from the features {@code from} to {@code to} ⊆ from. */
    static double[][] principal(double[][] hessians, int[] from, int[] to, int classes) {
        int m1 = from.length + 1;
        int n1 = to.length + 1;
        int[] pos = new int[n1];
        for (int a = 0; a < to.length; a++) {
            pos[a] = java.util.Arrays.binarySearch(from, to[a]);
        }
        pos[to.length] = from.length;
        double[][] out = new double[classes * classes][];
        for (int b = 0; b < out.length; b++) {
            double[] block = new double[n1 * n1];
            for (int col = 0; col < n1; col++) {
                for (int row = 0; row < n1; row++) {
                    block[row + col * n1] = hessians[b][pos[row] + pos[col] * m1];
                }
            }
            out[b] = block;
        }
        return out;
    }

    /**
     * Coordinate descent on −uᵀδ + ½δᵀHδ + g(x + δ) over the working set and the intercepts,
     * with H coupled across classes (blocks [c·K + c2]); returns δ (zero outside).
     */
    static double[] direction(BlockPenalty penalty, double[] x, double[] u, double[][] hessians, int[] set) {
        int k = penalty.classes();
        int m = set.length;
        int m1 = m + 1;
        double[] z = x.clone();
        // hd[c][i] = Σ_c2 (H_{c,c2} δ_c2)_i over the m working coordinates and the intercept (index m)
        double[][] hd = new double[k][m1];
        double scale = 0;
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < m1; i++) {
                scale = Math.max(scale, hessians[c * k + c][i + i * m1]);
            }
        }
        double stop = 1e-24 * Math.max(1e-300, scale);
        int sweeps = (int) Math.max(MIN_SWEEPS, Math.min(MAX_SWEEPS, SWEEP_WORK / ((double) m1 * m1 * k * k)));
        boolean exactFinish = penalty.coordinateSeparable();
        long[] pattern = new long[(k * m + 63) / 64 * 2];
        boolean tried = false;
        for (int sweep = 0; sweep < sweeps; sweep++) {
            double maxChange = 0;
            for (int a = 0; a < m; a++) {
                int j = set[a];
                if (!penalty.coordinateSeparable()) {
                    maxChange = Math.max(maxChange, groupUpdate(penalty, z, u, hessians, hd, a, j));
                } else {
                    for (int c = 0; c < k; c++) {
                        double h = hessians[c * k + c][a + a * m1];
                        if (h <= 0) {
                            continue;
                        }
                        int idx = penalty.index(j, c);
                        double g = -u[idx] + hd[c][a];
                        double next = penalty.coordinateMinimizer(j, h * z[idx] - g, h);
                        maxChange = Math.max(maxChange, move(hessians, hd, z, idx, c, a, k, m1, next));
                    }
                }
            }
            if (penalty.fitIntercept()) {
                for (int c = 0; c < k; c++) {
                    double h = hessians[c * k + c][m + m * m1];
                    if (h <= 0) {
                        continue;
                    }
                    int idx = penalty.interceptIndex(c);
                    double g = -u[idx] + hd[c][m];
                    maxChange = Math.max(maxChange, move(hessians, hd, z, idx, c, m, k, m1, z[idx] - g / h));
                }
            }
            if (maxChange <= stop) {
                break;
            }
            // once a sweep leaves the sign pattern as it was, try the exact minimizer for it (once
            // per pattern): it ends the descent when the pattern is the optimal one
            boolean stable = exactFinish && samePattern(penalty, z, set, pattern);
            tried &= stable;
            if (stable && sweep > 0 && !tried) {
                tried = true;
                double[] exact = ActiveSetSolve.solve(penalty, x, u, hessians, set, z);
                if (exact != null) {
                    z = exact;
                    break;
                }
            }
        }
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = z[i] - x[i];
        }
        return d;
    }

    /**
     * Whether z's sign pattern over the working set equals the one in {@code pattern} (two bits a
     * coordinate: nonzero, negative); stores z's there.
     */
    private static boolean samePattern(BlockPenalty penalty, double[] z, int[] set, long[] pattern) {
        int k = penalty.classes();
        boolean same = true;
        int words = pattern.length / 2;
        long[] now = new long[pattern.length];
        for (int a = 0; a < set.length; a++) {
            for (int c = 0; c < k; c++) {
                double v = z[penalty.index(set[a], c)];
                int bit = a * k + c;
                if (v != 0) {
                    now[bit >>> 6] |= 1L << bit;
                }
                if (v < 0) {
                    now[words + (bit >>> 6)] |= 1L << bit;
                }
            }
        }
        for (int w = 0; w < pattern.length; w++) {
            same &= now[w] == pattern[w];
            pattern[w] = now[w];
        }
        return same;
    }

    /** Moves coordinate idx (working index a, class c) to {@code next}; returns h·Δ². */
    private static double move(double[][] hessians, double[][] hd, double[] z, int idx, int c, int a, int k, int m1,
                               double next) {
        double change = next - z[idx];
        if (change == 0) {
            return 0;
        }
        z[idx] = next;
        for (int c2 = 0; c2 < k; c2++) {
            double[] block = hessians[c2 * k + c];
            double[] row = hd[c2];
            for (int i = 0; i < m1; i++) {
                row[i] += block[i + a * m1] * change;
            }
        }
        return hessians[c * k + c][a + a * m1] * change * change;
    }

    /**
     * Block update of feature j across classes: its K×K curvature block is majorized by its
     * Gershgorin bound h, so the group step is the block prox.
     */
    private static double groupUpdate(BlockPenalty penalty, double[] z, double[] u, double[][] hessians,
                                      double[][] hd, int a, int j) {
        int k = penalty.classes();
        int m1 = hd[0].length;
        double h = 0;
        for (int c = 0; c < k; c++) {
            double row = 0;
            for (int c2 = 0; c2 < k; c2++) {
                row += Math.abs(hessians[c * k + c2][a + a * m1]);
            }
            h = Math.max(h, row);
        }
        if (h <= 0) {
            return 0;
        }
        double[] v = new double[k];
        for (int c = 0; c < k; c++) {
            int idx = penalty.index(j, c);
            double g = -u[idx] + hd[c][a];
            v[c] = z[idx] - g / h;
        }
        penalty.blockMinimizer(j, v, h);
        double change = 0;
        for (int c = 0; c < k; c++) {
            change += move(hessians, hd, z, penalty.index(j, c), c, a, k, m1, v[c]);
        }
        return change;
    }
}
