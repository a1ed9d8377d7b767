package org.sparklasso.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sparklasso.data.DataLoader;
import org.sparklasso.job.ExitCode;
import org.sparklasso.job.JobException;

/**
 * An output directory that appears whole or not at all. Everything is written to a hidden
 * staging directory beside the target; {@link #commit()} writes {@code _SUCCESS} last and renames
 * the staging directory into place (moving a previous output aside first and deleting it after).
 * Closing without commit deletes the staging directory, leaving any previous output untouched.
 *
 * <p>An existing target is replaced only when it is a previous spark-lasso output (it holds
 * {@code metrics.json} or {@code _SUCCESS}) or empty, so a mistyped path never deletes user data.
 */
public final class AtomicOutput implements AutoCloseable {
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
                for (Path p = target.getParent(); p != null; p = p.getParent()) {
                    if (fs.exists(p)) {
                        if (!fs.getFileStatus(p).isDirectory()) {
                            throw JobException.config("output: " + p + " is a file, so " + output
                                    + " cannot be created");
                        }
                        break;
                    }
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

    /** Starts a staged write of {@code output}. */
    public static AtomicOutput begin(String output, Configuration conf) throws IOException {
        checkReplaceable(output, conf);
        Path target = new Path(output);
        FileSystem fs = target.getFileSystem(conf);
        target = fs.makeQualified(target);
        Path parent = target.getParent();
        if (parent != null) {
            fs.mkdirs(parent);
        }
        Path staging = new Path(parent, "." + target.getName() + ".staging-" + UUID.randomUUID());
        if (!fs.mkdirs(staging)) {
            throw new IOException("cannot create staging directory " + staging);
        }
        return new AtomicOutput(fs, target, staging);
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
            old = new Path(target.getParent(), "." + target.getName() + ".old-" + UUID.randomUUID());
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
