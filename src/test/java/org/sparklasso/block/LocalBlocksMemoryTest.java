package org.sparklasso.block;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The driver memory {@link LocalBlocks} suggests when cached blocks spill to disk in local mode. */
class LocalBlocksMemoryTest {
    private static final long MB = 1L << 20;

    @Test
    void twiceTheBlocksPlusOneGigabyteRoundedUp() {
        // G1's 10⁶ × 100 doubles (800 MB of blocks) spilled under the default 1g driver and were all
        // held with --driver-memory 3g
        assertEquals(3, LocalBlocks.suggestedDriverMemoryGb(800 * MB));
        assertEquals(1, LocalBlocks.suggestedDriverMemoryGb(0));
        assertEquals(2, LocalBlocks.suggestedDriverMemoryGb(1));
        assertEquals(3, LocalBlocks.suggestedDriverMemoryGb(1024 * MB));
        assertEquals(4, LocalBlocks.suggestedDriverMemoryGb(1024 * MB + 1));
        assertEquals(21, LocalBlocks.suggestedDriverMemoryGb(10L * 1024 * MB));
    }
}
