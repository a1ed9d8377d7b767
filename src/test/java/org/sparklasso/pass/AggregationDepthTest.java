package org.sparklasso.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** aggregationDepth 0 sends small results of few partitions straight to the driver. */
class AggregationDepthTest {
    @Test
    void automaticDepthByPartitionsAndResultSize() {
        assertEquals(3, BlockPasses.automaticDepth(3, 2, 8), "a configured depth wins");
        assertEquals(1, BlockPasses.automaticDepth(0, 7, 80_000), "few partitions, small results");
        assertEquals(2, BlockPasses.automaticDepth(0, 17, 8), "many partitions");
        assertEquals(2, BlockPasses.automaticDepth(0, 8, 64L << 20), "8 × 64 MB would meet on the driver");
    }
}
