package org.sparklasso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small data set held in plain arrays, with the documented objective and KKT conditions computed
 * directly from the definitions (no project code): the independent check of what the solvers
 * report.
 */
public final class ReferenceProblem {
    public final double[][] x;
    public final double[] y;
    public final double[] w;
    public final List<String> names;

    private ReferenceProblem(double[][] x, double[] y, double[] w, List<String> names) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.names = names;
    }

    /** Reads a CSV with a header; {@code weightCol} may be null. */
    public static ReferenceProblem readCsv(Path file, String labelCol, String weightCol) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> header = Arrays.asList(lines.get(0).split(","));
            int yi = header.indexOf(labelCol);
            int wi = weightCol == null ? -1 : header.indexOf(weightCol);
            List<Integer> cols = featureColumns(header, yi, wi);
            List<String> names = cols.stream().map(header::get).toList();
            int n = lines.size() - 1;
            double[][] x = new double[n][cols.size()];
            double[] y = new double[n];
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i + 1).split(",");
                for (int j = 0; j < cols.size(); j++) {
                    x[i][j] = Double.parseDouble(f[cols.get(j)]);
                }
                y[i] = Double.parseDouble(f[yi]);
                w[i] = wi < 0 ? 1 : Double.parseDouble(f[wi]);
            }
            return new ReferenceProblem(x, y, w, names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int n() {
        return y.length;
    }

    public int p() {
        return names.size();
    }

    /** Σ w. */
    public double weightSum() {
        return Arrays.stream(w).sum();
    }

    /** Weighted mean of each feature. */
    public double[] means() {
        double[] m = new double[p()];
        double n = weightSum();
        for (int j = 0; j < p(); j++) {
            for (int i = 0; i < n(); i++) {
                m[j] += w[i] * x[i][j] / n;
            }
        }
        return m;
    }

    /** The positions of a CSV header's columns other than the label and the weight (-1: none). */
    public static List<Integer> featureColumns(List<String> header, int labelIndex, int weightIndex) {
        List<Integer> cols = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != labelIndex && c != weightIndex) {
                cols.add(c);
            }
        }
        return cols;
    }

    /** Penalty scale sⱼ: weighted population std (standardize) or 1. */
    public double[] penaltyScale(boolean standardize) {
        return penaltyScale(x, w, standardize);
    }

    /** Penalty scale sⱼ of the columns of {@code x} under weights {@code w}: population std, or 1. */
    public static double[] penaltyScale(double[][] x, double[] w, boolean standardize) {
        int p = x.length == 0 ? 0 : x[0].length;
        double[] s = new double[p];
        double n = 0;
        for (double wi : w) {
            n += wi;
        }
        for (int j = 0; j < p; j++) {
            if (!standardize) {
                s[j] = 1;
                continue;
            }
            double m = 0;
            for (int i = 0; i < x.length; i++) {
                m += w[i] * x[i][j];
            }
            m /= n;
            double v = 0;
            for (int i = 0; i < x.length; i++) {
                v += w[i] * (x[i][j] - m) * (x[i][j] - m);
            }
            s[j] = Math.sqrt(v / n);
        }
        return s;
    }

    private double[] residuals(double b0, double[] beta) {
        double[] r = new double[n()];
        for (int i = 0; i < n(); i++) {
            double f = b0;
            for (int j = 0; j < p(); j++) {
                f += x[i][j] * beta[j];
            }
            r[i] = y[i] - f;
        }
        return r;
    }

    /** (1/2n) Σ w r² + λ Σ [α sⱼ|βⱼ| + (1−α)/2 sⱼ² βⱼ²]. */
    public double objective(double b0, double[] beta, double lambda, double alpha, boolean standardize) {
        double[] r = residuals(b0, beta);
        double n = weightSum();
        double loss = 0;
        for (int i = 0; i < n(); i++) {
            loss += w[i] * r[i] * r[i];
        }
        double[] s = penaltyScale(standardize);
        double pen = 0;
        for (int j = 0; j < p(); j++) {
            pen += alpha * s[j] * Math.abs(beta[j]) + 0.5 * (1 - alpha) * s[j] * s[j] * beta[j] * beta[j];
        }
        return loss / (2 * n) + lambda * pen;
    }

    /**
     * Largest violation of the optimality conditions in standardized units (each feature's
     * gradient divided by its population std sdⱼ, so the measure does not depend on feature
     * scales): for βⱼ ≠ 0 |gⱼ + λ(1−α)sⱼ²βⱼ + λαsⱼ sign βⱼ| / sdⱼ, else max(0, |gⱼ| − λαsⱼ) / sdⱼ,
     * with gⱼ = −(1/n) Σ w xⱼ r; plus |Σ w r|/n for the intercept when fitted.
     */
    public double kktViolation(double b0, double[] beta, double lambda, double alpha, boolean standardize,
                               boolean intercept) {
        double[] r = residuals(b0, beta);
        double n = weightSum();
        double[] s = penaltyScale(standardize);
        double[] sd = penaltyScale(true);
        double worst = 0;
        if (intercept) {
            double sr = 0;
            for (int i = 0; i < n(); i++) {
                sr += w[i] * r[i];
            }
            worst = Math.abs(sr) / n;
        }
        for (int j = 0; j < p(); j++) {
            if (sd[j] == 0) {
                continue;
            }
            double g = 0;
            for (int i = 0; i < n(); i++) {
                g -= w[i] * x[i][j] * r[i];
            }
            g /= n;
            double v = beta[j] == 0 ? Math.max(0, Math.abs(g) - lambda * alpha * s[j])
                    : Math.abs(g + lambda * (1 - alpha) * s[j] * s[j] * beta[j]
                            + lambda * alpha * s[j] * Math.signum(beta[j]));
            worst = Math.max(worst, v / sd[j]);
        }
        return worst;
    }

    /** max |gⱼ(0)| / sdⱼ at the all-zero model (intercept ȳ, or 0 without): the scale of the KKT measure. */
    public double gradientScaleAtZero(boolean intercept) {
        double n = weightSum();
        double ybar = 0;
        for (int i = 0; i < n(); i++) {
            ybar += w[i] * y[i];
        }
        ybar = intercept ? ybar / n : 0;
        double[] sd = penaltyScale(true);
        double worst = 0;
        for (int j = 0; j < p(); j++) {
            if (sd[j] == 0) {
                continue;
            }
            double g = 0;
            for (int i = 0; i < n(); i++) {
                g += w[i] * x[i][j] * (y[i] - ybar);
            }
            worst = Math.max(worst, Math.abs(g / n) / sd[j]);
        }
        return worst;
    }
}
