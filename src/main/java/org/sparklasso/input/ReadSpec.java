package org.sparklasso.input;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * What the file readers read: the CLI's side of loading. The packing step ({@link Blocks}) never
 * sees it, so the library core never sees a path.
 *
 * @param input      a file, directory or glob, as Spark's readers take it
 * @param format     the reader to use
 * @param header     whether each csv file starts with a header line (csv only)
 * @param csvOptions Spark CSV reader options ({@code sep} and the user's {@code csv.NAME} options),
 *                   names matched case-insensitively (csv only)
 */
public record ReadSpec(String input, InputFormat format, boolean header, Map<String, String> csvOptions) {

    public ReadSpec {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(format, "format");
        Map<String, String> options = CsvReaderOptions.newMap();
        if (csvOptions != null) {
            options.putAll(csvOptions);
        }
        csvOptions = Collections.unmodifiableMap(options);
    }
}
