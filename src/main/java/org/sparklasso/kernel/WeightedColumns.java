package org.sparklasso.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A Hessian chunk's weighted columns on the JDK's Vector API: {@code √w} of the chunk's Newton
 * weights, and each working-set column times it (or times w itself), ready for {@code dsyrk} (or
 * {@code dgemm}). The scalar loops as C2 compiled them were the largest share of the Hessians'
 * Java time; on the Vector API a 100,000-row pass with six 90-column Hessians took 300 ms instead
 * of 350 (single thread, a 2-core Xeon with AVX-512; the BLAS products about 140 of them). Only
 * loaded when {@link VectorKernels#enabled()} says so.
 */
public final class WeightedColumns {
    private static final VectorSpecies<Double> SPECIES = DoubleLanes.SPECIES;

    private WeightedColumns() {
    }

    /** {@code out[i] = √w[from + i]} for i < the last full vector below {@code rows}; returns that bound. */
    public static int sqrt(double[] w, int from, double[] out, int rows) {
        int lanes = SPECIES.length();
        int bound = SPECIES.loopBound(rows);
        for (int i = 0; i < bound; i += lanes) {
            DoubleVector.fromArray(SPECIES, w, from + i).lanewise(VectorOperators.SQRT).intoArray(out, i);
        }
        return bound;
    }

    /**
     * {@code out[off + i] = src[from + i]·s[sFrom + i]} for i below the returned bound (the last full
     * vector below {@code rows}).
     */
    public static int scale(double[] src, int from, double[] s, int sFrom, double[] out, int off, int rows) {
        int lanes = SPECIES.length();
        int bound = SPECIES.loopBound(rows);
        for (int i = 0; i < bound; i += lanes) {
            DoubleVector.fromArray(SPECIES, src, from + i).mul(DoubleVector.fromArray(SPECIES, s, sFrom + i))
                    .intoArray(out, off + i);
        }
        return bound;
    }
}
