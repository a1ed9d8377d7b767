package org.sparklasso.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/**
 * One vector species in the JVM ({@link DoubleLanes}): the kernels share netlib VectorBLAS's
 * {@code SPECIES_MAX}, and no other source file picks a species of its own (a second vector class
 * in {@code DoubleVector.intoArray}'s type profile makes C2 compile the stores as per-lane fallbacks).
 */
class DoubleLanesTest {
    @Test
    void theKernelsUseMllibsSpecies() {
        assertSame(DoubleVector.SPECIES_MAX, DoubleLanes.SPECIES);
    }

    @Test
    void noOtherSourceChoosesASpecies() throws IOException {
        Path root = Path.of(System.getProperty("sparklasso.basedir", "."), "src", "main", "java");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> others = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("DoubleLanes.java"))
                    .filter(f -> read(f).contains("DoubleVector.SPECIES_"))
                    .map(f -> root.relativize(f).toString()).toList();
            assertEquals(List.of(), others, "use DoubleLanes.SPECIES");
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
