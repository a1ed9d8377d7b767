package org.sparklasso.api;

import static org.sparklasso.api.KeyValues.bad;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.sparklasso.input.BlockBuilder;
import org.sparklasso.spec.AdaptiveOptions;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.FitSpec;
import org.sparklasso.spec.GroupOptions;
import org.sparklasso.spec.InitialModel;
import org.sparklasso.spec.JobException;
import org.sparklasso.spec.PenaltyKind;
import org.sparklasso.spec.PenaltyOptions;
import org.sparklasso.spec.RelaxOptions;
import org.sparklasso.spec.SolverChoice;
import org.sparklasso.spec.SolverOptions;

/**
 * Turns the fit's keys ({@link ConfigKey}: family, alpha, lambda, solver, …) into a validated
 * {@link FitSpec}. The one place these keys are checked: the CLI's {@code train} and the Spark ML
 * Estimators both come here, so a bad value gets the same message (naming the key and the value)
 * whichever way it was given.
 */
public final class FitSpecParser {
    private FitSpecParser() {
    }

    /** The fit the given keys describe; keys that are not about the fit (input, output …) are ignored. */
    public static FitSpec parse(KeyValues values) {
        Family family = values.choice(ConfigKey.FAMILY, Family.class);
        String typeMultinomial = values.get(ConfigKey.TYPE_MULTINOMIAL).toLowerCase(Locale.ROOT);
        if (!typeMultinomial.equals("ungrouped") && !typeMultinomial.equals("grouped")) {
            throw bad(ConfigKey.TYPE_MULTINOMIAL, typeMultinomial, "ungrouped or grouped");
        }
        double alpha = values.doubleIn(ConfigKey.ALPHA, 0, 1);
        List<Double> lambdas = values.lambdas();
        SolverChoice solver = values.choice(ConfigKey.SOLVER, SolverChoice.class);
        GroupOptions groups = groupOptions(values, family);
        String refused = solver.refusal(family, PenaltyKind.of(family, typeMultinomial.equals("grouped"),
                groups != null));
        if (refused != null) {
            throw bad(ConfigKey.SOLVER, solver.key(), refused);
        }
        PenaltyOptions penaltyOptions = PenaltyOptions.parse(values.given(ConfigKey.PENALTY_FACTOR).orElse(null),
                values.given(ConfigKey.LOWER_LIMITS).orElse(null), values.given(ConfigKey.UPPER_LIMITS).orElse(null));
        penaltyOptions = penaltyOptions.withAdaptive(adaptiveOptions(values)).withGroups(groups)
                .withRelax(relaxOptions(values));
        if (penaltyOptions.relax() != null && family == Family.GAUSSIAN
                && solver != SolverChoice.AUTO && solver != SolverChoice.CD) {
            throw JobException.config("relax: the relaxed lasso's gaussian refits run on the coordinate statistics: "
                    + "solver cd or auto, not " + solver.key());
        }
        if (penaltyOptions.bounded() && family == Family.MULTINOMIAL && typeMultinomial.equals("grouped")) {
            ConfigKey key = values.given(ConfigKey.LOWER_LIMITS).isPresent() ? ConfigKey.LOWER_LIMITS
                    : ConfigKey.UPPER_LIMITS;
            throw JobException.config(key.key() + ": coefficient bounds need typeMultinomial=ungrouped (the grouped "
                    + "penalty's block prox has no box)");
        }
        double tol = values.positiveDouble(ConfigKey.TOL);
        if (tol >= 1) {
            throw bad(ConfigKey.TOL, values.get(ConfigKey.TOL), "a number in (0, 1)");
        }
        double minRatio = values.given(ConfigKey.LAMBDA_MIN_RATIO).isPresent()
                ? values.doubleIn(ConfigKey.LAMBDA_MIN_RATIO, Double.MIN_VALUE, 1) : Double.NaN;
        if (minRatio == 1) {
            throw bad(ConfigKey.LAMBDA_MIN_RATIO, values.get(ConfigKey.LAMBDA_MIN_RATIO), "a number in (0, 1)");
        }
        int nfolds = values.intAtLeast(ConfigKey.NFOLDS, 0);
        if (nfolds > 0 && nfolds < 3) {
            throw bad(ConfigKey.NFOLDS, values.get(ConfigKey.NFOLDS), "0 or an integer >= 3");
        }
        if (nfolds > BlockBuilder.MAX_FOLD) {
            throw bad(ConfigKey.NFOLDS, values.get(ConfigKey.NFOLDS), "at most " + BlockBuilder.MAX_FOLD);
        }
        String typeMeasure = typeMeasure(values, family);
        String lambdaChoice = values.get(ConfigKey.LAMBDA_CHOICE);
        if (!lambdaChoice.equals("lambda.min") && !lambdaChoice.equals("lambda.1se")) {
            throw bad(ConfigKey.LAMBDA_CHOICE, lambdaChoice, "lambda.min or lambda.1se");
        }
        String screening = values.get(ConfigKey.SCREENING).toLowerCase(Locale.ROOT);
        if (!screening.equals("strong") && !screening.equals("none")) {
            throw bad(ConfigKey.SCREENING, screening, "strong or none");
        }
        long seed;
        try {
            seed = Long.parseLong(values.get(ConfigKey.SEED).trim());
        } catch (NumberFormatException e) {
            throw bad(ConfigKey.SEED, values.get(ConfigKey.SEED), "an integer");
        }
        return new FitSpec(family, typeMultinomial.equals("grouped"), alpha, lambdas,
                values.intAtLeast(ConfigKey.NLAMBDA, 1), minRatio, nfolds,
                values.given(ConfigKey.FOLD_COL).orElse(null), seed, typeMeasure, lambdaChoice,
                screening.equals("strong"), values.bool(ConfigKey.STANDARDIZE), values.bool(ConfigKey.FIT_INTERCEPT),
                solver, tol, values.given(ConfigKey.MAX_ITER).isPresent() ? values.intAtLeast(ConfigKey.MAX_ITER, 1) : 0,
                solverOptions(values, solver), values.intAtLeast(ConfigKey.CD_MAX_FEATURES, 1),
                values.intAtLeast(ConfigKey.AGGREGATION_DEPTH, 0), penaltyOptions);
    }

