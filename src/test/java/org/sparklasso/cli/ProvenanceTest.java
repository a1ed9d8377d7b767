package org.sparklasso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.api.ConfigKey;

/**
 * metrics.json's provenance: the build, the versions, every key's effective value (defaults
 * included), the input file with its size and time, the rows, the feature names and the
 * standardization statistics, checked against the input file itself.
 */
class ProvenanceTest {

    @Test
    void metricsRecordWhereTheModelCameFrom(@TempDir Path dir) throws Exception {
        SparkTestSession.get();
        String input = TestFits.resource("sample-data/diabetes.csv");
        String out = dir.resolve("out").toString();
        assertEquals(0, Main.run(new String[] {"train", "--input", input, "--labelCol", "progression", "--lambda",
                "1", "--plots", "false", "--output", out}));
        JsonNode p = new ObjectMapper().readTree(Path.of(out, "metrics.json").toFile()).get("provenance");
        assertTrue(p.get("gitCommit").asText().matches("[0-9a-f]{40}"), p.get("gitCommit").asText());
        assertEquals(SparkTestSession.get().version(), p.get("sparkVersion").asText());
        assertEquals(System.getProperty("java.version"), p.get("javaVersion").asText());
        JsonNode config = p.get("configuration");
        for (ConfigKey k : ConfigKey.values()) {
            assertTrue(config.has(k.key()), "every key, defaults included: " + k.key());
        }
        assertEquals("1", config.get("alpha").asText(), "a default");
        assertEquals("progression", config.get("labelCol").asText(), "as given");
        assertEquals("mse", config.get("typeMeasure").asText(), "a context default, resolved");
        assertEquals(1, p.get("inputFiles").asInt());
        JsonNode file = p.get("inputs").get(0);
        Path local = Path.of(input);
        assertEquals(Files.size(local), file.get("bytes").asLong());
        assertEquals(Files.getLastModifiedTime(local).toInstant().toEpochMilli() / 1000,
                Instant.parse(file.get("modified").asText()).toEpochMilli() / 1000);
        assertEquals(442, p.get("rows").asLong());
        assertEquals(List.of("age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"),
                new ObjectMapper().convertValue(p.get("featureNames"), List.class));
        // the centre of bmi is its mean, computed here from the file
        List<String> lines = Files.readAllLines(local);
        double sum = 0;
        for (String line : lines.subList(1, lines.size())) {
            sum += Double.parseDouble(line.split(",")[2]);
        }
        assertEquals(sum / (lines.size() - 1), p.get("standardization").get("center").get(2).asDouble(), 1e-12);
    }

    @Test
    void credentialsAreRedacted() {
        java.util.Map<String, String> c = new java.util.LinkedHashMap<>();
        c.put("input", "s3a://AKIAEXAMPLE:abc%2Fdef@bucket/data.csv");
        c.put("csv.password", "hunter2");
        java.util.Map<String, String> r = org.sparklasso.output.ProvenanceAccess.redacted(c);
        assertEquals("s3a://*****@bucket/data.csv", r.get("input"));
        assertEquals("*****", r.get("csv.password"));
    }
}
