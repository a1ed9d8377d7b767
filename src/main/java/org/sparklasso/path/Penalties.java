package org.sparklasso.path;

import org.sparklasso.block.Standardization;
import org.sparklasso.penalty.ElasticNet;
import org.sparklasso.penalty.GroupLasso;
import org.sparklasso.penalty.MultiClassPenalty;
import org.sparklasso.spec.FeatureTerms;
import org.sparklasso.spec.FitSpec;
import org.sparklasso.spec.PenaltyKind;

/**
 * Builds a model's penalty in its internal coordinates ({@link Standardization}: bⱼ = scaleⱼ·βⱼ)
 * from the fit and the per-feature terms in force: the factors as they are, the original-scale
 * bounds times scaleⱼ, and left-out features (factor +∞) inactive like constant ones.
 */
final class Penalties {
    /**
     * R / rms(y): the least bound on an unpenalized feature's internal coefficient that the duality
     * gap assumes ({@link ElasticNet#conjugate(double[], double[])}; it also takes twice the
     * iterate's). On unit-scaled columns a coefficient of rms(y) explains the whole label.
     */
    static final double UNPENALIZED_RADIUS = 1;

    private Penalties() {
    }

    /** The gaussian family's penalty (its λ is 1 until the path sets it). */
    static ElasticNet elasticNet(FitSpec spec, Standardization s, FeatureTerms terms) {
        Internal t = internal(s, terms);
        return new ElasticNet(1.0, spec.alpha(), s.penaltyWeight(), t.factors, t.lower, t.upper, t.active,
                UNPENALIZED_RADIUS * Math.sqrt(s.responseSquareMean()));
    }

    /** The binomial (K = 1) or multinomial (K classes) penalty. */
    static MultiClassPenalty multiClass(FitSpec spec, Standardization s, FeatureTerms terms, int margins) {
        Internal t = internal(s, terms);
        return new MultiClassPenalty(1.0, spec.alpha(), s.penaltyWeight(), t.factors, t.lower, t.upper, t.active,
                margins, spec.groupedMultinomial(), spec.fitIntercept());
    }

    /**
     * The group lasso's penalty (its λ is 1 until the path sets it) on a vector of p coefficients
     * (gaussian) or p then the intercept (binomial, {@code withIntercept}); each group's members
     * are its non-constant features.
     */
    static GroupLasso group(FitSpec spec, Standardization s, FeatureTerms terms, boolean withIntercept) {
        int[][] all = terms.groups().members();
        int[][] members = new int[all.length][];
        for (int g = 0; g < all.length; g++) {
            members[g] = java.util.Arrays.stream(all[g]).filter(j -> s.active()[j]).toArray();
        }
        int p = s.numFeatures();
        return new GroupLasso(1.0, spec.alpha(), members, terms.groups().weights(), s.penaltyWeight(),
                withIntercept ? p + 1 : p, withIntercept ? p : -1, spec.fitIntercept());
    }

    /** Whether the fit is the group lasso (penalty=group). */
    static boolean grouped(FeatureTerms terms) {
        return terms.groups() != null;
    }

    /** The penalty the solver table checks: the group lasso, or the elastic net. */
    static PenaltyKind kind(FeatureTerms terms) {
        return grouped(terms) ? PenaltyKind.GROUP_LASSO : PenaltyKind.ELASTIC_NET;
    }

    /**
     * The features held free of the penalty (factor 0) and active, or null when there are none:
     * the path then starts from their fit.
     */
    static boolean[] unpenalized(Standardization s, FeatureTerms terms) {
        boolean[] free = new boolean[s.numFeatures()];
        boolean any = false;
        for (int j = 0; j < free.length; j++) {
            free[j] = s.active()[j] && terms.factors()[j] == 0;
            any |= free[j];
        }
        return any ? free : null;
    }

    private record Internal(double[] factors, double[] lower, double[] upper, boolean[] active) {
    }

    private static Internal internal(Standardization s, FeatureTerms terms) {
        int p = s.numFeatures();
        double[] factors = new double[p];
        double[] lower = new double[p];
        double[] upper = new double[p];
        boolean[] active = new boolean[p];
        for (int j = 0; j < p; j++) {
            active[j] = s.active()[j] && !terms.excluded(j);
            factors[j] = terms.excluded(j) ? 1 : terms.factors()[j];
            lower[j] = terms.lower()[j] * s.scale()[j];
            upper[j] = terms.upper()[j] * s.scale()[j];
        }
        return new Internal(factors, lower, upper, active);
    }
}
