package org.sparklasso.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The java.nio permissions against Hadoop's own local file system (chmod) doing the same things. */
class NioLocalFileSystemTest {
    @TempDir
    java.nio.file.Path tmp;

    @Test
    void setsThePermissionsHadoopsLocalFileSystemSets() throws IOException {
        Configuration conf = new Configuration(false);
        try (FileSystem nio = new NioLocalFileSystem(); FileSystem stock = new LocalFileSystem()) {
            nio.initialize(URI.create("file:///"), conf);
            stock.initialize(URI.create("file:///"), conf);
            for (FileSystem fs : new FileSystem[] {nio, stock}) {
                String side = fs == nio ? "nio" : "stock";
                Path dir = new Path(tmp.toUri().toString(), side + "/a/b");
                assertTrue(fs.mkdirs(dir));
                try (FSDataOutputStream out = fs.create(new Path(dir, "part"), false)) {
                    out.writeBytes("x");
                }
            }
            for (String child : new String[] {"a", "a/b", "a/b/part", "a/b/.part.crc"}) {
                assertEquals(permissions("stock/" + child), permissions("nio/" + child), child);
            }
            Path file = new Path(tmp.toUri().toString(), "nio/a/b/part");
            Path other = new Path(tmp.toUri().toString(), "stock/a/b/part");
            for (short mode : new short[] {0644, 0755, 0700, 0640, 0604, 0000, 0777, 0421}) {
                nio.setPermission(file, new FsPermission(mode));
                stock.setPermission(other, new FsPermission(mode));
                assertEquals(permissions("stock/a/b/part"), permissions("nio/a/b/part"), Integer.toOctalString(mode));
                assertEquals(new FsPermission(mode), nio.getFileStatus(file).getPermission(), Integer.toOctalString(mode));
            }
        }
    }

    private Set<PosixFilePermission> permissions(String child) throws IOException {
        return Files.getPosixFilePermissions(tmp.resolve(child));
    }
}
