package org.sparklasso.spec;

import static org.sparklasso.spec.PenaltyContract.BLOCK_PROX;
import static org.sparklasso.spec.PenaltyContract.COORDINATE_PROX;
import static org.sparklasso.spec.PenaltyContract.DUALITY_GAP;
import static org.sparklasso.spec.PenaltyContract.GROUP_PROX;
import static org.sparklasso.spec.PenaltyContract.PATH;
import static org.sparklasso.spec.PenaltyContract.PROX;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which solver fits the model, and what it needs: the families it fits and the penalty contracts
 * it takes ({@link PenaltyContract}); {@link #refusal} is the config check of a solver × family ×
 * penalty. Gaussian: {@code AUTO} takes {@code CD} when the p×p coordinate statistics fit on the
 * driver ({@code p <= cdMaxFeatures}), else {@code WORKINGSET} (coordinate descent on working sets
 * of features, FISTA when a working set grows too large); {@code FISTA} on request. Binomial and
 * multinomial: {@code AUTO} takes {@code NEWTON} (proximal Newton on a working set). {@code GD}
 * (proximal gradient without momentum), {@code SGD} (proximal stochastic gradient) and
 * {@code SUBGRADIENT} are never chosen by {@code AUTO}: they are there to be compared with
 * (bench/README.md), and sgd for data whose full passes are expensive. Every gaussian
 * solver stops on the duality gap, so it needs that contract too. {@code CD} is coordinate descent
 * one coordinate at a time or, for a group penalty, one group at a time: it needs either prox (so
 * does {@code WORKINGSET}, on working sets of coordinates or of groups);
 * {@code NEWTON} takes a feature-block prox or, for a group penalty, the group prox. A
 * penalty that lacks what the family's usual solvers need leaves {@code AUTO} to FISTA
 * ({@link #auto}).
 */
public enum SolverChoice {
    AUTO(EnumSet.allOf(Family.class), EnumSet.noneOf(PenaltyContract.class), null),
    CD(EnumSet.of(Family.GAUSSIAN), EnumSet.of(PROX, PATH, COORDINATE_PROX),
            "newton runs coordinate descent on working sets of each quadratic approximation", COORDINATE_PROX,
            GROUP_PROX),
    WORKINGSET(EnumSet.of(Family.GAUSSIAN), EnumSet.of(PROX, PATH, COORDINATE_PROX),
            "newton runs coordinate descent on working sets of each quadratic approximation", COORDINATE_PROX,
            GROUP_PROX),
    FISTA(EnumSet.allOf(Family.class), EnumSet.of(PROX, PATH), null),
    /** Proximal gradient without momentum (ISTA): FISTA's baseline, for comparison. */
    GD(EnumSet.allOf(Family.class), EnumSet.of(PROX, PATH), null),
    /** Proximal stochastic gradient, local SGD averaged once per epoch: approximate unless polished. */
    SGD(EnumSet.allOf(Family.class), EnumSet.of(PROX, PATH), null),
    /** The subgradient method (diminishing steps, best iterate): no exact zeros, no certificate. */
    SUBGRADIENT(EnumSet.allOf(Family.class), EnumSet.of(PROX, PenaltyContract.SUBGRADIENT, PATH), null),
    NEWTON(EnumSet.of(Family.BINOMIAL, Family.MULTINOMIAL), EnumSet.of(PROX, PATH, BLOCK_PROX),
            "its Newton step is cd", BLOCK_PROX, GROUP_PROX);

    private final Set<Family> families;
    private final Set<PenaltyContract> needs;
    /** Why the families it does not fit are left to other solvers. */
    private final String otherFamilies;
    /** A contract of {@link #needs} that {@link #substitute} may stand in for (its group form), or null. */
    private final PenaltyContract replaceable;
    private final PenaltyContract substitute;

    SolverChoice(Set<Family> families, Set<PenaltyContract> needs, String otherFamilies) {
        this(families, needs, otherFamilies, null, null);
    }

    SolverChoice(Set<Family> families, Set<PenaltyContract> needs, String otherFamilies,
                 PenaltyContract replaceable, PenaltyContract substitute) {
        this.families = families;
        this.needs = needs;
        this.otherFamilies = otherFamilies;
        this.replaceable = replaceable;
        this.substitute = substitute;
    }

    /**
     * The solver {@code AUTO} runs for a family and penalty: gaussian cd while the p×p statistics
     * fit ({@code statisticsFit}), else workingset; binomial and multinomial newton; FISTA where the
     * penalty lacks what that one needs (the group lasso's large-p gaussian and GLM fits).
     */
    public static SolverChoice auto(Family family, PenaltyKind penalty, boolean statisticsFit) {
        SolverChoice first = family != Family.GAUSSIAN ? NEWTON : statisticsFit ? CD : WORKINGSET;
        return first.missing(family, penalty).isEmpty() ? first : FISTA;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean fits(Family family) {
        return families.contains(family);
    }

    /** The solvers {@code AUTO} may take for a family (the trainers choose among them); itself otherwise. */
    public List<SolverChoice> candidates(Family family) {
        if (this != AUTO) {
            return List.of(this);
        }
        return family == Family.GAUSSIAN ? List.of(CD, WORKINGSET) : List.of(NEWTON);
    }

    /** The solvers {@code AUTO} may take for a family and penalty ({@link #auto}); itself otherwise. */
    public List<SolverChoice> candidates(Family family, PenaltyKind penalty) {
        if (this != AUTO) {
            return List.of(this);
        }
        List<SolverChoice> out = new ArrayList<>();
        for (boolean fit : family == Family.GAUSSIAN ? new boolean[] {true, false} : new boolean[] {true}) {
            SolverChoice s = auto(family, penalty, fit);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The contracts its penalty must provide for a family: its own and its stopping rule's. */
    public Set<PenaltyContract> needs(Family family) {
        Set<PenaltyContract> out = EnumSet.noneOf(PenaltyContract.class);
        for (SolverChoice s : candidates(family)) {
            out.addAll(s.needs);
        }
        if (family == Family.GAUSSIAN) {
            out.add(DUALITY_GAP);
        }
        return out;
    }

    /**
     * The contracts a given penalty must provide: as {@link #needs(Family)}, with the group prox in
     * place of the coordinate prox (cd: block coordinate descent) or the block prox (newton: its
     * group form) where the penalty has the group one.
     */
    public Set<PenaltyContract> needs(Family family, PenaltyKind penalty) {
        Set<PenaltyContract> out = EnumSet.noneOf(PenaltyContract.class);
        for (SolverChoice s : candidates(family, penalty)) {
            Set<PenaltyContract> own = EnumSet.copyOf(s.needs);
            if (s.replaceable != null && !penalty.provides().contains(s.replaceable)
                    && penalty.provides().contains(s.substitute)) {
                own.remove(s.replaceable);
                own.add(s.substitute);
            }
            out.addAll(own);
        }
        if (family == Family.GAUSSIAN) {
            out.add(DUALITY_GAP);
        }
        return out;
    }

    /** What the penalty lacks of {@link #needs(Family, PenaltyKind)}. */
    private Set<PenaltyContract> missing(Family family, PenaltyKind penalty) {
        Set<PenaltyContract> missing = needs(family, penalty);
        missing.removeAll(penalty.provides());
        return missing;
    }

    /**
     * Null when this solver fits the family and the penalty provides what it needs; otherwise the
     * solvers to use instead and why, as the {@code expected …} part of the solver key's message:
     * {@code auto, newton or fista for family binomial (…)}, {@code auto or fista for penalty … (…)}.
     */
    public String refusal(Family family, PenaltyKind penalty) {
        if (!fits(family)) {
            return instead(family, penalty) + " for family " + family.key() + " (" + otherFamilies + ")";
        }
        Set<PenaltyContract> missing = missing(family, penalty);
        if (missing.isEmpty()) {
            return null;
        }
        String lacks = missing.stream().map(PenaltyContract::what).collect(Collectors.joining(" and "));
        List<SolverChoice> takes = candidates(family, penalty);
        String who = this != AUTO ? key() + " needs "
                : "auto takes " + or(takes) + (takes.size() == 1 ? ", which needs " : ", which need ");
        return instead(family, penalty) + " for penalty " + penalty.label() + " (" + who + lacks + ")";
    }

    /**
     * The solvers that can fit the family with the penalty: auto, then the family's own, then the
     * general ones ({@code auto, cd, workingset or fista}).
     */
    private static String instead(Family family, PenaltyKind penalty) {
        List<SolverChoice> ok = new ArrayList<>();
        for (SolverChoice s : values()) {
            if (s.fits(family) && s.missing(family, penalty).isEmpty()) {
                ok.add(s);
            }
        }
        ok.sort(Comparator.comparingInt(s -> s == AUTO ? 0 : s.families.size() < Family.values().length ? 1 : 2));
        return ok.isEmpty() ? "none" : or(ok);
    }

    /** "a", "a or b", "a, b or c". */
    private static String or(List<SolverChoice> solvers) {
        List<String> keys = solvers.stream().map(SolverChoice::key).toList();
        int last = keys.size() - 1;
        return last == 0 ? keys.get(0) : String.join(", ", keys.subList(0, last)) + " or " + keys.get(last);
    }
}
