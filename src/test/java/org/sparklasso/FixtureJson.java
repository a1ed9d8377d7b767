package org.sparklasso;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading the committed JSON fixtures: a string array or a number array of a fixture node. */
public final class FixtureJson {
    private FixtureJson() {
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** Numbers, with "Infinity"-style strings (the R fixtures' way of writing ±Inf) parsed. */
    public static double[] numbers(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = array.get(i);
            out[i] = v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
        }
        return out;
    }
}
