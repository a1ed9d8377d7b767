package org.sparklasso.kernel;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The BLAS used by every kernel: netlib's native binding (e.g. OpenBLAS through libblas.so.3)
 * when the machine has one, else its pure-Java fallback. {@link #implementation()} says which.
 */
public final class Blas {
    private Blas() {
    }

    public static BLAS get() {
        return BLAS.getInstance();
    }

    /** Class name of the BLAS in use, for the metrics (e.g. JNIBLAS = native). */
    public static String implementation() {
        return get().getClass().getSimpleName();
    }
}
