package org.sparklasso.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark writes its data as a multiple of the cores' files, each below Spark's split size. */
class BenchDataTest {
    @Test
    void filesAreAMultipleOfTheCoresAndBelowTheSplitSize() {
        long mb = 1L << 20;
        assertEquals(2, BenchData.files(81 * mb, 2), "G1: one file per core");
        assertEquals(8, BenchData.files(808_000_000L, 2), "10⁶ × 100: 4 files of 101 MB per core");
        assertEquals(4, BenchData.files(400 * mb, 2), "exactly 100 MB per file");
        assertEquals(40, BenchData.files(4_040_000_000L, 2), "5·10⁶ × 100: 20 files of 101 MB per core");
        assertEquals(8, BenchData.files(10 * mb, 8), "never fewer files than cores");
        long bytes = BenchData.approximateBytes(new BenchData.Spec(1_000_000, 100, 0, 10, 0.5, 1, 1, 0));
        assertEquals(808_000_000L, bytes, "dense: 8 bytes per value and label");
        assertEquals(50_000L * (12 * 20 + 8),
                BenchData.approximateBytes(new BenchData.Spec(50_000, 100_000, 20, 10, 0.5, 1, 1, 0)), "sparse");
    }

    @TempDir
    Path dir;

    @Test
    void flushesLocalFilesAndLeavesOtherFileSystemsAlone() throws IOException {
        Path data = Files.createDirectories(dir.resolve("case.parquet").resolve("sub"));
        Files.writeString(data.resolve("part-0.parquet"), "x");
        Files.writeString(dir.resolve("case.parquet").resolve("_SUCCESS"), "");
        BenchData.flushToDisk(dir.resolve("case.parquet").toString());
        BenchData.flushToDisk(dir.resolve("case.parquet").toUri().toString());
        BenchData.flushToDisk("hdfs://namenode:8020/tmp/never-touched");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> BenchData.flushToDisk(dir.resolve("missing").toString()));
        assertEquals("bench: could not flush " + dir.resolve("missing") + " to disk", e.getMessage());
    }
}
