package org.sparklasso.input;

import java.util.Arrays;
import java.util.List;

/** Small text helpers shared by the readers and the packing step's messages. */
final class InputText {
    private InputText() {
    }

    /** The innermost cause's message, on one line (at most 300 characters). */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        msg = msg.replaceAll("\\s+", " ").trim();
        return msg.length() > 300 ? msg.substring(0, 300) + "…" : msg;
    }

    /** A column name quoted for {@code Dataset.col}, so dots and spaces are taken literally. */
    static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    /** The first 12 names, comma-separated, then an ellipsis when there are more. */
    static String abbreviate(String[] columns) {
        List<String> shown = Arrays.asList(columns).subList(0, Math.min(columns.length, 12));
        return String.join(", ", shown) + (columns.length > 12 ? ", …" : "");
    }
}
