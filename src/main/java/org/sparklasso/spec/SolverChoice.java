package org.sparklasso.spec;

/**
 * Which solver fits the model. Gaussian: {@code AUTO} takes {@code CD} when the p×p coordinate
 * statistics fit on the driver ({@code p <= cdMaxFeatures}), else {@code WORKINGSET} (coordinate
 * descent on working sets of features, FISTA when a working set grows too large); {@code FISTA}
 * on request. Binomial and multinomial: {@code AUTO} takes {@code NEWTON} (proximal Newton on a
 * working set).
 */
public enum SolverChoice {
    AUTO, CD, WORKINGSET, FISTA, NEWTON;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
