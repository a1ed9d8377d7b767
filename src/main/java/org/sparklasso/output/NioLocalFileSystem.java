package org.sparklasso.output;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system ({@code file:}), checksums and all, except that it sets permissions
 * through {@code java.nio} instead of a {@code chmod} child process. Without Hadoop's native library
 * (never there with the Maven Central jars) {@link RawLocalFileSystem#setPermission} runs
 * {@code chmod} through {@code Shell}, and it is called for every file created (and its
 * {@code .crc}) and every directory made: JFR of the sample job's write phase
 * ({@code jdk.ProcessStart}) counted 38 {@code chmod} processes, 10–15 ms apart, about 0.45 s of the
 * ~1.3 s the driver took to write its tables, the saved model and metrics.json.
 *
 * <p>The permissions set are the same (owner, group and others' read, write and execute bits; a
 * sticky bit, or a file system without POSIX attributes, still goes to Hadoop's own way). The CLI
 * installs it as {@code fs.file.impl} in local mode only, where the driver is the only JVM
 * ({@code cli.Main}); a cluster's executors would need this class on their own class path.
 */
public final class NioLocalFileSystem extends LocalFileSystem {
    /** A checksummed local file system over {@link Raw}. */
    public NioLocalFileSystem() {
        super(new Raw());
    }

    /** The raw local file system, with {@link #setPermission} through {@code java.nio}. */
    public static final class Raw extends RawLocalFileSystem {
        private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (!POSIX || NativeIO.isAvailable() || permission.getStickyBit()) {
                super.setPermission(p, permission);
                return;
            }
            Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
        }

        /** The nine permission bits as java.nio's set. */
        static Set<PosixFilePermission> posix(FsPermission permission) {
            Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
            add(set, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE);
            add(set, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_EXECUTE);
            add(set, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.OTHERS_EXECUTE);
            return set;
        }

        private static void add(Set<PosixFilePermission> set, FsAction action, PosixFilePermission read,
                                PosixFilePermission write, PosixFilePermission execute) {
            if (action.implies(FsAction.READ)) {
                set.add(read);
            }
            if (action.implies(FsAction.WRITE)) {
                set.add(write);
            }
            if (action.implies(FsAction.EXECUTE)) {
                set.add(execute);
            }
        }
    }
}
