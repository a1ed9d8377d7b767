package org.sparklasso.input;

import java.util.Locale;
import java.util.Optional;

/** The input formats read with Spark's own readers. */
public enum InputFormat {
    CSV, LIBSVM, PARQUET;

    /** Parses a config value (case-insensitive). */
    public static Optional<InputFormat> parse(String value) {
        for (InputFormat f : values()) {
            if (f.name().equalsIgnoreCase(value.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Whether the path names a tab-separated file ({@code .tsv}, compression suffixes ignored). */
    public static boolean isTabSeparated(String path) {
        return withoutCompression(path).endsWith(".tsv");
    }

    private static String withoutCompression(String path) {
        String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        return p.replaceAll("\\.(gz|bz2|deflate|snappy|lz4|zst)$", "");
    }

    /** Infers the format from a path's extension (compression suffixes ignored). */
    public static Optional<InputFormat> inferFromPath(String path) {
        String p = withoutCompression(path);
        if (p.endsWith(".csv") || p.endsWith(".tsv")) {
            return Optional.of(CSV);
        }
        if (p.endsWith(".libsvm") || p.endsWith(".svm") || p.endsWith(".svmlight")) {
            return Optional.of(LIBSVM);
        }
        if (p.endsWith(".parquet") || p.endsWith(".pq")) {
            return Optional.of(PARQUET);
        }
        return Optional.empty();
    }
}
