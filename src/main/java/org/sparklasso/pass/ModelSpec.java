package org.sparklasso.pass;

import org.sparklasso.block.Standardization;

/**
 * Which model a loss evaluation is for: its coordinates and the fold it leaves out (-1 for the
 * model on all rows). Driver side: the passes turn it into their broadcast payloads.
 */
public record ModelSpec(Standardization standardization, int excludedFold) {

    public static ModelSpec full(Standardization s) {
        return new ModelSpec(s, -1);
    }
}
