package org.sparklasso.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input listing of metrics.json against java.nio's own walk of the same directory tree. */
class ProvenanceInputFilesTest {
    @TempDir
    Path tmp;

    @Test
    void listsEveryDataFileUnderTheInput() throws IOException {
        Path input = tmp.resolve("input");
        Files.createDirectories(input.resolve("year=2026/month=12"));
        Files.createDirectories(input.resolve("year=2025"));
        Files.writeString(input.resolve("part-0.csv"), "a,b\n1,2\n");
        Files.writeString(input.resolve("_SUCCESS"), "");
        Files.writeString(input.resolve(".part-0.csv.crc"), "crc");
        Files.writeString(input.resolve("year=2026/month=12/part-1.csv"), "a,b\n3,4\n5,6\n");
        Files.writeString(input.resolve("year=2025/part-2.csv"), "a,b\n");
        Files.writeString(input.resolve("year=2025/_committed"), "x");

        Map<String, Object> listed = Provenance.inputFiles(new Configuration(), input.toUri().toString());

        Set<Path> expected;
        try (Stream<Path> walk = Files.walk(input)) {
            expected = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".")
                            && !p.getFileName().toString().startsWith("_"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        long bytes = 0;
        for (Path p : expected) {
            bytes += Files.size(p);
        }
        assertEquals((long) expected.size(), listed.get("inputFiles"));
        assertEquals(bytes, listed.get("inputBytes"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> files = (List<Map<String, Object>>) listed.get("inputs");
        Set<Path> got = new TreeSet<>();
        for (Map<String, Object> f : files) {
            Path p = Path.of(java.net.URI.create((String) f.get("path")));
            got.add(p);
            assertEquals(Files.size(p), f.get("bytes"));
            assertEquals(Files.getLastModifiedTime(p).toInstant().toEpochMilli() / 1000,
                    java.time.Instant.parse((String) f.get("modified")).toEpochMilli() / 1000, p.toString());
        }
        assertEquals(expected, got);
    }
}
