package org.sparklasso.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link CompilerQuiet} finds this JVM's compiler threads and waits at least the idle time, at most the limit. */
class CompilerQuietTest {

    @Test
    void readsTheCompilerThreadsAndWaitsWithinItsBounds() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        assertTrue(CompilerQuiet.compilerTicks() >= 0, "no C1/C2 compiler thread found in /proc/self/task");
        double waited = CompilerQuiet.await(50, 1000);
        assertTrue(waited >= 0.05, "waited " + waited + " s, less than the idle time");
        assertTrue(waited <= 1.5, "waited " + waited + " s, past the limit");
    }
}
