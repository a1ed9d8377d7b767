package org.sparklasso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small classification data set in plain arrays, with the documented binomial and multinomial
 * objectives, gradients and KKT conditions computed directly from their definitions (no project
 * code): the independent check of what the job writes.
 *
 * <pre>
 * binomial:    −(1/n) Σᵢ wᵢ [yᵢ fᵢ − log(1 + e^{fᵢ})] + λ Σⱼ [α sⱼ|βⱼ| + (1−α)/2 sⱼ² βⱼ²]
 * multinomial: −(1/n) Σᵢ wᵢ log softmax(fᵢ)_{yᵢ} + λ Σⱼ [α sⱼ Pⱼ + (1−α)/2 sⱼ² Σₖ βⱼₖ²],
 *              Pⱼ = Σₖ|βⱼₖ| (ungrouped) or ‖βⱼ·‖₂ (grouped)
 * </pre>
 * n = Σ w, sⱼ the weighted population sd (standardize) or 1. Binomial uses K = 1 "class" (the
 * indicator of the second class); multinomial K = number of classes.
 */
public final class ClassificationReference {
    public final double[][] x;
    /** y[i][k] = 1 when row i is of class k (binomial: k = 0 means the second class). */
    public final double[][] y;
    public final double[] w;
    public final List<String> names;
    public final boolean binomial;

