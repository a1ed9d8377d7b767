package org.sparklasso.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparklasso.spec.JobException;

/** The bench's settings fail before any case runs on a bad value, naming the key. */
class BenchSettingsTest {

    private static String failure(String... args) {
        JobException e = assertThrows(JobException.class, () -> BenchSettings.parse(args));
        assertEquals(2, e.exitCode());
        return e.getMessage();
    }

    @Test
    void badValuesNameTheirKey() {
        assertTrue(failure("--noise", "0.5x").contains("noise: invalid number '0.5x'"));
        assertTrue(failure("--g1.rows", "1e5.5").contains("g1.rows: invalid integer"));
        assertTrue(failure("--scale.rows", "100000,abc").contains("scale.rows: invalid integer 'abc'"));
        assertTrue(failure("--keepData", "yes").contains("keepData: invalid value 'yes'"));
        assertTrue(failure("--scale.mllibRuns", "0").contains("scale.mllibRuns: must be at least 1"));
        assertTrue(failure("--runs", "").contains("runs: missing value"));
        assertTrue(failure("--no.such", "1").contains("unknown key 'no.such'"));
    }

    @Test
    void realAndListValuesParse() {
        BenchSettings s = BenchSettings.parse(new String[] {"--alpha", "0.5", "--scale.cvRows", "",
            "--scale.rows=1e5,2_000_000", "--b2.mllibRuns", "0"});
        assertEquals(0.5, s.dbl("alpha"));
        assertEquals(List.of(), s.longs("scale.cvRows"));
        assertEquals(List.of(100_000L, 2_000_000L), s.longs("scale.rows"));
        assertEquals(0, s.integer("b2.mllibRuns"));
    }
}
