package org.sparklasso.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The reference BLAS behind libblas.so.3 is passed over for netlib's Java BLAS; an optimized one is kept. */
class BlasTest {
    @Test
    void tellsTheReferenceBlasFromOptimizedOnes() {
        assertTrue(Blas.isReferenceBlas("/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0"));
        assertTrue(Blas.isReferenceBlas("/usr/lib64/libblas.so.3.8.0"));
        assertFalse(Blas.isReferenceBlas("/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3"));
        assertFalse(Blas.isReferenceBlas("/usr/lib/x86_64-linux-gnu/blis-openmp/libblas.so.3"));
        assertFalse(Blas.isReferenceBlas("/usr/lib/x86_64-linux-gnu/atlas/libblas.so.3.10.3"));
        assertFalse(Blas.isReferenceBlas("/usr/lib64/libflexiblas.so.3"));
    }

    @Test
    void aReferenceBlasThisJvmLoadedIsNotTheOneInUse() throws IOException {
        String implementation = Blas.implementation();
        boolean referenceMapped = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .filter(f -> f.contains("/libblas.so"))
                .anyMatch(Blas::isReferenceBlas);
        if (referenceMapped) {
            assertNotEquals("JNIBLAS", implementation, "the reference BLAS is loaded and was chosen");
        }
    }
}
