package org.sparklasso.penalty;

/**
 * A penalty that is a sum over disjoint groups of coordinates {@code Σ_g g_g(b_g)}: the group prox
 * that block coordinate descent needs. Coordinates in no active group are held at 0.
 */
public interface GroupPenalty extends Penalty {

    /** Number of groups. */
    int groups();

    /** The coordinates of group g (ascending). */
    int[] members(int group);

    /** The coordinates of the groups {@code groups}, ascending (a working set's, a restricted problem's). */
    default int[] coordinatesOf(int[] groups) {
        return java.util.Arrays.stream(groups).flatMap(g -> java.util.Arrays.stream(members(g))).sorted().toArray();
    }

    /** Whether group g takes part in the fit (not screened out, some member not constant). */
    boolean isActive(int group);

    /**
     * In place, group g's coordinates {@code v} (in the order of {@link #members}):
     * {@code v ← argmin_z h/2·‖z − v‖² + g_g(z)} (h > 0).
     */
    void groupMinimizer(int group, double[] v, double h);

    /** Index of the unpenalized intercept in the coefficient vector, or -1 when the vector has none (gaussian). */
    default int interceptIndex() {
        return -1;
    }

    /** Whether that intercept is fitted (else held at 0). */
    default boolean fitIntercept() {
        return false;
    }
}
