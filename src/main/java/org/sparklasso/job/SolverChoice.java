package org.sparklasso.job;

/**
 * Which solver fits the model. {@code AUTO} takes {@code CD} when the p×p coordinate statistics
 * fit on the driver ({@code p <= cdMaxFeatures}), else {@code FISTA}.
 */
public enum SolverChoice {
    AUTO, CD, FISTA;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
