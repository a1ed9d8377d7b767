package org.sparklasso.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.sparklasso.input.DataLoader;
import org.sparklasso.spec.ExitCode;
import org.sparklasso.spec.JobException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An output directory that appears whole or not at all. Everything is written to a hidden
 * staging directory beside the target; {@link #commit()} writes {@code _SUCCESS} last and renames
 * the staging directory into place (moving a previous output aside first and deleting it after).
 * Closing without commit deletes the staging directory, leaving any previous output untouched.
 *
 * <p>An existing target is replaced only when it is a previous spark-lasso output (it holds
 * {@code metrics.json} or {@code _SUCCESS}) or empty, so a mistyped path never deletes user data.
 *
 * <p><b>Leftovers of killed runs.</b> The hidden siblings are named
 * {@code .<name>.staging-<pid>@<host>-<uuid>} and {@code .<name>.old-<pid>@<host>-<uuid>}, after the
 * driver that made them. A run killed while writing (SIGKILL, a lost driver) leaves its staging
 * directory behind, one killed inside {@link #commit()} between moving the previous output aside
 * and renaming the staging directory into place leaves the target missing and the previous output
 * under {@code .old-}. {@link #begin} tidies these up first, touching only siblings of this output
 * that match those patterns and are <em>stale</em>: their driver is provably dead (same host name,
 * and no process with that pid runs now, or the one that does started after the directory was last
 * modified, a reused pid), or nothing under them was modified for
 * {@link #STALE_AFTER} (a driver on another host, or an older naming). A concurrent run's
 * directories are neither (its driver lives, its staging directory was just written), so two runs
 * on one output never remove each other's work: each commits in turn and the last one wins. Stale
 * staging directories are deleted. When the target is missing, the newest stale {@code .old-}
 * directory that is a complete output ({@code _SUCCESS}) is renamed back into place (the killed
 * run did not finish, so the previous output stays, as after any failed run); other stale
 * {@code .old-} directories are deleted. Live or young siblings are left alone, and a leftover
 * never makes a run fail: every run stages under a fresh unique name.
 */
public final class AtomicOutput implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicOutput.class);

    /** A leftover whose driver cannot be checked is stale once nothing under it changed for this long. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);

    /** {@code <pid>@<host>-<uuid>}: the driver that made a hidden sibling, and a unique suffix. */
    private static final Pattern OWNER = Pattern.compile("(\\d+)@(.*)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final FileSystem fs;
    private final Path target;
    private final Path staging;
    private boolean committed;

    private AtomicOutput(FileSystem fs, Path target, Path staging) {
        this.fs = fs;
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks that {@code output} may be (re)placed, without creating anything: exit 2 when the
     * path cannot be an output (a file, a directory that is not ours, a file where a parent
     * directory must go); exit 1 when the file system cannot be reached.
     */
    public static void checkReplaceable(String output, Configuration conf) {
        Path target;
        try {
            target = new Path(output);
        } catch (IllegalArgumentException e) {
            throw JobException.config("output: invalid path '" + output + "': " + e.getMessage());
        }
        try {
            FileSystem fs = target.getFileSystem(conf);
            if (!fs.exists(target)) {
                Path p = nearestExisting(fs, target.getParent());
                if (p != null && !fs.getFileStatus(p).isDirectory()) {
                    throw JobException.config("output: " + p + " is a file, so " + output + " cannot be created");
                }
                return;
            }
            if (!fs.getFileStatus(target).isDirectory()) {
                throw JobException.config("output: " + output + " exists and is a file; refusing to replace it");
            }
            boolean ours = fs.exists(new Path(target, "metrics.json")) || fs.exists(new Path(target, "_SUCCESS"));
            if (!ours && fs.listStatus(target).length > 0) {
                throw JobException.config("output: " + output + " exists and is not a spark-lasso output; "
                        + "refusing to replace it");
            }
        } catch (IOException e) {
            throw new JobException(ExitCode.FAILURE, "output: cannot access " + output + ": "
                    + DataLoader.rootMessage(e), e);
        }
    }

    /** {@code p} or its nearest ancestor that exists (null when none does, or {@code p} is null). */
    private static Path nearestExisting(FileSystem fs, Path p) throws IOException {
        Path at = p;
        while (at != null && !fs.exists(at)) {
            at = at.getParent();
        }
        return at;
    }

    /**
     * Checks, before any work, that the output can be written: a probe directory is created and
     * removed in the output's nearest existing ancestor (where the staging directory's parents would
     * go), so a read-only directory or file system is exit 2 at once, not exit 1 after the fit.
     * Nothing is left behind, not even the output's missing parent directories.
     */
    public static void checkWritable(String output, Configuration conf) {
        Path target = new Path(output);
        Path ancestor = null;
        try {
            FileSystem fs = target.getFileSystem(conf);
            target = fs.makeQualified(target);
            ancestor = nearestExisting(fs, target.getParent());
            if (ancestor == null) {
                return;
            }
            Path probe = new Path(ancestor, "." + target.getName() + ".probe-" + UUID.randomUUID());
            boolean made;
            try {
                made = fs.mkdirs(probe);
            } finally {
                fs.delete(probe, true);
            }
            if (!made) {
                throw new IOException("cannot create a directory there");
            }
        } catch (IOException e) {
            throw JobException.config("output: cannot write under " + (ancestor == null ? output : ancestor)
                    + " (" + DataLoader.rootMessage(e) + ")");
        }
    }

    /**
     * Starts a staged write of {@code output}, after tidying up the stale leftovers of killed runs
     * beside it (restoring a previous output that a killed commit had moved aside).
     */
    public static AtomicOutput begin(String output, Configuration conf) throws IOException {
        checkReplaceable(output, conf);
        Path target = new Path(output);
        FileSystem fs = target.getFileSystem(conf);
        target = fs.makeQualified(target);
        Path parent = target.getParent();
        if (parent != null) {
            fs.mkdirs(parent);
        }
        tidy(fs, target, System.currentTimeMillis());
        Path staging = sibling(target, "staging");
        if (!fs.mkdirs(staging)) {
            throw new IOException("cannot create staging directory " + staging);
        }
        return new AtomicOutput(fs, target, staging);
    }

    /** The staging directory itself (for an output that is one table: Spark writes it with mode overwrite). */
    public String root() {
        return staging.toString();
    }

    /** A path inside the staging directory. */
    public String path(String child) {
        return new Path(staging, child).toString();
    }

    /** Writes a small UTF-8 text file into the staging directory. */
    public void writeText(String child, String text) throws IOException {
        try (OutputStream out = fs.create(new Path(staging, child), true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Copies a local file (e.g. a plot rendered on the driver) into the staging directory. */
    public void copyFromLocal(java.nio.file.Path local, String child) throws IOException {
        fs.copyFromLocalFile(false, true, new Path(local.toUri()), new Path(staging, child));
    }

    /** Writes {@code _SUCCESS} and moves the staged output into place. */
    public void commit() throws IOException {
        writeText("_SUCCESS", "");
        Path old = null;
        if (fs.exists(target)) {
            old = sibling(target, "old");
            if (!fs.rename(target, old)) {
                throw new IOException("cannot move previous output " + target + " aside");
            }
        }
        if (!fs.rename(staging, target)) {
            if (old != null) {
                fs.rename(old, target);
            }
            throw new IOException("cannot move " + staging + " to " + target);
        }
        committed = true;
        if (old != null) {
            fs.delete(old, true);
        }
    }

    /** {@code .<name>.<kind>-<pid>@<host>-<uuid>} beside the target. */
    private static Path sibling(Path target, String kind) {
        return new Path(target.getParent(), "." + target.getName() + "." + kind + "-" + ProcessHandle.current().pid()
                + "@" + HostName.NAME + "-" + UUID.randomUUID());
    }

    /**
     * Removes the stale leftovers of killed runs beside {@code target} and, when the target is
     * missing, renames the newest complete stale {@code .old-} directory back into place (see the
     * class comment for the rule). Best effort: a leftover that cannot be removed is logged and
     * left; it cannot trip a run. {@code now} is the current time in ms.
     */
    static void tidy(FileSystem fs, Path target, long now) {
        Path parent = target.getParent();
        String staging = "." + target.getName() + ".staging-";
        String old = "." + target.getName() + ".old-";
        try {
            if (parent == null || !fs.exists(parent)) {
                return;
            }
            List<FileStatus> staleOld = new ArrayList<>();
            for (FileStatus st : fs.listStatus(parent)) {
                String name = st.getPath().getName();
                boolean isStaging = name.startsWith(staging);
                boolean isOld = name.startsWith(old);
                if (!st.isDirectory() || !(isStaging || isOld)
                        || !isStale(fs, st, name.substring((isStaging ? staging : old).length()), now)) {
                    continue;
                }
                if (isStaging) {
                    LOG.info("removing {}, left by a killed run", st.getPath());
                    fs.delete(st.getPath(), true);
                } else {
                    staleOld.add(st);
                }
            }
            staleOld.sort(Comparator.comparingLong(FileStatus::getModificationTime).reversed());
            for (FileStatus st : staleOld) {
                if (!fs.exists(target) && fs.exists(new Path(st.getPath(), "_SUCCESS"))) {
                    if (fs.rename(st.getPath(), target)) {
                        LOG.info("restored the previous output {} from {}, left by a run killed while replacing it",
                                target, st.getPath());
                        continue;
                    }
                }
                LOG.info("removing {}, left by a killed run", st.getPath());
                fs.delete(st.getPath(), true);
            }
        } catch (IOException e) {
            LOG.warn("could not tidy up leftovers beside {}: {}", target, DataLoader.rootMessage(e));
        }
    }

    /**
     * A leftover is stale when its driver ran on this host and is gone, or when nothing under it
     * was modified for {@link #STALE_AFTER}.
     */
    private static boolean isStale(FileSystem fs, FileStatus dir, String suffix, long now) throws IOException {
        Matcher m = OWNER.matcher(suffix);
        if (m.matches() && m.group(2).equals(HostName.NAME) && !HostName.NAME.isEmpty()) {
            java.util.Optional<ProcessHandle> owner = ProcessHandle.of(Long.parseLong(m.group(1)))
                    .filter(ProcessHandle::isAlive);
            if (owner.isEmpty()) {
                return true;
            }
            // alive, unless the pid was reused: a process that started after the directory was last
            // modified cannot have made it
            long started = owner.get().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(Long.MIN_VALUE);
            return started > dir.getModificationTime() + 1000;
        }
        long newest = dir.getModificationTime();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir.getPath(), true);
        while (files.hasNext()) {
            newest = Math.max(newest, files.next().getModificationTime());
        }
        return now - newest > STALE_AFTER.toMillis();
    }

    /** This host's name as used in leftovers' names ("" when it cannot be looked up). */
    static String hostName() {
        return HostName.NAME;
    }

    /** This host's name, looked up once ("" when it cannot be: then no owner is provably dead). */
    private static final class HostName {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e) {
                return "";
            }
        }
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                fs.delete(staging, true);
            } catch (IOException e) {
                // best effort: a stale hidden staging directory is harmless
            }
        }
    }
}
