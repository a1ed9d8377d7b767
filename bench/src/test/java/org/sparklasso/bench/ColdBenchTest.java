package org.sparklasso.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        assertEquals(List.of("floor", "sample", "g1-csv", "g1-parquet", "g1-libsvm", "b2"), s.cases());
        assertEquals(100_000, s.b2Rows());
        assertEquals(5, s.b2Folds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ColdBench.Settings.parse(new String[] {"--row", "10"}));
        assertTrue(e.getMessage().contains("'--row'"), e.getMessage());
        assertTrue(e.getMessage().contains("(keys: workDir, rows, features, lambda, driverMemory, output, cases, "
                + "glmnet, cds, b2Rows, b2Folds)"), "keys in one fixed order: " + e.getMessage());
    }

    @Test
    void theLoadsThroughputCountsAnInputsDataFilesOnly(@TempDir Path dir) throws IOException {
        // as generate writes it: part files, Hadoop's .crc files, _SUCCESS and the true coefficients beside
        Files.write(dir.resolve("part-00000.csv"), new byte[100]);
        Files.write(dir.resolve("part-00001.csv"), new byte[50]);
        Files.write(dir.resolve(".part-00000.csv.crc"), new byte[12]);
        Files.write(dir.resolve("_SUCCESS"), new byte[0]);
        Files.write(dir.resolve("_true_coefficients.csv"), new byte[7]);
        assertEquals(150, ColdBench.inputBytes(dir));
        assertEquals(100, ColdBench.inputBytes(dir.resolve("part-00000.csv")));
        ColdBench.Run run = new ColdBench.Run("g1-csv", "", 10, 2, 3, 1, 1, "", 3_000_000);
        assertEquals(1.0, run.loadMbPerSecond(), 1e-12);
        assertTrue(Double.isNaN(new ColdBench.Run("sample", "", 10, 2, 3, 1, 1, "", 0).loadMbPerSecond()));
    }
}
