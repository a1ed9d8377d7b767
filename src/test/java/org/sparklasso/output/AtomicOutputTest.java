package org.sparklasso.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtomicOutput}'s rule for the leftovers of killed runs (no Spark): stale staging
 * directories (dead driver on this host, or untouched for {@link AtomicOutput#STALE_AFTER}) are
 * removed by the next run, live or young ones kept; a previous output that a killed commit left
 * under {@code .old-} with the target missing is renamed back into place.
 */
class AtomicOutputTest {
    @TempDir
    Path tmp;

    private static long deadPid;

    @BeforeAll
    static void findADeadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        deadPid = p.pid();
    }

    private static String owner(long pid, String host) {
        return pid + "@" + host + "-" + UUID.randomUUID();
    }

    private Path leftover(Path out, String kind, String owner) throws IOException {
        Path dir = Files.createDirectories(out.resolveSibling("." + out.getFileName() + "." + kind + "-" + owner));
        Files.writeString(dir.resolve("metrics.json"), kind + " " + owner);
        return dir;
    }

    /** A leftover holding a complete output (with {@code _SUCCESS}). */
    private Path completeLeftover(Path out, String kind, String owner) throws IOException {
        Path dir = leftover(out, kind, owner);
        Files.writeString(dir.resolve("_SUCCESS"), "");
        return dir;
    }

    private static void age(Path dir, Duration by) throws IOException {
        FileTime t = FileTime.from(Instant.now().minus(by));
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                Files.setLastModifiedTime(p, t);
            }
        }
    }

    private static void commitOutput(Path out, String text) throws IOException {
        try (AtomicOutput o = AtomicOutput.begin(out.toString(), new Configuration())) {
            o.writeText("metrics.json", text);
            o.commit();
        }
    }

    private static List<String> hidden(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void removesStagingOfADeadDriverOnThisHost() throws IOException {
        Path out = tmp.resolve("out");
        commitOutput(out, "first");
        leftover(out, "staging", owner(deadPid, AtomicOutput.hostName()));
        commitOutput(out, "second");
        assertEquals(List.of(), hidden(out));
        assertEquals("second", Files.readString(out.resolve("metrics.json")));
    }

    @Test
    void keepsStagingOfALiveDriverAndYoungForeignOnes() throws IOException {
        Path out = tmp.resolve("out");
        Path live = leftover(out, "staging", owner(ProcessHandle.current().pid(), AtomicOutput.hostName()));
        Path foreign = leftover(out, "staging", owner(deadPid, "another-host.example"));
        Path unnamed = leftover(out, "staging", UUID.randomUUID().toString());
        Path liveOld = completeLeftover(out, "old", owner(ProcessHandle.current().pid(), AtomicOutput.hostName()));
        commitOutput(out, "mine");
        assertEquals("mine", Files.readString(out.resolve("metrics.json")));
        assertTrue(Files.isDirectory(live) && Files.isDirectory(foreign) && Files.isDirectory(unnamed),
                "a concurrent run's young staging directories are left alone: " + hidden(out));
        assertTrue(Files.isDirectory(liveOld), "a live run's moved-aside output is not restored over mine");
    }

    @Test
    void removesLeftoversUntouchedForLongerThanTheLimit() throws IOException {
        Path out = tmp.resolve("out");
        Path foreign = leftover(out, "staging", owner(deadPid, "another-host.example"));
        Path unnamed = leftover(out, "staging", UUID.randomUUID().toString());
        Path young = leftover(out, "staging", owner(deadPid, "another-host.example"));
        age(foreign, AtomicOutput.STALE_AFTER.plusMinutes(1));
        age(unnamed, AtomicOutput.STALE_AFTER.plusMinutes(1));
        age(young, AtomicOutput.STALE_AFTER.minusMinutes(2));
        commitOutput(out, "x");
        assertFalse(Files.exists(foreign));
        assertFalse(Files.exists(unnamed));
        assertTrue(Files.exists(young), "younger than " + AtomicOutput.STALE_AFTER);
    }

    @Test
    void aReusedPidDoesNotKeepALeftoverAlive() throws IOException {
        Path out = tmp.resolve("out");
        // named after this (live) JVM, but last modified before it started: another process made it
        Path reused = leftover(out, "staging", owner(ProcessHandle.current().pid(), AtomicOutput.hostName()));
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        Duration beforeStart = Duration.between(started, Instant.now()).plusMinutes(1);
        age(reused, beforeStart);
        commitOutput(out, "x");
        assertFalse(Files.exists(reused));
    }

    @Test
    void restoresThePreviousOutputThatAKilledCommitMovedAside() throws IOException {
        Path out = tmp.resolve("out");
        // a run killed inside commit(): target moved aside, the staged output complete but not renamed
        Path old = completeLeftover(out, "old", owner(deadPid, AtomicOutput.hostName()));
        Path staged = completeLeftover(out, "staging", owner(deadPid, AtomicOutput.hostName()));
        String previous = Files.readString(old.resolve("metrics.json"));

        try (AtomicOutput o = AtomicOutput.begin(out.toString(), new Configuration())) {
            assertEquals(previous, Files.readString(out.resolve("metrics.json")),
                    "the previous output is back in place as soon as the next run starts writing");
            // this run fails before its commit
        }
        assertEquals(previous, Files.readString(out.resolve("metrics.json")));
        assertEquals(List.of(), hidden(out));

        commitOutput(out, "next");
        assertEquals("next", Files.readString(out.resolve("metrics.json")));
        assertEquals(List.of(), hidden(out));
    }

    @Test
    void restoresTheNewestCompletePreviousOutputAndDropsTheRest() throws IOException {
        Path out = tmp.resolve("out");
        Path older = completeLeftover(out, "old", owner(deadPid, AtomicOutput.hostName()));
        age(older, Duration.ofMinutes(30));
        Path newer = completeLeftover(out, "old", owner(deadPid, AtomicOutput.hostName()));
        age(newer, Duration.ofMinutes(20));
        String expected = Files.readString(newer.resolve("metrics.json"));
        try (AtomicOutput o = AtomicOutput.begin(out.toString(), new Configuration())) {
            assertEquals(expected, Files.readString(out.resolve("metrics.json")));
        }
        assertEquals(List.of(), hidden(out));
    }

    @Test
    void removesAStaleMovedAsideOutputWhenTheTargetExists() throws IOException {
        Path out = tmp.resolve("out");
        commitOutput(out, "current");
        Path old = completeLeftover(out, "old", owner(deadPid, AtomicOutput.hostName()));
        commitOutput(out, "next");
        assertEquals("next", Files.readString(out.resolve("metrics.json")));
        assertEquals(List.of(), hidden(out));
    }

    @Test
    void leavesOtherOutputsLeftoversAlone() throws IOException {
        Path out = tmp.resolve("out");
        Path other = tmp.resolve("out2");
        Path theirs = leftover(other, "staging", owner(deadPid, AtomicOutput.hostName()));
        Path lookalike = Files.createDirectories(tmp.resolve(".out.stagingX-" + owner(deadPid, AtomicOutput.hostName())));
        commitOutput(out, "x");
        assertTrue(Files.exists(theirs));
        assertTrue(Files.exists(lookalike));
    }
}
