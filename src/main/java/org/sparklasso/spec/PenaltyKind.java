package org.sparklasso.spec;

import static org.sparklasso.spec.PenaltyContract.BLOCK_PROX;
import static org.sparklasso.spec.PenaltyContract.COORDINATE_PROX;
import static org.sparklasso.spec.PenaltyContract.DUALITY_GAP;
import static org.sparklasso.spec.PenaltyContract.GROUP_PROX;
import static org.sparklasso.spec.PenaltyContract.PATH;
import static org.sparklasso.spec.PenaltyContract.PROX;
import static org.sparklasso.spec.PenaltyContract.SUBGRADIENT;

import java.util.EnumSet;
import java.util.Set;

/**
 * The penalties a fit can use, named here once with the contracts each provides; the config
 * check ({@link SolverChoice#refusal}) refuses a solver that needs one its penalty lacks. A new
 * penalty is its class in {@code org.sparklasso.penalty} and one line here.
 */
public enum PenaltyKind {
    /** glmnet's elastic net (α = 1: the lasso), every family: ElasticNet, MultiClassPenalty ungrouped. */
    ELASTIC_NET("elastic net", PROX, DUALITY_GAP, PATH, COORDINATE_PROX, BLOCK_PROX, SUBGRADIENT),
    /** Each feature's K coefficients penalized by their L2 norm (typeMultinomial=grouped): MultiClassPenalty grouped. */
    GROUPED_MULTINOMIAL("grouped multinomial", PROX, DUALITY_GAP, PATH, BLOCK_PROX, SUBGRADIENT),
    /** Yuan and Lin's group lasso over groups of features (penalty=group), gaussian and binomial: GroupLasso. */
    GROUP_LASSO("group lasso", PROX, DUALITY_GAP, PATH, GROUP_PROX, SUBGRADIENT),
    ; // a new penalty: one line above

    private final String label;
    private final Set<PenaltyContract> provides;

    PenaltyKind(String label, PenaltyContract first, PenaltyContract... rest) {
        this.label = label;
        this.provides = EnumSet.of(first, rest);
    }

    /** The penalty's name in messages. */
    public String label() {
        return label;
    }

    /** The contracts its classes implement. */
    public Set<PenaltyContract> provides() {
        return EnumSet.copyOf(provides);
    }

    /** The penalty a config asks for: the grouped multinomial (family multinomial only), else the elastic net. */
    public static PenaltyKind of(Family family, boolean groupedMultinomial) {
        return of(family, groupedMultinomial, false);
    }

    /** As above, or the group lasso when {@code groupLasso} (penalty=group). */
    public static PenaltyKind of(Family family, boolean groupedMultinomial, boolean groupLasso) {
        if (groupLasso) {
            return GROUP_LASSO;
        }
        return family == Family.MULTINOMIAL && groupedMultinomial ? GROUPED_MULTINOMIAL : ELASTIC_NET;
    }
}
