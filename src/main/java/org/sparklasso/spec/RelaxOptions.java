package org.sparklasso.spec;

import java.util.Arrays;

/**
 * The relaxed lasso (Meinshausen 2007, "Relaxed Lasso", CSDA 52; glmnet's {@code relax=TRUE}):
 * each λ's active set is refitted without penalty, and the models reported are the blends
 * {@code γ·β_lasso + (1−γ)·β_relaxed} for each γ given (γ = 1: the lasso itself, γ = 0: the
 * unpenalized refit). Cross-validation chooses (λ, γ) as {@code cv.glmnet(relax=TRUE)} does.
 *
 * @param gammas the γ values in [0, 1], ascending, without repeats (relaxGamma; glmnet's default 0, ¼, ½, ¾, 1)
 */
public record RelaxOptions(double[] gammas) {
    public static final String RELAX_GAMMA = "relaxGamma";

    public RelaxOptions {
        gammas = Arrays.stream(gammas).sorted().distinct().toArray();
    }

    /** Parses relaxGamma: a comma list of numbers in [0, 1]. */
    public static RelaxOptions parse(String text) {
        String[] parts = text.split(",", -1);
        double[] gammas = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String s = parts[i].trim();
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!(v >= 0 && v <= 1)) {
                throw JobException.config(RELAX_GAMMA + ": invalid value '" + s + "' (expected numbers in [0, 1], "
                        + "comma-separated)");
            }
            gammas[i] = v;
        }
        return new RelaxOptions(gammas);
    }
}
