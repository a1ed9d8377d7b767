package org.sparklasso.kernel;

/**
 * Whether this JVM runs the Vector API kernels (the binomial rows of a GLM pass, the dense moments
 * and Gram rows, the Gram products ({@link GramTiles}), the Newton Hessians' weighted columns, the
 * bench's bandwidth read; not the Hessians' column gather, see {@link DenseBlock#gatherColumns}): the
 * JDK's incubating Vector API must be in the boot layer (Spark's launcher adds
 * {@code jdk.incubator.vector} to its JVMs), the processor x86-64 (where exp and log1p have SVML
 * intrinsics; elsewhere they fall back to per-lane Java code, slower than the scalar loops) with at
 * least 4 double lanes (AVX2), and {@code -Dsparklasso.vector=false} not set. Decided once per JVM;
 * when false the scalar loops run, with the same results to rounding. All of them use one species,
 * {@link DoubleLanes#SPECIES}.
 */
public final class VectorKernels {
    private static final boolean ENABLED = decide();

    private VectorKernels() {
    }

    /** True when the vectorized kernels serve this JVM. */
    public static boolean enabled() {
        return ENABLED;
    }

    private static boolean decide() {
        if (!Boolean.parseBoolean(System.getProperty("sparklasso.vector", "true"))) {
            return false;
        }
        String arch = System.getProperty("os.arch", "");
        if (!(arch.equals("amd64") || arch.equals("x86_64"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            // DoubleLanes, and with it the Vector API, is only loaded here, once the module is known to be there
            return DoubleLanes.SPECIES.length() >= 4;
        } catch (LinkageError e) {
            return false;
        }
    }
}
