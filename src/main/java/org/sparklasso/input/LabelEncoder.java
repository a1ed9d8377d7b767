package org.sparklasso.input;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.sparklasso.spec.JobException;

/**
 * Maps the label values of a classification input to class indices 0..K-1 in sorted order:
 * numerically when every value is a number (so "1" and "1.0" are one class), else as strings.
 * Runs on executors (one lookup per row).
 */
public final class LabelEncoder implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Most classes a label column may have. */
    public static final int MAX_CLASSES = 1000;

    private final String[] names;
    private final double[] numericKeys;

    private LabelEncoder(String[] names, double[] numericKeys) {
        this.names = names;
        this.numericKeys = numericKeys;
    }

    /**
     * Builds the encoder from the distinct label values found in the input.
     *
     * @param binomial exactly two classes are required
     */
    public static LabelEncoder of(List<String> distinct, boolean binomial, String input) {
        List<String> values = distinct.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
        double[] numbers = new double[values.size()];
        boolean numeric = !values.isEmpty();
        for (int i = 0; i < values.size() && numeric; i++) {
            try {
                numbers[i] = Double.parseDouble(values.get(i));
                numeric = Double.isFinite(numbers[i]);
            } catch (NumberFormatException e) {
                numeric = false;
            }
        }
        LabelEncoder enc;
        if (numeric) {
            double[] keys = Arrays.stream(numbers).distinct().sorted().toArray();
            String[] names = new String[keys.length];
            for (int k = 0; k < keys.length; k++) {
                names[k] = keys[k] == Math.rint(keys[k]) && Math.abs(keys[k]) < 1e15
                        ? Long.toString((long) keys[k]) : Double.toString(keys[k]);
            }
            enc = new LabelEncoder(names, keys);
        } else {
            enc = new LabelEncoder(new TreeSet<>(values).toArray(new String[0]), null);
        }
        int k = enc.numClasses();
        if (k < 2) {
            throw JobException.input("labelCol: the label of " + input + " has " + k + " distinct value(s) "
                    + enc.classNames() + "; classification needs at least 2");
        }
        if (binomial && k > 2) {
            throw JobException.input("labelCol: family binomial needs exactly 2 label values, found " + k + ": "
                    + abbreviate(enc.classNames()) + " (use family=multinomial)");
        }
        if (k > MAX_CLASSES) {
            throw JobException.input("labelCol: more than " + MAX_CLASSES + " distinct label values");
        }
        return enc;
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 10 ? names.toString() : names.subList(0, 10) + "…";
    }

    /** Whether every class is a number (they are then ordered numerically). */
    public boolean numeric() {
        return numericKeys != null;
    }

    public int numClasses() {
        return names.length;
    }

    public List<String> classNames() {
        return new ArrayList<>(Arrays.asList(names));
    }

    /** The class index of a raw label value, or -1 when it is none of the classes. */
    public int classOf(String raw) {
        if (raw == null) {
            return -1;
        }
        String v = raw.trim();
        if (numericKeys != null) {
            try {
                int k = Arrays.binarySearch(numericKeys, Double.parseDouble(v));
                return k >= 0 ? k : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        int k = Arrays.binarySearch(names, v);
        return k >= 0 ? k : -1;
    }
}
