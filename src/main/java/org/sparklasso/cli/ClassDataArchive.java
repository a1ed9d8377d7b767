package org.sparklasso.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.management.ObjectName;

/**
 * Records the driver's class-data sharing archive after a successful job, when submit.sh asks for
 * one (system property {@value #PROPERTY}, with the JVM started under
 * {@code -XX:+RecordDynamicDumpInfo}).
 *
 * <p>A JVM started with {@code -XX:SharedArchiveFile=ARCHIVE} maps the classes of the archive
 * instead of loading, verifying and linking them from Spark's ~250 jars: the driver's start-up
 * drops by 3–4 s on two cores (bench/results/HISTORY.md). The archive is the JDK's dynamic AppCDS
 * archive (JEP 350), dumped here through the {@code VM.cds dynamic_dump} diagnostic command (JDK 17,
 * JDK-8259070) rather than with {@code -XX:ArchiveClassesAtExit}, so that only a job that ran to the
 * end — and so loaded the classes a job needs — writes one, and a failing run pays nothing. The
 * archive is written next to its final name and moved into place, so a concurrent job sees either
 * none or a whole one. Any failure to dump is logged and otherwise ignored: the archive only saves
 * time.
 */
final class ClassDataArchive {
    /** The system property naming the archive to record; set by submit.sh. */
    static final String PROPERTY = "sparklasso.cds.archive";

    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);

    private ClassDataArchive() {
    }

    /** Dumps the archive named by {@value #PROPERTY}, if set and not there yet. */
    static void recordIfRequested() {
        String target = System.getProperty(PROPERTY);
        if (target == null || target.isBlank()) {
            return;
        }
        Path archive = Path.of(target);
        if (Files.exists(archive)) {
            return;
        }
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        long start = System.nanoTime();
        PrintStream stdout = System.out;
        try {
            // The JDK's CDS.dumpSharedArchive prints "Dynamic dump to file …" on System.out, which
            // belongs to the application's output: it is swapped out for the dump.
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmCds",
                        new Object[] {new String[] {"dynamic_dump", partial.toString()}},
                        new String[] {String[].class.getName()});
            } finally {
                System.setOut(stdout);
            }
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                LOG.debug("no class-data sharing archive was written to {}", partial);
                return;
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("recorded the class-data sharing archive {} in {}s: later jobs start faster",
                    archive, String.format("%.1f", (System.nanoTime() - start) / 1e9));
        } catch (Exception | LinkageError e) {
            LOG.debug("could not record the class-data sharing archive {}", archive, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (Exception ignored) {
                // the archive only saves time
            }
        }
    }
}