    /** The keys of {@code given} (names or aliases) as key values: an unknown name is refused. */
    public static KeyValues keyValues(Map<String, String> given) {
        Map<ConfigKey, String> raw = new java.util.EnumMap<>(ConfigKey.class);
        for (Map.Entry<String, String> e : given.entrySet()) {
            ConfigKey key = ConfigKey.find(e.getKey()).orElseThrow(
                    () -> JobException.config("unknown key '" + e.getKey() + "'"));
            raw.put(key, e.getValue());
        }
        return new KeyValues(raw);
    }

    private static String typeMeasure(KeyValues values, Family family) {
        String typeMeasure = values.given(ConfigKey.TYPE_MEASURE).orElse(
                family == Family.GAUSSIAN ? "mse" : "deviance").toLowerCase(Locale.ROOT);
        List<String> measures = switch (family) {
            case GAUSSIAN -> List.of("mse", "mae");
            case BINOMIAL -> List.of("deviance", "class", "auc", "mse", "mae");
            case MULTINOMIAL -> List.of("deviance", "class", "mse", "mae");
        };
        if (!measures.contains(typeMeasure)) {
            throw bad(ConfigKey.TYPE_MEASURE, typeMeasure, String.join(", ", measures) + " for family "
                    + family.key());
        }
        return typeMeasure;
    }

    /** The first-order solvers' settings; each key is refused with a solver that does not use it. */
    private static SolverOptions solverOptions(KeyValues values, SolverChoice solver) {
        SolverOptions defaults = SolverOptions.defaults();
        double stepSize = defaults.stepSize();
        if (values.given(ConfigKey.STEP_SIZE).isPresent()) {
            requireSolver(ConfigKey.STEP_SIZE, solver, SolverChoice.SUBGRADIENT, SolverChoice.SGD);
            stepSize = values.positiveDouble(ConfigKey.STEP_SIZE);
        }
        int epochs = defaults.epochs();
        if (values.given(ConfigKey.EPOCHS).isPresent()) {
            requireSolver(ConfigKey.EPOCHS, solver, SolverChoice.SGD);
            epochs = values.intAtLeast(ConfigKey.EPOCHS, 1);
        }
        double fraction = defaults.miniBatchFraction();
        if (values.given(ConfigKey.MINI_BATCH_FRACTION).isPresent()) {
            requireSolver(ConfigKey.MINI_BATCH_FRACTION, solver, SolverChoice.SGD);
            fraction = values.positiveDouble(ConfigKey.MINI_BATCH_FRACTION);
            if (fraction > 1) {
                throw bad(ConfigKey.MINI_BATCH_FRACTION, values.get(ConfigKey.MINI_BATCH_FRACTION), "a number in (0, 1]");
            }
        }
        boolean polish = defaults.sgdPolish();
        if (values.given(ConfigKey.SGD_POLISH).isPresent()) {
            requireSolver(ConfigKey.SGD_POLISH, solver, SolverChoice.SGD);
            polish = values.bool(ConfigKey.SGD_POLISH);
        }
        InitialModel initial = values.given(ConfigKey.INITIAL_MODEL).map(path -> new InitialModel(path, null))
                .orElse(null);
        return new SolverOptions(stepSize, epochs, fraction, polish, initial);
    }

