package org.sparklasso.aggregate;

/**
 * Whether the vectorized row kernels ({@link LogisticRows}) run here: the JDK's incubating Vector
 * API must be in the boot layer (Spark's launcher adds {@code jdk.incubator.vector} to its JVMs),
 * the processor x86-64 (where exp and log1p have SVML intrinsics; elsewhere they fall back to
 * per-lane Java code, slower than the scalar loop) with at least 4 double lanes (AVX2), and
 * {@code -Dsparklasso.vector=false} not set. Decided once per JVM.
 */
public final class RowKernels {
    private static final boolean VECTORIZED = decide();

    private RowKernels() {
    }

    /** True when {@link LogisticRows} serves the binomial rows. */
    public static boolean vectorized() {
        return VECTORIZED;
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
            return LogisticRows.lanes() >= 4;
        } catch (LinkageError e) {
            return false;
        }
    }
}
