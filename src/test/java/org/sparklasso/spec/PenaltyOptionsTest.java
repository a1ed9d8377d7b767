package org.sparklasso.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three per-feature keys: their forms, glmnet's rescaling, and the messages of bad values. */
class PenaltyOptionsTest {
    private static final List<String> FEATURES = List.of("age", "sex", "bmi", "bp");
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void factorsAreRescaledToSumToTheNumberOfFeaturesWithLeftOutOnesCountingOne() {
        FeatureTerms t = PenaltyOptions.parse("0, 2, Infinity, 1", null, null).resolve(FEATURES);
        // sum = 0 + 2 + 1 (left out counts 1) + 1 = 4 = p: unchanged
        assertArrayEquals(new double[] {0, 2, INF, 1}, t.factors());
        assertTrue(t.excluded(2));
        assertTrue(t.anyUnpenalized());
        assertFalse(t.bounded());
        FeatureTerms byName = PenaltyOptions.parse("bmi:3", null, null).resolve(FEATURES);
        // 1 + 1 + 3 + 1 = 6: factor × 4/6
        assertArrayEquals(new double[] {4.0 / 6, 4.0 / 6, 2, 4.0 / 6}, byName.factors(), 1e-15);
        assertTrue(byName.hasFactors());
        assertFalse(PenaltyOptions.none().resolve(FEATURES).hasFactors());
    }

    @Test
    void limitsTakeOneNumberAListOrNames() {
        FeatureTerms one = PenaltyOptions.parse(null, "0", null).resolve(FEATURES);
        assertArrayEquals(new double[] {0, 0, 0, 0}, one.lower());
        assertArrayEquals(new double[] {INF, INF, INF, INF}, one.upper());
        assertTrue(one.bounded());
        FeatureTerms named = PenaltyOptions.parse(null, "sex:-1.5, bp:-inf", "bmi:2").resolve(FEATURES);
        assertArrayEquals(new double[] {-INF, -1.5, -INF, -INF}, named.lower());
        assertArrayEquals(new double[] {INF, INF, 2, INF}, named.upper());
        FeatureTerms list = PenaltyOptions.parse(null, null, "1,2,3,Infinity").resolve(FEATURES);
        assertArrayEquals(new double[] {1, 2, 3, INF}, list.upper());
    }

    @Test
    void badValuesAreConfigErrorsNamingTheKeyAndValue() {
        assertBad("penaltyFactor: invalid value '-1'", () -> PenaltyOptions.parse("1,-1,1,1", null, null));
        assertBad("penaltyFactor: invalid value 'x'", () -> PenaltyOptions.parse("1,x", null, null));
        assertBad("lowerLimits: invalid value '0.5'", () -> PenaltyOptions.parse(null, "0.5", null));
        assertBad("upperLimits: invalid value '-2'", () -> PenaltyOptions.parse(null, null, "bmi:-2"));
        assertBad("upperLimits: invalid value 'NaN'", () -> PenaltyOptions.parse(null, null, "NaN"));
        assertBad("penaltyFactor: feature 'bmi' is named twice", () -> PenaltyOptions.parse("bmi:1,bmi:2", null, null));
        assertBad("penaltyFactor: entry '3' is not name:value", () -> PenaltyOptions.parse("bmi:1,3", null, null));
        assertBad("penaltyFactor: empty entry", () -> PenaltyOptions.parse("1,,1", null, null));
        // matched to the features when the fit starts: still a config error (exit 2)
        assertBad("penaltyFactor: 3 values given for 4 features (age, sex, bmi, bp)",
                () -> PenaltyOptions.parse("1,1,1", null, null).resolve(FEATURES));
        assertBad("penaltyFactor: 1 value given for 4 features",
                () -> PenaltyOptions.parse("2", null, null).resolve(FEATURES));
        assertBad("lowerLimits: no feature named 'BMI' in the input (features: age, sex, bmi, bp)",
                () -> PenaltyOptions.parse(null, "BMI:-1", null).resolve(FEATURES));
        assertBad("penaltyFactor: no feature is penalized",
                () -> PenaltyOptions.parse("0,0,Infinity,0", null, null).resolve(FEATURES));
    }

    private static void assertBad(String start, org.junit.jupiter.api.function.Executable call) {
        JobException e = assertThrows(JobException.class, call);
        assertEquals(ExitCode.BAD_CONFIG, e.exitCode());
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
