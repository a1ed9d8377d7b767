package org.sparklasso.kernel;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BLAS used by every kernel: netlib's native binding when the machine's {@code libblas.so.3}
 * is an optimized BLAS (OpenBLAS, MKL, BLIS, …), else netlib's Java one ({@code VectorBLAS} on
 * the Vector API). {@link #implementation()} says which.
 *
 * <p>Why not netlib's own choice (native whenever {@code libblas.so.3} loads): installing R or
 * NumPy's BLAS dependency puts the <em>reference</em> Fortran BLAS there (Debian's {@code libblas3}),
 * which vectorizes nothing. On the passes' shapes (2-core AVX-512 EPYC, 10⁴-row blocks of 100
 * features) it ran X·V at 2.3–2.5 GFLOP/s and Xᵀ·R at 2.3–3.4 against VectorBLAS's 10.4–12.7 and
 * 5.8–10.8. The library a process mapped is read from {@code /proc/self/maps} (Linux); where that
 * cannot be read, netlib's choice stands. {@code -Dsparklasso.blas=native|java} overrides.
 */
public final class Blas {
    private static final Logger LOG = LoggerFactory.getLogger(Blas.class);
    /** Words in the file name or directory of an optimized BLAS behind {@code libblas.so.3}. */
    private static final List<String> OPTIMIZED = List.of("openblas", "mkl", "blis", "atlas", "flexiblas", "armpl",
            "accelerate", "goto", "essl", "libsci");

    private static final BLAS CHOSEN = choose(System.getProperty("sparklasso.blas", "auto"));

    private Blas() {
    }

    public static BLAS get() {
        return CHOSEN;
    }

    /** Class name of the BLAS in use, for the metrics (e.g. JNIBLAS = native). */
    public static String implementation() {
        return get().getClass().getSimpleName();
    }

    private static BLAS choose(String mode) {
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "java":
                return JavaBLAS.getInstance();
            case "native":
                return BLAS.getInstance();
            default:
                BLAS any = BLAS.getInstance();
                if (!(any instanceof NativeBLAS)) {
                    return any;
                }
                Optional<String> library = mappedBlasLibrary();
                if (library.isPresent() && isReferenceBlas(library.get())) {
                    LOG.info("BLAS: {} is the reference BLAS; using netlib's Java BLAS, which is faster here "
                            + "(-Dsparklasso.blas=native to keep it)", library.get());
                    return JavaBLAS.getInstance();
                }
                return any;
        }
    }

    /** The file of the {@code libblas.so*} this process mapped, from {@code /proc/self/maps}. */
    private static Optional<String> mappedBlasLibrary() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> Path.of(file).getFileName() != null
                            && Path.of(file).getFileName().toString().startsWith("libblas.so"))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a {@code libblas.so*} file is the reference BLAS: none of the optimized BLAS names
     * appears in its path (Debian's reference one is {@code …/blas/libblas.so.3.x}, OpenBLAS's
     * alternative {@code …/openblas-pthread/libblas.so.3}).
     */
    static boolean isReferenceBlas(String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        return OPTIMIZED.stream().noneMatch(lower::contains);
    }
}
