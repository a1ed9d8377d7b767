package org.sparklasso.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Before a timed run: waits until the JIT's compiler threads have used no CPU for a short while, so
 * that a compilation set off by the work between runs (the GC, the marker job, the listener) does not
 * share the cores with the fit. On a 2-core machine one C2 thread takes half of it: in one traced
 * run a 0.4 s compilation of Spark's {@code ObjectOutputStream.writeObject0} fell into a fit. Reads
 * the compiler threads' CPU ticks from {@code /proc/self/task} (Linux); elsewhere it does not wait.
 */
final class CompilerQuiet {
    private static final Path TASKS = Path.of("/proc/self/task");

    private CompilerQuiet() {
    }

    /**
     * Returns after the compiler threads' CPU time stood still for {@code idleMillis}, or after
     * {@code maxMillis}; the seconds waited.
     */
    static double await(long idleMillis, long maxMillis) {
        long start = System.nanoTime();
        long last = compilerTicks();
        if (last < 0) {
            return 0;
        }
        long stillSince = start;
        while ((System.nanoTime() - start) / 1_000_000 < maxMillis) {
            sleep(10);
            long now = compilerTicks();
            if (now != last) {
                last = now;
                stillSince = System.nanoTime();
            } else if ((System.nanoTime() - stillSince) / 1_000_000 >= idleMillis) {
                break;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** User + system clock ticks of this JVM's C1 and C2 compiler threads, or −1 when none is found. */
    static long compilerTicks() {
        long ticks = 0;
        boolean found = false;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                if (ProcStat.name(stat).contains("CompilerThre")) {
                    ticks += ProcStat.cpuTicks(stat);
                    found = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return found ? ticks : -1;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
