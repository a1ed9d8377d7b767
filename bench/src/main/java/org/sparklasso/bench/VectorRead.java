package org.sparklasso.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.sparklasso.kernel.DoubleLanes;

/**
 * {@link MemoryBandwidth}'s read on the JDK's Vector API: four vector accumulators, so that one
 * core can ask for more than its scalar add chain consumes. The scalar four-accumulator loop is
 * core-bound on a 2 GHz Xeon (measured 12.5–14 GB/s on two cores over 8 MB arrays, where this reads
 * 18–21 GB/s): measuring with it would understate the memory. Only loaded when
 * {@link org.sparklasso.kernel.VectorKernels#enabled()} says so.
 */
final class VectorRead {
    private static final VectorSpecies<Double> SPECIES = DoubleLanes.SPECIES;

    private VectorRead() {
    }

    static double sum(double[] a) {
        int lanes = SPECIES.length();
        DoubleVector s0 = DoubleVector.zero(SPECIES);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (; i + 4 * lanes <= a.length; i += 4 * lanes) {
            s0 = s0.add(DoubleVector.fromArray(SPECIES, a, i));
            s1 = s1.add(DoubleVector.fromArray(SPECIES, a, i + lanes));
            s2 = s2.add(DoubleVector.fromArray(SPECIES, a, i + 2 * lanes));
            s3 = s3.add(DoubleVector.fromArray(SPECIES, a, i + 3 * lanes));
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }
}
