package org.sparklasso.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.examples.JavaApiExample;

/**
 * README's Java API example runs as written (examples/java, compiled by the build) and README shows
 * exactly its code.
 */
class JavaApiExampleTest {

    @Test
    void theExampleRunsAndReadmeShowsIt(@TempDir Path dir) throws Exception {
        Dataset<Row> scored = JavaApiExample.run(SparkTestSession.get(), TestFits.resource("sample-data/diabetes.csv"),
                dir.resolve("model").toString());
        assertEquals(442, scored.count());
        double mse = scored.selectExpr("avg(pow(progression - prediction, 2))").first().getDouble(0);
        assertTrue(mse < 3100, "training mse " + mse + " (glmnet at lambda.min: about 2860)");

        String example = Files.readString(TestFits.root().resolve("examples/java/org/sparklasso/examples/JavaApiExample.java"));
        String body = example.substring(example.indexOf("// --- README: Java API ---") + "// --- README: Java API ---".length(),
                example.indexOf("        // --- end ---"));
        String readme = Files.readString(TestFits.root().resolve("README.md"));
        String dedented = body.lines().map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .collect(java.util.stream.Collectors.joining("\n")).strip();
        assertTrue(readme.contains(dedented), "README's Java block is examples/java's code:\n" + dedented);
    }
}
