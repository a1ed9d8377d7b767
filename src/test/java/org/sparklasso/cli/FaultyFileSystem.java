package org.sparklasso.cli;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The local file system under the scheme {@code faulty:} (register with {@code fs.faulty.impl}),
 * failing every create of a file whose path contains the text of {@code fs.faulty.failOn}: a
 * storage failure in the middle of writing an output, without hooks in the product code.
 */
public class FaultyFileSystem extends RawLocalFileSystem {
    public static final String SCHEME = "faulty";
    public static final String FAIL_ON = "fs.faulty.failOn";
    private static final URI NAME = URI.create(SCHEME + ":///");

    private String failOn = "";

    /** Registers the scheme in {@code conf} (uncached, so that each use reads {@link #FAIL_ON} anew). */
    public static void register(Configuration conf, String failOn) {
        conf.set("fs." + SCHEME + ".impl", FaultyFileSystem.class.getName());
        conf.setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
        conf.set(FAIL_ON, failOn);
    }

    @Override
    public void initialize(URI uri, Configuration conf) throws IOException {
        super.initialize(uri, conf);
        failOn = conf.get(FAIL_ON, "");
    }

    @Override
    public URI getUri() {
        return NAME;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    private void check(Path f) throws IOException {
        if (!failOn.isEmpty() && f.toString().contains(failOn)) {
            throw new IOException("injected failure creating " + f.getName());
        }
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        check(f);
        return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        check(f);
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FSDataOutputStream createNonRecursive(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                                 short replication, long blockSize, Progressable progress)
            throws IOException {
        check(f);
        return super.createNonRecursive(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }
}
