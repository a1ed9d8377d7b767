package org.sparklasso.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cost rule of {@link HessianReuse}: Hessians over few features are computed, wide ones reused until they fail. */
class HessianReuseTest {

    @Test
    void aHessianOverFewFeaturesIsComputedAndAWideOneReused() {
        HessianReuse r = new HessianReuse();
        // 100 features, binomial: a 10-feature Hessian costs 35 weighted flops a row, an extra pass 1,600
        assertFalse(r.worthReusing(100, 1, 10));
        assertFalse(r.worthReusing(100, 1, 30));
        assertTrue(r.worthReusing(100, 1, 60));
        // three margins: the Hessian's six blocks against a pass three times as dear
        assertTrue(r.worthReusing(100, 3, 40));
        assertFalse(r.worthReusing(100, 3, 20));
    }

    @Test
    void failuresRaiseTheBarAndServedReusesLowerIt() {
        HessianReuse failing = new HessianReuse();
        for (int i = 0; i < 3; i++) {
            failing.reused();
            failing.exactPass();
        }
        assertEquals(3, failing.choices());
        assertEquals(3, failing.failures());
        assertFalse(failing.worthReusing(100, 1, 60), "three failures in three reuses: compute the Hessian");
        assertTrue(failing.worthReusing(100, 1, 200));

        HessianReuse serving = new HessianReuse();
        assertFalse(serving.worthReusing(100, 1, 30));
        for (int i = 0; i < 6; i++) {
            serving.choosing();
            serving.reused();
        }
        serving.choosing();
        assertEquals(6, serving.choices());
        assertEquals(0, serving.failures());
        assertTrue(serving.worthReusing(100, 1, 30), "six served reuses: a narrower Hessian is reused too");
    }

    @Test
    void onlyAPendingReuseIsJudged() {
        HessianReuse r = new HessianReuse();
        r.exactPass();
        r.choosing();
        assertEquals(0, r.choices());
        r.reused();
        r.exactPass();
        r.exactPass();
        assertEquals(1, r.choices());
        assertEquals(1, r.failures());
    }
}
