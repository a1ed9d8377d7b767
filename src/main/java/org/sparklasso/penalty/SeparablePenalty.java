package org.sparklasso.penalty;

/**
 * A penalty that is a sum over coordinates {@code Σⱼ gⱼ(bⱼ)}, one coordinate per feature: the
 * coordinate prox that coordinate descent needs.
 */
public interface SeparablePenalty extends Penalty {

    /** {@code argmin_b h/2·b² − z·b + gⱼ(b)}: the exact coordinate update (h > 0). */
    double coordinateMinimizer(int j, double z, double h);

    /** Whether coordinate j takes part in the fit (constant features do not). */
    boolean isActive(int j);
}
