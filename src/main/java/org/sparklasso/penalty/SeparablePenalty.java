package org.sparklasso.penalty;

/**
 * A penalty that is a sum over coordinates, so coordinate descent can minimize it one
 * coordinate at a time.
 */
public interface SeparablePenalty extends Penalty {

    /** {@code argmin_b h/2·b² − z·b + gⱼ(b)}: the exact coordinate update. */
    double coordinateMinimizer(int j, double z, double h);

    /** Whether coordinate j takes part in the fit (constant features do not). */
    boolean isActive(int j);
}
