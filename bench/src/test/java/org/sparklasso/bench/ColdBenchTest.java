package org.sparklasso.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.MessageFormatter;
import org.sparklasso.cli.TrainJob;

/** The cold mode reads the phases from train's own closing log line, and refuses unknown keys. */
class ColdBenchTest {

    @Test
    void thePhasesPatternReadsTrainsClosingLine() {
        String line = "12:00:01 INFO TrainJob: " + MessageFormatter.arrayFormat(TrainJob.PHASES_LOG,
                new Object[] {"/tmp/out", "2.125", "3.250", "0.500", "0.750", 7}).getMessage();
        Matcher m = ColdBench.PHASES.matcher(line);
        assertTrue(m.find(), line);
        assertEquals(List.of("2.125", "3.250", "0.500", "0.750"),
                List.of(m.group(1), m.group(2), m.group(3), m.group(4)));
    }

    @Test
    void settingsHaveDefaultsAndRefuseUnknownKeys() {
        ColdBench.Settings s = ColdBench.Settings.parse(new String[] {"--rows", "1000", "--glmnet", "false"});
        assertEquals(1000, s.rows());
        assertEquals(List.of("floor", "sample", "g1-csv", "g1-parquet", "b2"), s.cases());
        assertEquals(100_000, s.b2Rows());
        assertEquals(5, s.b2Folds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColdBench.Settings.parse(new String[] {"--row", "10"}));
        assertTrue(e.getMessage().contains("'--row'"), e.getMessage());
        assertTrue(e.getMessage().contains("(keys: workDir, rows, features, lambda, driverMemory, output, cases, "
                + "glmnet, cds, b2Rows, b2Folds)"), "keys in one fixed order: " + e.getMessage());
    }
}