    /** A solver-specific key given with another solver: refused, naming both. */
    private static void requireSolver(ConfigKey key, SolverChoice solver, SolverChoice... users) {
        if (!Arrays.asList(users).contains(solver)) {
            String who = Arrays.stream(users).map(u -> "solver=" + u.key())
                    .collect(Collectors.joining(" or "));
            throw JobException.config(key.key() + ": applies to " + who + " only (solver is " + solver.key() + ")");
        }
    }

    /**
     * penalty=adaptive's options (null for the lasso); adaptiveGamma and adaptiveInit without it
     * are refused, so that a forgotten penalty=adaptive never fits the plain lasso unnoticed.
     */
    private static AdaptiveOptions adaptiveOptions(KeyValues values) {
        String penalty = values.get(ConfigKey.PENALTY).trim().toLowerCase(Locale.ROOT);
        switch (penalty) {
            case "lasso", "group" -> {
                for (ConfigKey key : List.of(ConfigKey.ADAPTIVE_GAMMA, ConfigKey.ADAPTIVE_INIT)) {
                    if (values.given(key).isPresent()) {
                        throw JobException.config(key.key() + ": applies to penalty=adaptive only (penalty is "
                                + penalty + ")");
                    }
                }
                return null;
            }
            case "adaptive" -> {
                double gamma = values.positiveDouble(ConfigKey.ADAPTIVE_GAMMA);
                String init = values.get(ConfigKey.ADAPTIVE_INIT).trim();
                if (init.isEmpty()) {
                    throw bad(ConfigKey.ADAPTIVE_INIT, init, "ridge, ols or the path of a coefficients output");
                }
                return switch (init.toLowerCase(Locale.ROOT)) {
                    case "ridge" -> new AdaptiveOptions(gamma, AdaptiveOptions.Init.RIDGE, null, null);
                    case "ols" -> new AdaptiveOptions(gamma, AdaptiveOptions.Init.OLS, null, null);
                    default -> new AdaptiveOptions(gamma, AdaptiveOptions.Init.GIVEN, init, null);
                };
            }
            default -> throw bad(ConfigKey.PENALTY, penalty, "lasso, adaptive or group");
        }
    }

    /** relax=true's γ values (null without relax); relaxGamma without relax=true is refused. */
    private static RelaxOptions relaxOptions(KeyValues values) {
        if (!values.bool(ConfigKey.RELAX)) {
            if (values.given(ConfigKey.RELAX_GAMMA).isPresent()) {
                throw JobException.config("relaxGamma: applies to relax=true only");
            }
            return null;
        }
        return RelaxOptions.parse(values.get(ConfigKey.RELAX_GAMMA));
    }

    /**
     * penalty=group's groups (null for the other penalties); groups and groupWeights without it are
     * refused, and so are the per-feature keys the group lasso does not take (its weights are per group).
     */
    private static GroupOptions groupOptions(KeyValues values, Family family) {
        String penalty = values.get(ConfigKey.PENALTY).trim().toLowerCase(Locale.ROOT);
        if (!penalty.equals("group")) {
            for (ConfigKey key : List.of(ConfigKey.GROUPS, ConfigKey.GROUP_WEIGHTS)) {
                if (values.given(key).isPresent()) {
                    throw JobException.config(key.key() + ": applies to penalty=group only (penalty is " + penalty
                            + ")");
                }
            }
            return null;
        }
        if (family == Family.MULTINOMIAL) {
            throw JobException.config("penalty: group is for families gaussian and binomial (for multinomial, "
                    + "typeMultinomial=grouped groups each feature's class coefficients)");
        }
        for (ConfigKey key : List.of(ConfigKey.PENALTY_FACTOR, ConfigKey.LOWER_LIMITS, ConfigKey.UPPER_LIMITS)) {
            if (values.given(key).isPresent()) {
                throw JobException.config(key.key() + ": not with penalty=group (its weights are per group: "
                        + "groupWeights)");
            }
        }
        String text = values.given(ConfigKey.GROUPS).orElseThrow(() -> JobException.config(
                "groups: required with penalty=group (a group label per feature, or a feature,group csv file)"))
                .trim();
        if (text.isEmpty()) {
            throw bad(ConfigKey.GROUPS, text, "a group label per feature, or a feature,group csv file");
        }
        Map<String, Double> weights = GroupOptions.parseWeights(values.given(ConfigKey.GROUP_WEIGHTS).orElse(null));
        return GroupFile.looksLikeFile(text) ? GroupFile.read(text, weights) : GroupOptions.inOrder(text, weights);
    }
}
