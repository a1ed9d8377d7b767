package org.sparklasso.spec;

import java.util.List;

/**
 * A previous fit's models to start from ({@code initialModel}): every λ of its path (or its one
 * written model), each a list of original-scale coefficients by feature and class name (the
 * intercept under the feature name {@code (Intercept)}). Read by the output layer, turned into each
 * model's warm start by the path driver, which starts each λ from the model at the nearest λ.
 *
 * @param source the output directory it was read from (for messages)
 * @param fits   its models, or null until read
 */
public record InitialModel(String source, List<Fit> fits) {
    /** The feature name the intercept is written under. */
    public static final String INTERCEPT = "(Intercept)";

    public InitialModel {
        fits = fits == null ? null : List.copyOf(fits);
    }

    /** One written coefficient: its class (null for gaussian and binomial), feature and value. */
    public record Coefficient(String className, String feature, double value) {
    }

    /** One model of the previous fit. */
    public record Fit(double lambda, List<Coefficient> coefficients) {
        public Fit {
            coefficients = List.copyOf(coefficients);
        }
    }

    /** The same source with its models read. */
    public InitialModel withFits(List<Fit> read) {
        return new InitialModel(source, read);
    }

    /** The model at the λ nearest to {@code lambda} on a log scale (λ paths are log-spaced). */
    public Fit nearest(double lambda) {
        Fit best = null;
        double distance = Double.POSITIVE_INFINITY;
        for (Fit f : fits) {
            double d = Math.abs(Math.log(f.lambda()) - Math.log(lambda));
            if (d < distance) {
                distance = d;
                best = f;
            }
        }
        return best;
    }
}
