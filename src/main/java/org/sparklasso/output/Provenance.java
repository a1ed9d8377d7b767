package org.sparklasso.output;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.sparklasso.block.Standardization;

/**
 * Where a model came from, for metrics.json's {@code provenance}: this build (version, git commit,
 * from {@code spark-lasso-git.properties} written by the build), the Spark, Scala and Java versions,
 * the effective configuration (every key, defaults included; credentials redacted), the input files
 * with sizes and modification times, the rows used, the feature names and the standardization
 * statistics (the centres and scales the solvers' coordinates used).
 */
public final class Provenance {
    /** Input files listed one by one up to this many (totals always cover all). */
    static final int MAX_LISTED_FILES = 1000;
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(secret|password|passwd|token|credential).*");
    private static final Pattern URI_USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");

    private Provenance() {
    }

    /**
     * @param configuration every key's effective value (the caller resolves defaults), in display order
     * @param input         the input path or glob as given
     */
    public static Map<String, Object> of(SparkSession spark, Map<String, String> configuration, String input,
                                         long rows, List<String> featureNames, Standardization s) {
        Map<String, Object> m = new LinkedHashMap<>();
        Properties build = build();
        m.put("version", version());
        m.put("gitCommit", build.getProperty("git.commit.id", "unknown"));
        m.put("gitDirty", Boolean.parseBoolean(build.getProperty("git.dirty", "false")));
        m.put("sparkVersion", spark.version());
        m.put("scalaVersion", scala.util.Properties.versionNumberString());
        m.put("javaVersion", System.getProperty("java.version"));
        m.put("javaVendor", System.getProperty("java.vendor"));
        m.put("master", spark.sparkContext().master());
        m.put("createdAt", Instant.now().toString());
        m.put("configuration", redacted(configuration));
        m.putAll(inputFiles(spark.sparkContext().hadoopConfiguration(), input));
        m.put("rows", rows);
        m.put("featureNames", featureNames);
        Map<String, Object> standardization = new LinkedHashMap<>();
        standardization.put("center", s.center());
        standardization.put("scale", s.scale());
        standardization.put("active", s.active());
        standardization.put("labelMean", s.labelMean());
        standardization.put("labelVariance", s.labelVariance());
        m.put("standardization", standardization);
        return m;
    }

    /** This build's project version, or "unknown". */
    public static String version() {
        return build().getProperty("git.build.version", "unknown");
    }

    /** The build's properties (empty when run from classes not built by Maven). */
    static Properties build() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/spark-lasso-git.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // provenance is best effort: an unreadable file reads as unknown
        }
        return p;
    }

    /** Values of secret-looking keys replaced, and user:password@ taken out of URIs. */
    static Map<String, String> redacted(Map<String, String> configuration) {
        Map<String, String> out = new LinkedHashMap<>();
        configuration.forEach((k, v) -> out.put(k, v == null ? null : SECRET_KEY.matcher(k).matches() ? "*****"
                : URI_USER_INFO.matcher(v).replaceAll("*****@")));
        return out;
    }

    /**
     * The files behind the input path or glob, with sizes and modification times. Listed with
     * {@code listStatus}, not {@code listFiles}: the latter's {@code LocatedFileStatus} copies each
     * file's owner and permissions, which Hadoop's local file system (without its native library)
     * reads by running {@code ls -ld} per file — a child process per input file (JFR's
     * {@code jdk.ProcessStart}; 200 part files would have been ~2 s). Spark's own file index lists
     * the same way for the same reason.
     */
    static Map<String, Object> inputFiles(Configuration conf, String input) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> files = new ArrayList<>();
        long[] countAndBytes = new long[2];
        try {
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            for (FileStatus match : matches == null ? new FileStatus[0] : matches) {
                addFiles(fs, match, files, countAndBytes);
            }
        } catch (IOException | IllegalArgumentException e) {
            m.put("inputError", e.getMessage());
        }
        m.put("inputFiles", countAndBytes[0]);
        m.put("inputBytes", countAndBytes[1]);
        m.put("inputs", files);
        return m;
    }

    /** The files under {@code status}, depth first in listing order, as {@code listFiles(path, true)} gives them. */
    private static void addFiles(FileSystem fs, FileStatus status, List<Map<String, Object>> files,
                                 long[] countAndBytes) throws IOException {
        if (status.isDirectory()) {
            for (FileStatus child : fs.listStatus(status.getPath())) {
                addFiles(fs, child, files, countAndBytes);
            }
            return;
        }
        String name = status.getPath().getName();
        if (name.startsWith(".") || name.startsWith("_")) {
            return;   // Spark's readers skip these too (_SUCCESS, .crc)
        }
        countAndBytes[0]++;
        countAndBytes[1] += status.getLen();
        if (files.size() < MAX_LISTED_FILES) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", URI_USER_INFO.matcher(status.getPath().toString()).replaceAll("*****@"));
            file.put("bytes", status.getLen());
            file.put("modified", Instant.ofEpochMilli(status.getModificationTime()).toString());
            files.add(file);
        }
    }
}
