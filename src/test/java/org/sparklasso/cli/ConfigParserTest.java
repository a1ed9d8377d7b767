package org.sparklasso.cli;

import org.sparklasso.api.ConfigKey;
import org.sparklasso.TestFits;
import org.sparklasso.spec.ExitCode;
import org.sparklasso.spec.JobException;
import org.sparklasso.spec.SolverChoice;

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
import org.sparklasso.input.InputFormat;

class ConfigParserTest {

    @Test
    void flagsOverrideTheFileAndDefaultsApply(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, "input=data.csv\noutput=out\nlambda=0.5\nalpha=0.3\nsolver=fista\n");
        JobConfig c = ConfigParser.parse(new String[] {"--config", file.toString(), "--alpha", "0.7",
                "--lambda=0.1,0.2"});
        assertEquals(0.7, c.alpha());
        assertEquals(List.of(0.1, 0.2), c.lambdas());
        assertEquals(SolverChoice.FISTA, c.fitSpec().solver());
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
        String[] base = {"--input", "a.csv", "--output", "o", "--nlambda", "5"};
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

    /** A key's default is told apart from a value the user gave (the headerless-CSV label bug). */
    @Test
    void contextDefaultsApplyOnlyWhenTheKeyIsNotGiven() {
        JobConfig c = ConfigParser.parse(new String[] {"--input", "a.csv", "--output", "o", "--header", "false"});
        assertEquals(null, c.labelCol(), "not given: the loader picks column 1 (no header) or 'label'");
        assertEquals(null, c.weightCol());
        assertEquals(0, c.fitSpec().maxIter(), "0 = the solver's own default");
        assertTrue(Double.isNaN(c.fitSpec().lambdaMinRatio()), "NaN = glmnet's default from n and p");
        assertEquals("mse", c.fitSpec().typeMeasure());
        assertEquals(",", c.csvOptions().get("sep"));
        JobConfig given = ConfigParser.parse(new String[] {"--input", "a.csv", "--output", "o", "--labelCol", "label"});
        assertEquals("label", given.labelCol(), "given explicitly, even when equal to the default");
        JobConfig binomial = ConfigParser.parse(new String[] {"--input", "a.csv", "--output", "o", "--family",
            "binomial"});
        assertEquals("deviance", binomial.fitSpec().typeMeasure());
        assertEquals("\t", ConfigParser.parse(new String[] {"--input", "a.tsv.gz", "--output", "o"}).csvOptions()
                .get("sep"), "tab for .tsv");
        assertEquals(";", ConfigParser.parse(new String[] {"--input", "a.tsv", "--output", "o", "--sep", ";"})
                .csvOptions().get("sep"));
    }

    @Test
    void aRepeatedFlagTakesItsLastValueButAKeyWithItsAliasIsRefused() {
        JobConfig c = ConfigParser.parse(new String[] {"--input", "a.csv", "--output", "o", "--nlambda", "8",
            "--nlambda", "3"});
        assertEquals(3, c.fitSpec().nlambda());
        assertMessage("lambda: given twice", "--regParam", "0.2", new String[] {"--input", "a.csv", "--output", "o",
            "--lambda", "0.1"});
    }

    @Test
    void csvOptionsPassThroughInSparksSpelling() {
        JobConfig c = ConfigParser.parse(new String[] {"--input", "a.csv", "--output", "o", "--csv.NULLVALUE", "NA",
            "--csv.comment=#", "--delimiter", "|"});
        assertEquals("NA", c.csvOptions().get("nullValue"));
        assertEquals("#", c.csvOptions().get("comment"));
        assertEquals("|", c.csvOptions().get("sep"));
        assertMessage("csv.header", "--csv.header", "false", new String[] {"--input", "a.csv", "--output", "o"});
        assertMessage("did you mean 'csv.quote'", "--csv.qoute", "'", new String[] {"--input", "a.csv", "--output",
            "o"});
        assertMessage("sep: applies to csv input only", "--sep", ";", new String[] {"--input", "a.parquet",
            "--output", "o"});
        assertMessage("weightCol: does not apply to libsvm", "--weightCol", "w", new String[] {"--input", "a.libsvm",
            "--output", "o"});
    }

    @Test
    void suggestionsComeFromTheKeysAliasesAndCsvOptions() {
        assertEquals(" (did you mean 'lambda'?)", ConfigParser.suggestion("lamda"));
        assertEquals(" (did you mean 'lambdaMinRatio'?)", ConfigParser.suggestion("lambdaMinRatoi"));
        assertEquals(" (did you mean 'regParam'?)", ConfigParser.suggestion("regparm"));
        assertEquals(" (did you mean 'csv.nullValue'?)", ConfigParser.suggestion("csv.nullvalu"));
        assertEquals("", ConfigParser.suggestion("xyzzy"));
        assertEquals(1, ConfigParser.editDistance("nfold", "nfolds"));
        assertEquals(1, ConfigParser.editDistance("lamdba", "lambda"), "an adjacent swap costs 1");
    }

    @Test
    void penaltyOptionsReachTheFitAndBoundsAreRefusedForGroupedMultinomial() {
        String[] base = {"--input", "a.csv", "--output", "o"};
        JobConfig c = ConfigParser.parse(concat(base, "--penaltyFactor", "x1:0", "--lowerLimits", "0"));
        assertTrue(c.fitSpec().penaltyOptions().penaltyFactor().given());
        assertTrue(c.fitSpec().penaltyOptions().bounded());
        assertFalse(ConfigParser.parse(base).fitSpec().penaltyOptions().given());
        assertTrue(ConfigParser.parse(concat(base, "--family", "multinomial", "--upperLimits", "1")).fitSpec()
                .penaltyOptions().bounded(), "ungrouped multinomial takes bounds");
        JobException e = assertThrows(JobException.class, () -> ConfigParser.parse(concat(base, "--family",
                "multinomial", "--typeMultinomial", "grouped", "--upperLimits", "1")));
        assertEquals(ExitCode.BAD_CONFIG, e.exitCode());
        assertEquals("upperLimits: coefficient bounds need typeMultinomial=ungrouped (the grouped penalty's block "
                + "prox has no box)", e.getMessage());
        assertMessage("lowerLimits", "--lowerLimits", "1", base);
    }

    private static String[] concat(String[] base, String... more) {
        String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }

    /** README's configuration table lists every key, and a fixed default as the code has it. */
    @Test
    void readmeDocumentsEveryKeyAndItsDefault() throws IOException {
        String readme = Files.readString(org.sparklasso.TestFits.root().resolve("README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"), readme.indexOf("## The objective"));
        java.util.Map<String, String> rows = new java.util.TreeMap<>();
        for (String line : table.lines().toList()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\| `([^`]+)` \\| ([^|]*) \\|").matcher(line);
            if (m.find()) {
                rows.put(m.group(1), m.group(2));
            }
        }
        for (ConfigKey k : ConfigKey.values()) {
            assertTrue(rows.containsKey(k.key()), "README's table lacks " + k.key());
            if (k.defaultValue() != null) {
                assertTrue(rows.get(k.key()).contains("`" + k.defaultValue() + "`"),
                        k.key() + ": README says " + rows.get(k.key()) + ", the code " + k.defaultValue());
            }
        }
        assertTrue(rows.containsKey("csv.NAME"));
        String help = Main.trainHelp();
        for (ConfigKey k : ConfigKey.values()) {
            assertTrue(help.contains("  " + k.key() + " ") && help.contains(k.defaultText()), k.key());
        }
    }
}
