package org.sparklasso.penalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sparklasso.solver.BlockCoordinateDescent;
import org.sparklasso.solver.CoordinateDescent;
import org.sparklasso.solver.Fista;
import org.sparklasso.solver.GroupProxNewton;
import org.sparklasso.solver.ProxNewton;
import org.sparklasso.solver.Subgradient;
import org.sparklasso.solver.WorkingSetSolver;
import org.sparklasso.spec.Family;
import org.sparklasso.spec.PenaltyContract;
import org.sparklasso.spec.PenaltyKind;
import org.sparklasso.spec.SolverChoice;

/**
 * The contract table in spec against the code: the penalty classes implement what the solvers
 * accepted for their family need, the solvers take no more than the table says, and the prox
 * forms of a penalty agree.
 */
class PenaltyContractsTest {

    private static Class<?> type(PenaltyContract c) throws ClassNotFoundException {
        return Class.forName("org.sparklasso.penalty." + c.type());
    }

    @Test
    void penaltyClassesImplementWhatTheirSolversNeed() throws Exception {
        for (Family f : Family.values()) {
            for (PenaltyKind kind : PenaltyKind.values()) {
                Class<?> impl = kind == PenaltyKind.GROUP_LASSO ? GroupLasso.class
                        : f == Family.GAUSSIAN ? ElasticNet.class : MultiClassPenalty.class;
                for (SolverChoice s : SolverChoice.values()) {
                    if (s.refusal(f, kind) != null || kind == PenaltyKind.GROUPED_MULTINOMIAL && f != Family.MULTINOMIAL) {
                        continue;
                    }
                    for (PenaltyContract c : s.needs(f, kind)) {
                        assertTrue(type(c).isAssignableFrom(impl), impl.getSimpleName() + " " + c + " for " + s);
                    }
                }
            }
        }
    }

    @Test
    void solversTakeNoMoreThanTheTableSays() throws Exception {
        // cd is coordinate descent, or block coordinate descent for a group penalty
        List<Map.Entry<SolverChoice, Class<?>>> solvers = List.of(Map.entry(SolverChoice.CD, CoordinateDescent.class),
                Map.entry(SolverChoice.CD, BlockCoordinateDescent.class),
                Map.entry(SolverChoice.WORKINGSET, WorkingSetSolver.class), Map.entry(SolverChoice.FISTA, Fista.class),
                Map.entry(SolverChoice.NEWTON, ProxNewton.class), Map.entry(SolverChoice.NEWTON, GroupProxNewton.class),
                Map.entry(SolverChoice.GD, Fista.class), Map.entry(SolverChoice.SUBGRADIENT, Subgradient.class));
        for (Map.Entry<SolverChoice, Class<?>> e : solvers) {
            for (Family f : Family.values()) {
                if (!e.getKey().fits(f)) {
                    continue;
                }
                Set<PenaltyContract> taken = EnumSet.noneOf(PenaltyContract.class);
                for (Method m : e.getValue().getMethods()) {
                    // fista's default stopping rule is the duality gap (gaussian); the general overload any
                    boolean gaussianOnly = m.getName().equals("solve") && m.getParameterCount() == 4
                            && (e.getKey() == SolverChoice.FISTA || e.getKey() == SolverChoice.GD);
                    if (m.getName().equals("solve") && (f == Family.GAUSSIAN || !gaussianOnly)) {
                        for (Type t : m.getGenericParameterTypes()) {
                            taken.addAll(contracts(t));
                        }
                    }
                }
                boolean allowed = false;
                for (PenaltyKind kind : PenaltyKind.values()) {
                    allowed |= e.getKey().refusal(f, kind) == null && e.getKey().needs(f, kind).containsAll(taken);
                }
                assertTrue(!taken.isEmpty() && allowed, e.getKey() + " " + f + " takes " + taken);
            }
        }
    }

    private static Set<PenaltyContract> contracts(Type t) throws ClassNotFoundException {
        Set<PenaltyContract> out = EnumSet.noneOf(PenaltyContract.class);
        Type[] bounds = t instanceof TypeVariable<?> v ? v.getBounds() : new Type[] {t};
        for (Type b : bounds) {
            Type raw = b instanceof ParameterizedType p ? p.getRawType() : b;
            for (PenaltyContract c : PenaltyContract.values()) {
                if (raw == type(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    @Test
    void blockAndCoordinateProxAgreeWithTheStepProx() {
        Random rnd = new Random(5);
        int p = 6;
        int k = 3;
        double[] w = new double[p];
        boolean[] active = new boolean[p];
        for (int j = 0; j < p; j++) {
            w[j] = 0.5 + rnd.nextDouble();
            active[j] = j != 2;
        }
        for (boolean grouped : new boolean[] {false, true}) {
            MultiClassPenalty pen = new MultiClassPenalty(0.3, 0.7, w, active, k, grouped, true);
            double h = 2.5;
            double[] b = new double[pen.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = rnd.nextGaussian();
            }
            double[] proxed = b.clone();
            pen.prox(proxed, 1 / h);
            double[] u = new double[b.length];
            for (int j = 0; j < p; j++) {
                if (!active[j]) {
                    continue;
                }
                double[] v = new double[k];
                for (int c = 0; c < k; c++) {
                    v[c] = b[pen.index(j, c)];
                }
                pen.blockMinimizer(j, v, h);
                for (int c = 0; c < k; c++) {
                    assertEquals(proxed[pen.index(j, c)], v[c], 1e-15, grouped + " block " + j);
                    if (!grouped) {
                        assertEquals(proxed[pen.index(j, c)], pen.coordinateMinimizer(j, h * b[pen.index(j, c)], h),
                                1e-15, "coordinate " + j);
                    }
                    u[pen.index(j, c)] = rnd.nextGaussian();
                }
            }
            double worst = 0;
            for (int j = 0; j < p; j++) {
                worst = Math.max(worst, pen.subdiffDistance(j, proxed, u));
            }
            assertEquals(worst, pen.kktViolation(proxed, u), 0.0, "the largest feature violation (intercepts at 0)");
            // onFeatures renumbers: the value of the kept features alone
            int[] keep = {0, 3, 5};
            MultiClassPenalty on = pen.onFeatures(keep);
            double[] small = new double[on.size()];
            double[] zeroed = new double[pen.size()];
            for (int i = 0; i < keep.length; i++) {
                for (int c = 0; c < k; c++) {
                    small[on.index(i, c)] = b[pen.index(keep[i], c)];
                    zeroed[pen.index(keep[i], c)] = b[pen.index(keep[i], c)];
                }
            }
            assertEquals(pen.value(zeroed), on.value(small), 1e-14);
        }
    }
}
