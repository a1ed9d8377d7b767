package org.sparklasso.spec;

/**
 * What a solver can need of a penalty. Each value is one interface of
 * {@code org.sparklasso.penalty} ({@link #type()}): the penalty classes implement it and the
 * solvers take it. {@link PenaltyKind} says which contracts each penalty provides, and
 * {@link SolverChoice} which each solver needs.
 */
public enum PenaltyContract {
    /** Value, prox of the whole vector, KKT violation ({@code Penalty}): every solver. */
    PROX("Penalty", "a prox"),
    /** The conjugate and the feasible scale of a dual point ({@code DualPenalty}): the duality gap. */
    DUALITY_GAP("DualPenalty", "a duality gap"),
    /** λ, λ_max, restriction to features, per-feature scores ({@code PathPenalty}): the λ path. */
    PATH("PathPenalty", "a λ path"),
    /** The exact one-coordinate update ({@code SeparablePenalty}): coordinate descent. */
    COORDINATE_PROX("SeparablePenalty", "a coordinate prox"),
    /** The prox of a feature's block of K coefficients ({@code BlockPenalty}): proximal Newton. */
    BLOCK_PROX("BlockPenalty", "a block prox"),
    /** The prox of one group of features' coefficients ({@code GroupPenalty}): block coordinate descent. */
    GROUP_PROX("GroupPenalty", "a group prox"),
    /** An element of the subdifferential ({@code SubgradientPenalty}): the subgradient method. */
    SUBGRADIENT("SubgradientPenalty", "a subgradient");

    private final String type;
    private final String what;

    PenaltyContract(String type, String what) {
        this.type = type;
        this.what = what;
    }

    /** The simple name of the interface in {@code org.sparklasso.penalty}. */
    public String type() {
        return type;
    }

    /** What it is, for messages: "a coordinate prox". */
    public String what() {
        return what;
    }
}
