package org.sparklasso.job;

/**
 * Which solver fits the model. Gaussian: {@code AUTO} takes {@code CD} when the p×p coordinate
 * statistics fit on the driver ({@code p <= cdMaxFeatures}), else {@code FISTA}. Binomial and
 * multinomial: {@code AUTO} takes {@code NEWTON} (proximal Newton on a working set).
 */
public enum SolverChoice {
    AUTO, CD, FISTA, NEWTON;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
