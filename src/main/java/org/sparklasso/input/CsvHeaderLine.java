package org.sparklasso.input;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * The first line of a CSV input as written, read on the driver from the first non-empty file (no
 * Spark job), and the header names it holds, split with univocity, the parser Spark's CSV reader
 * uses. Spark renames duplicate header names ({@code x1,x1} becomes {@code x11,x12}), so only the
 * line itself shows them.
 */
final class CsvHeaderLine {
    private CsvHeaderLine() {
    }

    /** The first duplicate name (compared case-insensitively, as Spark does by default), if any. */
    static Optional<String> firstDuplicate(String input, Map<String, String> csvOptions, Configuration conf)
            throws IOException {
        Optional<String[]> fields = firstLine(input, csvOptions, conf).map(line -> parser(csvOptions).parseLine(line));
        if (fields.isEmpty() || fields.get() == null) {
            return Optional.empty();
        }
        Map<String, String> seen = new HashMap<>();
        for (String f : fields.get()) {
            if (f == null || f.isEmpty()) {
                continue;
            }
            if (seen.putIfAbsent(f.toLowerCase(Locale.ROOT), f) != null) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The columns Spark's CSV reader gives the input — with a header its names (an empty or null-valued
     * one as {@code _cI}, as Spark's makeSafeHeader does), else {@code _c0…} — from the first line,
     * without the Spark job Spark's reader runs to read that line (0.3–0.5 s of a cold job). Empty
     * where only Spark's reader can tell: no line, a comment option or multiLine (the header may not
     * be the first line as written), a byte-order mark.
     */
    static Optional<String[]> columns(String input, Map<String, String> csvOptions, Configuration conf,
                                      boolean header) throws IOException {
        if (csvOptions.containsKey("comment") || "true".equalsIgnoreCase(csvOptions.get("multiLine"))) {
            return Optional.empty();
        }
        Optional<String> line = firstLine(input, csvOptions, conf);
        if (line.isEmpty() || line.get().startsWith("\uFEFF")) {
            return Optional.empty();
        }
        String[] tokens = parser(csvOptions).parseLine(line.get());
        if (tokens == null) {
            return Optional.empty();
        }
        String nullValue = csvOptions.getOrDefault("nullValue", "");
        String[] names = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            boolean named = header && tokens[i] != null && !tokens[i].isEmpty() && !tokens[i].equals(nullValue);
            names[i] = named ? tokens[i] : "_c" + i;
        }
        return Optional.of(names);
    }

    /** The first non-empty first line of the input's files, in path order (empty when there is none). */
    static Optional<String> firstLine(String input, Map<String, String> csvOptions, Configuration conf)
            throws IOException {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        List<FileStatus> files = new ArrayList<>();
        FileStatus[] matches = fs.globStatus(path);
        for (FileStatus m : matches == null ? new FileStatus[0] : matches) {
            if (m.isDirectory()) {
                files.addAll(Arrays.asList(fs.listStatus(m.getPath(),
                        p -> !p.getName().startsWith("_") && !p.getName().startsWith("."))));
            } else {
                files.add(m);
            }
        }
        files.sort(Comparator.comparing(f -> f.getPath().toString()));
        CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
        Charset charset = Charset.forName(csvOptions.getOrDefault("encoding", csvOptions.getOrDefault("charset",
                "UTF-8")));
        for (FileStatus f : files) {
            if (!f.isFile() || f.getLen() == 0) {
                continue;
            }
            CompressionCodec codec = codecs.getCodec(f.getPath());
            try (InputStream raw = fs.open(f.getPath());
                 InputStream in = codec == null ? raw : codec.createInputStream(raw);
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset))) {
                String line = reader.readLine();
                if (line != null && !line.isEmpty()) {
                    return Optional.of(line);
                }
            }
        }
        return Optional.empty();
    }

    private static CsvParser parser(Map<String, String> csvOptions) {
        CsvParserSettings settings = new CsvParserSettings();
        String sep = org.apache.spark.sql.catalyst.csv.CSVExprUtils.toDelimiterStr(csvOptions.getOrDefault("sep", ","));
        settings.getFormat().setDelimiter(sep);
        String quote = csvOptions.getOrDefault("quote", "\"");
        if (!quote.isEmpty()) {
            settings.getFormat().setQuote(quote.charAt(0));
        }
        String escape = csvOptions.getOrDefault("escape", "\\");
        if (!escape.isEmpty()) {
            settings.getFormat().setQuoteEscape(escape.charAt(0));
        }
        settings.setIgnoreLeadingWhitespaces(false);
        settings.setIgnoreTrailingWhitespaces(false);
        settings.setMaxColumns(Integer.parseInt(csvOptions.getOrDefault("maxColumns", "20480")));
        return new CsvParser(settings);
    }
}
