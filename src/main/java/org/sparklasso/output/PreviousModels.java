package org.sparklasso.output;

import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.sparklasso.api.ConfigKey;
import org.sparklasso.spec.AdaptiveOptions;
import org.sparklasso.spec.FitSpec;
import org.sparklasso.spec.InitialModel;

/**
 * Reads the previous fits a {@link FitSpec} names before its data is read (so a wrong path fails
 * fast): {@code initialModel}'s models ({@link ModelDirectory}) and {@code adaptiveInit}'s given
 * coefficients. Shared by {@code train} and the Estimators.
 */
public final class PreviousModels {
    private PreviousModels() {
    }

    /** {@code spec} with the previous fits it names read in. */
    public static FitSpec resolve(SparkSession spark, FitSpec spec) {
        return withInitialModel(spark, withInitialCoefficients(spark, spec));
    }

    private static FitSpec withInitialModel(SparkSession spark, FitSpec spec) {
        InitialModel source = spec.solverOptions().initialModel();
        if (source == null || source.fits() != null) {
            return spec;
        }
        InitialModel read = ModelDirectory.initialModels(spark, ConfigKey.INITIAL_MODEL.key(), source);
        return spec.withSolverOptions(spec.solverOptions().withInitialModel(read));
    }

    /** penalty=adaptive with a coefficients output as its init. */
    private static FitSpec withInitialCoefficients(SparkSession spark, FitSpec spec) {
        AdaptiveOptions a = spec.penaltyOptions().adaptive();
        if (a == null || a.init() != AdaptiveOptions.Init.GIVEN || a.initial() != null) {
            return spec;
        }
        Map<String, Double> initial = CoefficientsReader.magnitudes(spark, ConfigKey.ADAPTIVE_INIT.key(), a.source());
        return spec.withPenaltyOptions(spec.penaltyOptions().withAdaptive(a.withInitial(initial)));
    }
}
