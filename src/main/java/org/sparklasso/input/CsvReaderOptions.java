package org.sparklasso.input;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Spark CSV reader options a user may pass through as {@code csv.NAME=VALUE} (Spark's
 * {@code CSVOptions} and the generic file-source options). The few the loader sets itself are
 * refused, each with the key to use instead; names are matched case-insensitively, as Spark does.
 */
public final class CsvReaderOptions {
    /** Prefix of a pass-through key: {@code csv.nullValue=NA}. */
    public static final String PREFIX = "csv.";

    private static final List<String> PASSED = List.of(
            "encoding", "charset", "quote", "escape", "charToEscapeQuoteEscaping", "comment",
            "ignoreLeadingWhiteSpace", "ignoreTrailingWhiteSpace", "nullValue", "nanValue", "positiveInf",
            "negativeInf", "emptyValue", "maxColumns", "maxCharsPerColumn", "multiLine", "locale", "lineSep",
            "unescapedQuoteHandling", "dateFormat", "timestampFormat", "timestampNTZFormat", "preferDate",
            "enableDateTimeParsingFallback", "compression", "codec", "pathGlobFilter", "recursiveFileLookup",
            "modifiedBefore", "modifiedAfter", "ignoreCorruptFiles", "ignoreMissingFiles");

    /** Options the loader sets itself, and what to use instead. */
    private static final Map<String, String> RESERVED = Map.of(
            "sep", "use the key sep",
            "delimiter", "use the key sep",
            "header", "use the key header",
            "mode", "the loader reads permissively and reports every bad row itself",
            "columnnameofcorruptrecord", "the loader uses it to find malformed lines",
            "enforceschema", "the loader gives the schema (numeric label, features and weights)",
            "inferschema", "the loader gives the schema (numeric label, features and weights)",
            "samplingratio", "the loader does not infer a schema");

    private CsvReaderOptions() {
    }

    /** Every option name that may follow {@code csv.}, as Spark spells it. */
    public static List<String> names() {
        return PASSED;
    }

    /**
     * Spark's spelling of a pass-through option, or empty when Spark has no such CSV option.
     *
     * @throws IllegalArgumentException when the loader sets the option itself (the message says
     *                                  what to use instead)
     */
    public static Optional<String> canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED.containsKey(lower)) {
            throw new IllegalArgumentException(RESERVED.get(lower));
        }
        return PASSED.stream().filter(n -> n.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    /** Case-insensitive set semantics for callers that store options (later wins, as in Spark). */
    public static Map<String, String> newMap() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }
}
