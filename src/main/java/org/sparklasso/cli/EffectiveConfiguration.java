package org.sparklasso.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.sparklasso.api.ConfigKey;
import org.sparklasso.input.InputFormat;

/**
 * Every key of a {@code train} run with the value it ran with: as given, else its default — the
 * value the parser resolved for a default that depends on the context (format, labelCol, sep,
 * typeMeasure), else the documented rule; then the Spark CSV options passed through. metrics.json's
 * provenance records it, so a run can be repeated from its output alone.
 */
final class EffectiveConfiguration {
    private EffectiveConfiguration() {
    }

    static Map<String, String> of(JobConfig config) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.values()) {
            String given = config.given().get(key);
            m.put(key.key(), given != null && !given.isBlank() ? given.trim() : resolved(key, config));
        }
        if (config.format() == InputFormat.CSV) {
            config.csvOptions().forEach((name, value) -> {
                if (!name.equals("sep")) {
                    m.put("csv." + name, value);
                }
            });
        }
        return m;
    }

    private static String resolved(ConfigKey key, JobConfig config) {
        return switch (key) {
            case FORMAT -> config.format().name().toLowerCase(Locale.ROOT);
            case SEP -> config.format() == InputFormat.CSV ? config.csvOptions().get("sep") : null;
            case LABEL_COL -> config.format() == InputFormat.LIBSVM ? null
                    : config.labelCol() != null ? config.labelCol()
                    : config.format() == InputFormat.CSV && !config.header() ? "1" : "label";
            case TYPE_MEASURE -> config.fitSpec().typeMeasure();
            default -> key.defaultValue() != null ? key.defaultValue() : "(default: " + key.defaultText() + ")";
        };
    }
}
