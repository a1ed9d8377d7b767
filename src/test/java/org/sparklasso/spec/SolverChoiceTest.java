package org.sparklasso.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sparklasso.cli.ConfigParser;

/** The solver × family × penalty table: what it accepts, and the messages of what it refuses. */
class SolverChoiceTest {

    @Test
    void acceptsEveryPairInUse() {
        for (Family f : Family.values()) {
            for (boolean grouped : new boolean[] {false, true}) {
                PenaltyKind k = PenaltyKind.of(f, grouped);
                for (SolverChoice s : SolverChoice.values()) {
                    boolean fits = s == SolverChoice.AUTO || s == SolverChoice.FISTA || s == SolverChoice.GD
                            || s == SolverChoice.SUBGRADIENT || s == SolverChoice.SGD
                            || (f == Family.GAUSSIAN) == (s == SolverChoice.CD || s == SolverChoice.WORKINGSET);
                    assertEquals(fits, s.refusal(f, k) == null, s + " " + f + " " + k);
                }
            }
        }
        assertEquals(PenaltyKind.GROUPED_MULTINOMIAL, PenaltyKind.of(Family.MULTINOMIAL, true));
        assertEquals(PenaltyKind.ELASTIC_NET, PenaltyKind.of(Family.BINOMIAL, true), "one margin: no group");
    }

    @Test
    void familyRefusalsKeepTheirMessages() {
        assertEquals("auto, cd, workingset, fista, gd, sgd or subgradient for family gaussian (its Newton step is cd)",
                SolverChoice.NEWTON.refusal(Family.GAUSSIAN, PenaltyKind.ELASTIC_NET));
        assertEquals("auto, newton, fista, gd, sgd or subgradient for family binomial (newton runs coordinate descent on working sets "
                + "of each quadratic approximation)", SolverChoice.CD.refusal(Family.BINOMIAL, PenaltyKind.ELASTIC_NET));
        JobException e = assertThrows(JobException.class, () -> ConfigParser.parse(new String[] {"--input", "a.csv",
                "--output", "o", "--family", "multinomial", "--typeMultinomial", "grouped", "--solver", "workingset"}));
        assertEquals(ExitCode.BAD_CONFIG, e.exitCode());
        assertEquals("solver: invalid value 'workingset' (expected auto, newton, fista, gd, sgd or subgradient for family multinomial "
                + "(newton runs coordinate descent on working sets of each quadratic approximation))", e.getMessage());
    }

    @Test
    void penaltyRefusalNamesTheSolverThePenaltyAndWhatIsMissing() {
        // not reachable from a config (the grouped penalty is multinomial only): the message's form
        assertEquals("auto, fista, gd, sgd or subgradient for penalty grouped multinomial (cd needs a coordinate prox)",
                SolverChoice.CD.refusal(Family.GAUSSIAN, PenaltyKind.GROUPED_MULTINOMIAL));
        assertNull(SolverChoice.WORKINGSET.refusal(Family.GAUSSIAN, PenaltyKind.GROUP_LASSO), "working sets of groups");
        assertNull(SolverChoice.NEWTON.refusal(Family.BINOMIAL, PenaltyKind.GROUP_LASSO), "its group form");
    }

    @Test
    void autoTakesWhatThePenaltyCanRun() {
        assertEquals(SolverChoice.CD, SolverChoice.auto(Family.GAUSSIAN, PenaltyKind.GROUP_LASSO, true),
                "block coordinate descent on the statistics");
        assertEquals(SolverChoice.WORKINGSET, SolverChoice.auto(Family.GAUSSIAN, PenaltyKind.GROUP_LASSO, false),
                "working sets of groups");
        assertEquals(SolverChoice.WORKINGSET, SolverChoice.auto(Family.GAUSSIAN, PenaltyKind.ELASTIC_NET, false));
        assertEquals(SolverChoice.NEWTON, SolverChoice.auto(Family.BINOMIAL, PenaltyKind.GROUP_LASSO, true));
        assertEquals(SolverChoice.NEWTON, SolverChoice.auto(Family.BINOMIAL, PenaltyKind.ELASTIC_NET, true));
        assertNull(SolverChoice.AUTO.refusal(Family.BINOMIAL, PenaltyKind.GROUP_LASSO));
        assertEquals(java.util.List.of(SolverChoice.CD, SolverChoice.WORKINGSET),
                SolverChoice.AUTO.candidates(Family.GAUSSIAN, PenaltyKind.GROUP_LASSO));
        assertEquals(SolverChoice.FISTA, SolverChoice.auto(Family.GAUSSIAN, PenaltyKind.GROUPED_MULTINOMIAL, false),
                "a penalty with neither prox: fista");
    }

    @Test
    void everySolverNeedsAProxAndThePathAndGaussianOnesTheGap() {
        for (SolverChoice s : SolverChoice.values()) {
            for (Family f : Family.values()) {
                if (s.fits(f)) {
                    Set<PenaltyContract> needs = s.needs(f);
                    assertTrue(needs.containsAll(Set.of(PenaltyContract.PROX, PenaltyContract.PATH)), s + " " + f);
                    assertEquals(f == Family.GAUSSIAN, needs.contains(PenaltyContract.DUALITY_GAP), s + " " + f);
                }
            }
        }
        assertNull(SolverChoice.FISTA.refusal(Family.MULTINOMIAL, PenaltyKind.GROUPED_MULTINOMIAL));
    }
}
