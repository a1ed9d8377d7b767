package org.sparklasso.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector species of every Vector API kernel here: {@code DoubleVector.SPECIES_MAX}, the same
 * species as netlib's {@code VectorBLAS} (Spark MLlib's Java BLAS), not {@code SPECIES_PREFERRED}.
 *
 * <p>Why it matters: on AVX-512 both are 8 lanes but different classes ({@code DoubleMaxVector},
 * {@code Double512Vector}). C2 (JDK 17) does not know the exact class of a vector a Vector API call
 * returns; when it inlines {@code DoubleVector.intoArray} it takes the receiver's class from that
 * method's type profile, which every caller in the JVM shares. Once MLlib's L-BFGS/OWLQN had run
 * {@code VectorBLAS} in the same JVM, that profile held both classes, the species was no longer a
 * constant, the store was not intrinsified ({@code -XX:+PrintIntrinsics}: "missing constant:
 * vclass=DecodeN") and ran the per-lane Java fallback, in every kernel C2 compiled or recompiled
 * from then on: the bench's moments pass at n = 10⁶ went from 0.05 to 0.1–0.4 s, and the Gram tiles'
 * stores failed the same way (the "not settled" failures of commit 8ab2d1a). With one species in
 * the JVM the profiles stay monomorphic. Only loaded when {@link VectorKernels#enabled()} (or its
 * lane count check) needs it.
 */
public final class DoubleLanes {
    /** The species of all the kernels: as many double lanes as the processor's widest vectors. */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_MAX;

    private DoubleLanes() {
    }
}
