package org.sparklasso.path;

import java.util.List;
import org.sparklasso.input.LoadedData;
import org.sparklasso.pass.PassCounter;
import org.sparklasso.spec.AdaptiveOptions;
import org.sparklasso.spec.FeatureTerms;
import org.sparklasso.spec.FitSpec;
import org.sparklasso.spec.JobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adaptive lasso in one fit (Zou 2006): the initial estimate β̂ (a ridge path, the
 * unpenalized fit, or coefficients the caller gives), the weights wⱼ = 1/|β̂ⱼ|^γ (+∞, i.e. left
 * out, where β̂ⱼ = 0), then the requested path and cross-validation with the weights as penalty
 * factors — what a glmnet user does by hand with {@code penalty.factor}.
 */
final class AdaptiveLasso {
    private static final Logger LOG = LoggerFactory.getLogger(AdaptiveLasso.class);

    private AdaptiveLasso() {
    }

    static TrainingResult fit(LoadedData data, FitSpec spec, PassCounter counter, long start) {
        AdaptiveOptions options = spec.penaltyOptions().adaptive();
        FitSpec plain = spec.withPenaltyOptions(spec.penaltyOptions().withAdaptive(null));
        // the initial fit is never relaxed (relax=true applies to the adaptive lasso's path)
        FitSpec init = plain.withPenaltyOptions(plain.penaltyOptions().withRelax(null));
        List<String> names = data.featureNames();
        FeatureTerms given = plain.penaltyOptions().resolve(names);
        double initLambda = Double.NaN;
        double[] initial;
        switch (options.init()) {
            case RIDGE -> {
                TrainingResult ridge = PathDriver.fit(data, init.ridgePath(), given, counter, start, null);
                FittedModel m = ridge.chosen() >= 0 ? ridge.fits().get(ridge.chosen())
                        : ridge.fits().get(ridge.fits().size() - 1);
                initLambda = m.lambda();
                initial = magnitudes(m, names.size());
            }
            case OLS -> {
                int active = 0;
                for (int j = 0; j < names.size(); j++) {
                    active += given.excluded(j) ? 0 : 1;
                }
                if (data.rows() <= active + (spec.fitIntercept() ? 1 : 0)) {
                    throw JobException.config("adaptiveInit: ols needs more rows than features (n=" + data.rows()
                            + ", p=" + active + "); use adaptiveInit=ridge");
                }
                initial = magnitudes(PathDriver.unpenalizedFit(data, init, given, counter, start), names.size());
            }
            default -> initial = given(options, names);
        }
        double[] weights = new double[initial.length];
        boolean any = false;
        for (int j = 0; j < weights.length; j++) {
            weights[j] = initial[j] == 0 || given.excluded(j) ? Double.POSITIVE_INFINITY
                    : Math.pow(initial[j], -options.gamma());
            any |= Double.isFinite(weights[j]) && given.factors()[j] > 0;
        }
        if (!any) {
            throw JobException.input("adaptiveInit: the initial estimate (" + options.describe() + ") has no "
                    + "non-zero coefficient on a penalized feature, so every feature would be left out");
        }
        AdaptiveWeights adaptive = new AdaptiveWeights(options.gamma(), options.describe(), initLambda, initial,
                weights);
        LOG.info("adaptive lasso: initial estimate {}{}, gamma={}, {} of {} features left out (initial 0)",
                options.describe(), Double.isNaN(initLambda) ? "" : " at lambda=" + String.format("%.6g", initLambda),
                options.gamma(), adaptive.leftOut(), names.size());
        return PathDriver.fit(data, plain, plain.penaltyOptions().resolve(names, weights), counter, start, adaptive);
    }

    /** |β̂ⱼ| per feature: the coefficient's absolute value, or the L2 norm of its K class coefficients. */
    static double[] magnitudes(FittedModel m, int p) {
        double[] out = new double[p];
        for (int k = 0; k < m.classes(); k++) {
            for (int j = 0; j < p; j++) {
                double b = m.coefficients()[k * p + j];
                out[j] += b * b;
            }
        }
        for (int j = 0; j < p; j++) {
            out[j] = Math.sqrt(out[j]);
        }
        return out;
    }

    private static double[] given(AdaptiveOptions options, List<String> names) {
        if (options.initial() == null) {
            throw new IllegalArgumentException("adaptiveInit: the caller must supply the initial coefficients");
        }
        double[] out = new double[names.size()];
        for (int j = 0; j < out.length; j++) {
            Double v = options.initial().get(names.get(j));
            if (v == null) {
                throw JobException.input("adaptiveInit: feature '" + names.get(j) + "' of the input has no "
                        + "coefficient in " + options.source());
            }
            out[j] = Math.abs(v);
        }
        return out;
    }
}
