package org.sparklasso.cli;

import org.sparklasso.spec.JobException;

/**
 * The commands' argument syntax: {@code --KEY VALUE} or {@code --KEY=VALUE} pairs, {@code --verbose}
 * alone. Shared by {@code train} ({@link ConfigParser}) and {@code score} ({@link ScoreConfig}).
 */
final class FlagArgs {
    /** Receives each key and its value, in order. */
    interface Pair {
        void accept(String key, String value);
    }

    private FlagArgs() {
    }

    /** Calls {@code pair} for each {@code --KEY VALUE}; a stray word or a key without a value is a config error. */
    static void forEach(String[] args, Pair pair) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--verbose")) {
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw JobException.config("unexpected argument '" + arg + "' (expected --KEY VALUE)");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw JobException.config("missing value for --" + name);
                }
                value = args[++i];
            }
            pair.accept(name, value);
        }
    }
}
