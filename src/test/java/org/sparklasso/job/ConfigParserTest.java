package org.sparklasso.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.data.InputFormat;

class ConfigParserTest {

    @Test
    void flagsOverrideTheFileAndDefaultsApply(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, "input=data.csv\noutput=out\nlambda=0.5\nalpha=0.3\nsolver=fista\n");
        JobConfig c = ConfigParser.parse(new String[] {"--config", file.toString(), "--alpha", "0.7",
                "--lambda=0.1,0.2"});
        assertEquals(0.7, c.alpha());
        assertEquals(List.of(0.1, 0.2), c.lambdas());
        assertEquals(SolverChoice.FISTA, c.solver());
        assertEquals(InputFormat.CSV, c.format());
        assertTrue(c.standardize());
        assertTrue(c.fitIntercept());
        assertEquals(1e-7, c.tol());
        assertFalse(c.verbose());
    }

    @Test
    void sparkAliasesAreAccepted() {
        JobConfig c = ConfigParser.parse(new String[] {"--input", "a.parquet", "--output", "o", "--regParam", "0.4",
                "--elasticNetParam", "0.5"});
        assertEquals(List.of(0.4), c.lambdas());
        assertEquals(0.5, c.alpha());
        assertEquals(InputFormat.PARQUET, c.format());
    }

    @Test
    void badValuesNameTheKey() {
        String[] base = {"--input", "a.csv", "--output", "o", "--lambda", "1"};
        assertMessage("alpha", "--alpha", "1.5", base);
        assertMessage("lambda", "--lambda", "-1", base);
        assertMessage("tol", "--tol", "abc", base);
        assertMessage("standardize", "--standardize", "yes", base);
        assertMessage("maxIter", "--maxIter", "0", base);
        assertMessage("solver", "--solver", "newton", base);
        assertMessage("lamda", "--lamda", "1", base);
        JobException e = assertThrows(JobException.class,
                () -> ConfigParser.parse(new String[] {"--input", "a.txt", "--output", "o", "--lambda", "1"}));
        assertTrue(e.getMessage().startsWith("format:"), e.getMessage());
        assertEquals(ExitCode.BAD_CONFIG, e.exitCode());
    }

    private static void assertMessage(String key, String flag, String value, String[] base) {
        String[] args = java.util.Arrays.copyOf(base, base.length + 2);
        args[base.length] = flag;
        args[base.length + 1] = value;
        JobException e = assertThrows(JobException.class, () -> ConfigParser.parse(args));
        assertEquals(ExitCode.BAD_CONFIG, e.exitCode());
        assertTrue(e.getMessage().contains(key), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
