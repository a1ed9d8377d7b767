package org.sparklasso.cli;

import org.sparklasso.spec.ExitCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.SparkTestSession;

/**
 * Atomic output when storage fails after staging began: the output file system
 * ({@link FaultyFileSystem}) fails to create a file written after the first table (a Parquet table
 * written by Spark tasks, or metrics.json written last by the driver) on a rerun over a previous
 * output. The run exits 1 with exactly one error line, the previous output is byte-identical and no
 * staging directory is left.
 */
class FailureAfterStagingTest {
    @TempDir
    static Path tmp;

    private static Configuration hadoop;
    private static String input;

    @BeforeAll
    static void setUp() throws IOException {
        hadoop = SparkTestSession.get().sparkContext().hadoopConfiguration();
        FaultyFileSystem.register(hadoop, "");
        List<String> rows = new ArrayList<>();
        rows.add("y,x1,x2,x3");
        rows.addAll(ErrorHandlingTest.goodRows(40));
        input = Files.write(tmp.resolve("good.csv"), rows).toString();
    }

    @AfterAll
    static void tearDown() {
        hadoop.unset("fs." + FaultyFileSystem.SCHEME + ".impl");
        hadoop.unset("fs." + FaultyFileSystem.SCHEME + ".impl.disable.cache");
        hadoop.unset(FaultyFileSystem.FAIL_ON);
    }

    @ParameterizedTest(name = "fails creating {0}")
    @ValueSource(strings = {"path_summary", "/cv/", "metrics.json"})
    void previousOutputSurvivesAFailureAfterTheFirstTable(String failOn) throws IOException {
        Path dir = tmp.resolve("out-" + failOn.replaceAll("[^a-z]", ""));
        String[] train = {"train", "--input", input, "--labelCol", "y", "--nlambda", "5", "--nfolds", "3",
                "--plots", "false"};
        ErrorHandlingTest.run(with(train, "--output", dir.toString())).assertOk();
        Map<String, String> before = ErrorHandlingTest.snapshot(dir);

        hadoop.set(FaultyFileSystem.FAIL_ON, failOn);
        ErrorHandlingTest.Result result;
        try {
            result = ErrorHandlingTest.run(with(train, "--output", FaultyFileSystem.SCHEME + "://" + dir));
        } finally {
            hadoop.set(FaultyFileSystem.FAIL_ON, "");
        }
        result.assertError(ExitCode.FAILURE, "injected failure");
        assertEquals(before, ErrorHandlingTest.snapshot(dir), "the previous output must stay byte-identical");
        assertTrue(Files.exists(dir.resolve("_SUCCESS")));
        ErrorHandlingTest.assertNoHiddenLeftovers(dir);
        try (Stream<Path> s = Files.list(dir.getParent())) {
            assertEquals(List.of(dir.getFileName().toString()), s.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("out-" + failOn.replaceAll("[^a-z]", ""))).toList());
        }
    }

    private static String[] with(String[] a, String... more) {
        return Stream.concat(Stream.of(a), Stream.of(more)).toArray(String[]::new);
    }
}
