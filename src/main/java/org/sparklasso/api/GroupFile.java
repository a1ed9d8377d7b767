package org.sparklasso.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparklasso.spec.GroupOptions;
import org.sparklasso.spec.JobException;

/**
 * The group lasso's {@code groups} file: a local two-column csv {@code feature,group}, read on the
 * driver when the config is read (like the properties file itself). An optional header line
 * {@code feature,group}; blank lines and lines starting with # are skipped; a field may be
 * double-quoted. Each bad line is a config error naming the file and line.
 */
final class GroupFile {
    private GroupFile() {
    }

    /** Whether the groups value names a file rather than a list of labels: no comma, and a file or a .csv/.tsv name. */
    static boolean looksLikeFile(String text) {
        if (text.contains(",")) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")
                || Files.isRegularFile(Path.of(text));
    }

    static GroupOptions read(String file, Map<String, Double> weights) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw JobException.config("groups: file '" + file + "' not found");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw JobException.config("groups: cannot read file '" + file + "': " + e.getMessage());
        }
        Map<String, GroupOptions.Labelled> byFeature = new LinkedHashMap<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(file.toLowerCase(Locale.ROOT).endsWith(".tsv") ? "\t" : ",", -1);
            if (fields.length != 2) {
                throw JobException.config("groups: " + where + ": expected two fields feature,group, got '" + line
                        + "'");
            }
            String feature = unquote(fields[0]);
            String group = unquote(fields[1]);
            if (first && feature.equalsIgnoreCase("feature") && group.equalsIgnoreCase("group")) {
                first = false;
                continue;
            }
            first = false;
            if (feature.isEmpty() || group.isEmpty()) {
                throw JobException.config("groups: " + where + ": empty feature or group in '" + line + "'");
            }
            GroupOptions.Labelled before = byFeature.put(feature, new GroupOptions.Labelled(group, where));
            if (before != null) {
                throw JobException.config("groups: " + where + ": feature '" + feature + "' is listed twice (first on "
                        + before.where().substring(before.where().lastIndexOf("line")) + ")");
            }
        }
        if (byFeature.isEmpty()) {
            throw JobException.config("groups: file '" + file + "' lists no feature");
        }
        return new GroupOptions(null, byFeature, file, weights);
    }

    private static String unquote(String field) {
        String f = field.strip();
        if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
            f = f.substring(1, f.length() - 1).replace("\"\"", "\"");
        }
        return f.strip();
    }
}