    private ClassificationReference(double[][] x, double[][] y, double[] w, List<String> names, boolean binomial) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.names = names;
        this.binomial = binomial;
    }

    /**
     * Reads a CSV with a header. {@code classes} in the sorted order of the fixture; labels are
     * matched as strings, or as numbers when both parse. {@code weightCol} may be null.
     */
    public static ClassificationReference readCsv(Path file, String labelCol, String weightCol, List<String> classes,
                                                  boolean binomial) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> header = Arrays.asList(lines.get(0).split(","));
            int yi = header.indexOf(labelCol);
            int wi = weightCol == null ? -1 : header.indexOf(weightCol);
            if (yi < 0 || (weightCol != null && wi < 0)) {
                throw new IllegalArgumentException("no column " + labelCol + " / " + weightCol + " in " + file);
            }
            List<Integer> cols = ReferenceProblem.featureColumns(header, yi, wi);
            List<String> names = cols.stream().map(header::get).toList();
            int n = lines.size() - 1;
            int k = binomial ? 1 : classes.size();
            double[][] x = new double[n][cols.size()];
            double[][] y = new double[n][k];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i + 1).split(",");
                for (int j = 0; j < cols.size(); j++) {
                    x[i][j] = Double.parseDouble(f[cols.get(j)]);
                }
                int c = classIndex(f[yi].strip(), classes);
                if (binomial) {
                    y[i][0] = c == 1 ? 1 : 0;
                } else {
                    y[i][c] = 1;
                }
                w[i] = wi < 0 ? 1 : Double.parseDouble(f[wi]);
            }
            return new ClassificationReference(x, y, w, names, binomial);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int classIndex(String label, List<String> classes) {
        for (int c = 0; c < classes.size(); c++) {
            String name = classes.get(c);
            if (name.equals(label)) {
                return c;
            }
            try {
                if (Double.parseDouble(name) == Double.parseDouble(label)) {
                    return c;
                }
            } catch (NumberFormatException e) {
                // not numbers: strings only
            }
        }
        throw new IllegalArgumentException("label " + label + " is not one of " + classes);
    }

    public int n() {
        return w.length;
    }

    public int p() {
        return names.size();
    }

    /** Number of linear predictors: 1 for binomial, K for multinomial. */
    public int k() {
        return y[0].length;
    }

    public double weightSum() {
        return Arrays.stream(w).sum();
    }

    /** Weighted mean of each feature. */
    public double[] means() {
        double n = weightSum();
        double[] m = new double[p()];
        for (int i = 0; i < n(); i++) {
            for (int j = 0; j < p(); j++) {
                m[j] += w[i] * x[i][j] / n;
            }
        }
        return m;
    }

    /** Penalty scale sⱼ: weighted population sd (standardize) or 1. */
    public double[] penaltyScale(boolean standardize) {
        return ReferenceProblem.penaltyScale(x, w, standardize);
    }

    /** Linear predictors f[i][k] = b0[k] + xᵢᵀ beta[k]. */
    private double[][] margins(double[] b0, double[][] beta) {
        double[][] f = new double[n()][k()];
        for (int i = 0; i < n(); i++) {
            for (int c = 0; c < k(); c++) {
                double v = b0[c];
                for (int j = 0; j < p(); j++) {
                    v += x[i][j] * beta[c][j];
                }
                f[i][c] = v;
            }
        }
        return f;
    }

    /** log(1 + e^f) without overflow. */
    private static double log1pExp(double f) {
        return f > 0 ? f + Math.log1p(Math.exp(-f)) : Math.log1p(Math.exp(f));
    }

    /** The mean negative log-likelihood −(1/n) Σ wᵢ log p(yᵢ | xᵢ). */
    public double loss(double[] b0, double[][] beta) {
        double[][] f = margins(b0, beta);
        double sum = 0;
        for (int i = 0; i < n(); i++) {
            double li;
            if (binomial) {
                li = y[i][0] * f[i][0] - log1pExp(f[i][0]);
            } else {
                double max = Arrays.stream(f[i]).max().getAsDouble();
                double z = 0;
                double fy = 0;
                for (int c = 0; c < k(); c++) {
                    z += Math.exp(f[i][c] - max);
                    fy += y[i][c] * f[i][c];
                }
                li = fy - max - Math.log(z);
            }
            sum += w[i] * li;
        }
        return -sum / weightSum();
    }

    /** The penalty λ Σⱼ [α sⱼ Pⱼ + (1−α)/2 sⱼ² Σₖ βⱼₖ²]. */
    public double penalty(double[][] beta, double lambda, double alpha, boolean standardize, boolean grouped) {
        double[] s = penaltyScale(standardize);
        double pen = 0;
        for (int j = 0; j < p(); j++) {
            double l1 = 0;
            double sq = 0;
            for (int c = 0; c < k(); c++) {
                l1 += Math.abs(beta[c][j]);
                sq += beta[c][j] * beta[c][j];
            }
            double pj = grouped ? Math.sqrt(sq) : l1;
            pen += alpha * s[j] * pj + 0.5 * (1 - alpha) * s[j] * s[j] * sq;
        }
        return lambda * pen;
    }

    public double objective(double[] b0, double[][] beta, double lambda, double alpha, boolean standardize,
                            boolean grouped) {
        return loss(b0, beta) + penalty(beta, lambda, alpha, standardize, grouped);
    }

    /** Residuals Yᵢₖ − Pᵢₖ. */
    private double[][] residuals(double[] b0, double[][] beta) {
        double[][] f = margins(b0, beta);
        double[][] r = new double[n()][k()];
        for (int i = 0; i < n(); i++) {
            if (binomial) {
                r[i][0] = y[i][0] - 1 / (1 + Math.exp(-f[i][0]));
            } else {
                double max = Arrays.stream(f[i]).max().getAsDouble();
                double z = 0;
                for (int c = 0; c < k(); c++) {
                    z += Math.exp(f[i][c] - max);
                }
                for (int c = 0; c < k(); c++) {
                    r[i][c] = y[i][c] - Math.exp(f[i][c] - max) / z;
                }
            }
        }
        return r;
    }

    /** The loss's gradient at (b0, β): [k][j] for the features, then [k][p] for class k's intercept. */
    public double[][] lossGradient(double[] b0, double[][] beta) {
        double[][] r = residuals(b0, beta);
        double[][] g = gradient(r);
        double[][] out = new double[k()][p() + 1];
        for (int c = 0; c < k(); c++) {
            System.arraycopy(g[c], 0, out[c], 0, p());
            double s = 0;
            for (int i = 0; i < n(); i++) {
                s -= w[i] * r[i][c];
            }
            out[c][p()] = s / weightSum();
        }
        return out;
    }

    /** G[k][j] = −(1/n) Σᵢ wᵢ xᵢⱼ (Yᵢₖ − Pᵢₖ): the gradient of the loss. */
    private double[][] gradient(double[][] r) {
        double n = weightSum();
        double[][] g = new double[k()][p()];
        for (int c = 0; c < k(); c++) {
            for (int j = 0; j < p(); j++) {
                double v = 0;
                for (int i = 0; i < n(); i++) {
                    v -= w[i] * x[i][j] * r[i][c];
                }
                g[c][j] = v / n;
            }
        }
        return g;
    }

    /**
     * Largest violation of the optimality conditions, each feature's in standardized units (its
     * gradient divided by the feature's population sd, so the measure does not depend on feature
     * scales). With pen = λαsⱼ and ridge = λ(1−α)sⱼ²βⱼₖ: elementwise (binomial, ungrouped)
     * |Gⱼₖ + ridge + pen·sign βⱼₖ| for βⱼₖ ≠ 0, max(0, |Gⱼₖ| − pen) for βⱼₖ = 0; grouped, per
     * feature ‖Gⱼ· + ridge + pen·βⱼ·/‖βⱼ·‖‖ for βⱼ· ≠ 0, max(0, ‖Gⱼ·‖ − pen) for βⱼ· = 0; and
     * |Σᵢ wᵢ (Yᵢₖ − Pᵢₖ)| / n per intercept.
     */
    public double kktViolation(double[] b0, double[][] beta, double lambda, double alpha, boolean standardize,
                               boolean grouped) {
        double[][] r = residuals(b0, beta);
        double[][] g = gradient(r);
        double[] s = penaltyScale(standardize);
        double[] sd = penaltyScale(true);
        double n = weightSum();
        double worst = 0;
        for (int c = 0; c < k(); c++) {
            double sr = 0;
            for (int i = 0; i < n(); i++) {
                sr += w[i] * r[i][c];
            }
            worst = Math.max(worst, Math.abs(sr) / n);
        }
        for (int j = 0; j < p(); j++) {
            if (sd[j] == 0) {
                continue;
            }
            double pen = lambda * alpha * s[j];
            double v;
            if (grouped) {
                double norm = 0;
                for (int c = 0; c < k(); c++) {
                    norm += beta[c][j] * beta[c][j];
                }
                norm = Math.sqrt(norm);
                double sq = 0;
                for (int c = 0; c < k(); c++) {
                    double e = norm == 0 ? g[c][j]
                            : g[c][j] + lambda * (1 - alpha) * s[j] * s[j] * beta[c][j] + pen * beta[c][j] / norm;
                    sq += e * e;
                }
                v = norm == 0 ? Math.max(0, Math.sqrt(sq) - pen) : Math.sqrt(sq);
            } else {
                v = 0;
                for (int c = 0; c < k(); c++) {
                    double b = beta[c][j];
                    double e = b == 0 ? Math.max(0, Math.abs(g[c][j]) - pen)
                            : Math.abs(g[c][j] + lambda * (1 - alpha) * s[j] * s[j] * b + pen * Math.signum(b));
                    v = Math.max(v, e);
                }
            }
            worst = Math.max(worst, v / sd[j]);
        }
        return worst;
    }

    /**
     * The scale of {@link #kktViolation}: max over j, k of |Gⱼₖ| / sdⱼ at the intercept-only model
     * (Pᵢₖ = the weighted class proportions).
     */
    public double gradientScaleAtNull() {
        double n = weightSum();
        double[] ybar = new double[k()];
        for (int i = 0; i < n(); i++) {
            for (int c = 0; c < k(); c++) {
                ybar[c] += w[i] * y[i][c] / n;
            }
        }
        double[][] r = new double[n()][k()];
        for (int i = 0; i < n(); i++) {
            for (int c = 0; c < k(); c++) {
                r[i][c] = y[i][c] - ybar[c];
            }
        }
        double[][] g = gradient(r);
        double[] sd = penaltyScale(true);
        double worst = 0;
        for (int c = 0; c < k(); c++) {
            for (int j = 0; j < p(); j++) {
                if (sd[j] > 0) {
                    worst = Math.max(worst, Math.abs(g[c][j]) / sd[j]);
                }
            }
        }
        return worst;
    }
}
