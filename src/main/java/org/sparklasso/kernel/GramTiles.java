package org.sparklasso.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Gram micro-kernel of {@link DenseGram}: {@code g += aᵀa} (upper triangle, column-major
 * {@code cols × cols}) for a chunk {@code a} of r rows, row-major with {@code cols} columns, that sits
 * in the L2 cache. Register-tiled as in the GotoBLAS/BLIS micro-kernels (Goto and van de Geijn, "Anatomy
 * of high-performance matrix multiplication", ACM TOMS 34(3), 2008; Van Zee and van de Geijn, "BLIS",
 * ACM TOMS 41(3), 2015): a tile of {@code g} — m vectors of consecutive rows of {@code g} by c
 * columns — stays in m·c vector registers while the chunk's rows stream past, each row one load per
 * vector, one broadcast per column and m·c fused multiply-adds. m = 3 and c = 8 on AVX-512 (24 of 32
 * registers), c = 4 on AVX2 (12 of 16).
 *
 * <p>Why not {@code dsyrk}: on one chunk already in cache the two run about even (28 against 25
 * GFLOP/s on one core), but over a whole pass, where each chunk is first standardized from memory,
 * OpenBLAS (which packs its operand on every call, and needed a {@code dgemv} for {@code Σ w x̃ ỹ})
 * made 31 GFLOP/s on 2 cores and this kernel 40–49 (10⁶ × 100 doubles, n·p² flops as the bench counts
 * them, 2-core AVX-512 Xeon; {@code KernelBench 1000000 100 default 1,2 7 gram}). Only the tiles that
 * touch the upper triangle run: a diagonal block skips the vectors that lie wholly below it. The
 * chunk's columns are whole vectors ({@link #wholeVectors}: the caller pads with zero columns), so no
 * scalar tail is needed. Only loaded when {@link VectorKernels#enabled()} says so.
 *
 * <p>The six tile methods (m = 1..3 vectors × c = 8 or 4 columns) are one pattern written out: C2
 * keeps named local vectors in registers, not an array of them, so a tile cannot be a loop over its
 * accumulators. Accumulator {@code c<u><t>} is vector u of column t; it goes to
 * {@code out[(t·m + u)·lanes]}.
 */
final class GramTiles {
    private static final VectorSpecies<Double> SPECIES = DoubleLanes.SPECIES;

    private GramTiles() {
    }

    /** True when this JVM's vectors have a tile shape here (4 or 8 double lanes). */
    static boolean fits() {
        int lanes = SPECIES.length();
        return lanes == 4 || lanes == 8;
    }

    /** {@code cols} rounded up to whole vectors: the chunk width {@link #add} takes. */
    static int wholeVectors(int cols) {
        int lanes = SPECIES.length();
        return (cols + lanes - 1) / lanes * lanes;
    }

    /**
     * Adds {@code aᵀa} to {@code g}: every entry of its upper triangle, and some of the lower one
     * (those of the diagonal tiles, with their true values); the rest of the lower triangle is left
     * as it was. {@code cols} must be whole vectors ({@link #wholeVectors}).
     */
    static void add(double[] a, int r, int cols, double[] g) {
        int lanes = SPECIES.length();
        if (cols % lanes != 0) {
            throw new IllegalArgumentException(cols + " columns are not whole vectors of " + lanes);
        }
        double[] out = new double[3 * 8 * lanes];
        int l0 = 0;
        for (; l0 + 3 * lanes <= cols; l0 += 3 * lanes) {
            panel(3, a, r, cols, l0, out, g);
        }
        for (int m = 2; m >= 1; m--) {
            if (l0 + m * lanes <= cols) {
                panel(m, a, r, cols, l0, out, g);
                l0 += m * lanes;
            }
        }
    }

    /** Rows {@code l0 .. l0 + m·lanes − 1} of {@code g}, from their diagonal block to the last column. */
    private static void panel(int m, double[] a, int r, int cols, int l0, double[] out, double[] g) {
        int lanes = SPECIES.length();
        for (int d = 0; d < m; d++) {
            // the diagonal block's column group d: only the vectors 0..d reach the upper triangle
            tile(d + 1, lanes, a, r, cols, l0, l0 + d * lanes, out, g);
        }
        // whole vectors of columns: 8-column tiles leave no remainder on AVX-512, 4-column ones on AVX2
        int wideTile = lanes == 8 ? 8 : 4;
        for (int k = l0 + m * lanes; k < cols; k += wideTile) {
            tile(m, wideTile, a, r, cols, l0, k, out, g);
        }
    }

    /**
     * Runs the m × c tile at rows {@code l0..} and columns {@code k0..} of {@code g}, then adds its sums
     * to {@code g}. The tile methods only store their accumulators into {@code out}, which keeps them
     * small. The bench's JVM had compiled them with their stores not intrinsified ("missing constant"
     * under {@code -XX:+PrintIntrinsics}; the per-lane fallback made the Gram pass at n = 10⁶ take
     * 0.36–0.50 s instead of about 0.24): MLlib's VectorBLAS had run there with a second vector class,
     * see {@link DoubleLanes}. What remains: 40 stores (24 + 16, as in tile3x8 and tile2x8) fail in
     * the first compiles of a fresh JVM, during its first Gram pass, before the shared profiles exist
     * (likely the on-stack-replacement compiles, which only the run that set them off enters); none
     * later, in a bench run after the fix.
     */
    private static void tile(int m, int c, double[] a, int r, int ld, int l0, int k0, double[] out, double[] g) {
        switch (m * 10 + c) {
            case 38 -> tile3x8(a, r, ld, l0, k0, out);
            case 34 -> tile3x4(a, r, ld, l0, k0, out);
            case 28 -> tile2x8(a, r, ld, l0, k0, out);
            case 24 -> tile2x4(a, r, ld, l0, k0, out);
            case 18 -> tile1x8(a, r, ld, l0, k0, out);
            case 14 -> tile1x4(a, r, ld, l0, k0, out);
            default -> throw new IllegalArgumentException("no " + m + "×" + c + " tile");
        }
        int lanes = SPECIES.length();
        for (int t = 0; t < c; t++) {
            for (int u = 0; u < m; u++) {
                int offset = (k0 + t) * ld + l0 + u * lanes;
                DoubleVector sum = DoubleVector.fromArray(SPECIES, out, (t * m + u) * lanes);
                DoubleVector.fromArray(SPECIES, g, offset).add(sum).intoArray(g, offset);
            }
        }
    }

    /** Tile of 3 vectors × 8 columns: 24 accumulators. */
    private static void tile3x8(double[] a, int r, int ld, int l0, int k0, double[] out) {
        int lanes = SPECIES.length();
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector c00 = zero, c01 = zero, c02 = zero, c03 = zero, c04 = zero, c05 = zero, c06 = zero, c07 = zero;
        DoubleVector c10 = zero, c11 = zero, c12 = zero, c13 = zero, c14 = zero, c15 = zero, c16 = zero, c17 = zero;
        DoubleVector c20 = zero, c21 = zero, c22 = zero, c23 = zero, c24 = zero, c25 = zero, c26 = zero, c27 = zero;
        for (int i = 0, o = 0; i < r; i++, o += ld) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, o + l0);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, a, o + l0 + lanes);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, a, o + l0 + 2 * lanes);
            DoubleVector b;
            b = DoubleVector.broadcast(SPECIES, a[o + k0]);
            c00 = x0.fma(b, c00); c10 = x1.fma(b, c10); c20 = x2.fma(b, c20);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 1]);
            c01 = x0.fma(b, c01); c11 = x1.fma(b, c11); c21 = x2.fma(b, c21);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 2]);
            c02 = x0.fma(b, c02); c12 = x1.fma(b, c12); c22 = x2.fma(b, c22);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 3]);
            c03 = x0.fma(b, c03); c13 = x1.fma(b, c13); c23 = x2.fma(b, c23);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 4]);
            c04 = x0.fma(b, c04); c14 = x1.fma(b, c14); c24 = x2.fma(b, c24);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 5]);
            c05 = x0.fma(b, c05); c15 = x1.fma(b, c15); c25 = x2.fma(b, c25);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 6]);
            c06 = x0.fma(b, c06); c16 = x1.fma(b, c16); c26 = x2.fma(b, c26);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 7]);
            c07 = x0.fma(b, c07); c17 = x1.fma(b, c17); c27 = x2.fma(b, c27);
        }
        c00.intoArray(out, 0);
        c10.intoArray(out, lanes);
        c20.intoArray(out, 2 * lanes);
        c01.intoArray(out, 3 * lanes);
        c11.intoArray(out, 4 * lanes);
        c21.intoArray(out, 5 * lanes);
        c02.intoArray(out, 6 * lanes);
        c12.intoArray(out, 7 * lanes);
        c22.intoArray(out, 8 * lanes);
        c03.intoArray(out, 9 * lanes);
        c13.intoArray(out, 10 * lanes);
        c23.intoArray(out, 11 * lanes);
        c04.intoArray(out, 12 * lanes);
        c14.intoArray(out, 13 * lanes);
        c24.intoArray(out, 14 * lanes);
        c05.intoArray(out, 15 * lanes);
        c15.intoArray(out, 16 * lanes);
        c25.intoArray(out, 17 * lanes);
        c06.intoArray(out, 18 * lanes);
        c16.intoArray(out, 19 * lanes);
        c26.intoArray(out, 20 * lanes);
        c07.intoArray(out, 21 * lanes);
        c17.intoArray(out, 22 * lanes);
        c27.intoArray(out, 23 * lanes);
    }

    /** Tile of 3 vectors × 4 columns: 12 accumulators. */
    private static void tile3x4(double[] a, int r, int ld, int l0, int k0, double[] out) {
        int lanes = SPECIES.length();
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        DoubleVector c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        DoubleVector c20 = zero, c21 = zero, c22 = zero, c23 = zero;
        for (int i = 0, o = 0; i < r; i++, o += ld) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, o + l0);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, a, o + l0 + lanes);
            DoubleVector x2 = DoubleVector.fromArray(SPECIES, a, o + l0 + 2 * lanes);
            DoubleVector b;
            b = DoubleVector.broadcast(SPECIES, a[o + k0]);
            c00 = x0.fma(b, c00); c10 = x1.fma(b, c10); c20 = x2.fma(b, c20);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 1]);
            c01 = x0.fma(b, c01); c11 = x1.fma(b, c11); c21 = x2.fma(b, c21);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 2]);
            c02 = x0.fma(b, c02); c12 = x1.fma(b, c12); c22 = x2.fma(b, c22);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 3]);
            c03 = x0.fma(b, c03); c13 = x1.fma(b, c13); c23 = x2.fma(b, c23);
        }
        c00.intoArray(out, 0);
        c10.intoArray(out, lanes);
        c20.intoArray(out, 2 * lanes);
        c01.intoArray(out, 3 * lanes);
        c11.intoArray(out, 4 * lanes);
        c21.intoArray(out, 5 * lanes);
        c02.intoArray(out, 6 * lanes);
        c12.intoArray(out, 7 * lanes);
        c22.intoArray(out, 8 * lanes);
        c03.intoArray(out, 9 * lanes);
        c13.intoArray(out, 10 * lanes);
        c23.intoArray(out, 11 * lanes);
    }

    /** Tile of 2 vectors × 8 columns: 16 accumulators. */
    private static void tile2x8(double[] a, int r, int ld, int l0, int k0, double[] out) {
        int lanes = SPECIES.length();
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector c00 = zero, c01 = zero, c02 = zero, c03 = zero, c04 = zero, c05 = zero, c06 = zero, c07 = zero;
        DoubleVector c10 = zero, c11 = zero, c12 = zero, c13 = zero, c14 = zero, c15 = zero, c16 = zero, c17 = zero;
        for (int i = 0, o = 0; i < r; i++, o += ld) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, o + l0);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, a, o + l0 + lanes);
            DoubleVector b;
            b = DoubleVector.broadcast(SPECIES, a[o + k0]);
            c00 = x0.fma(b, c00); c10 = x1.fma(b, c10);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 1]);
            c01 = x0.fma(b, c01); c11 = x1.fma(b, c11);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 2]);
            c02 = x0.fma(b, c02); c12 = x1.fma(b, c12);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 3]);
            c03 = x0.fma(b, c03); c13 = x1.fma(b, c13);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 4]);
            c04 = x0.fma(b, c04); c14 = x1.fma(b, c14);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 5]);
            c05 = x0.fma(b, c05); c15 = x1.fma(b, c15);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 6]);
            c06 = x0.fma(b, c06); c16 = x1.fma(b, c16);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 7]);
            c07 = x0.fma(b, c07); c17 = x1.fma(b, c17);
        }
        c00.intoArray(out, 0);
        c10.intoArray(out, lanes);
        c01.intoArray(out, 2 * lanes);
        c11.intoArray(out, 3 * lanes);
        c02.intoArray(out, 4 * lanes);
        c12.intoArray(out, 5 * lanes);
        c03.intoArray(out, 6 * lanes);
        c13.intoArray(out, 7 * lanes);
        c04.intoArray(out, 8 * lanes);
        c14.intoArray(out, 9 * lanes);
        c05.intoArray(out, 10 * lanes);
        c15.intoArray(out, 11 * lanes);
        c06.intoArray(out, 12 * lanes);
        c16.intoArray(out, 13 * lanes);
        c07.intoArray(out, 14 * lanes);
        c17.intoArray(out, 15 * lanes);
    }

    /** Tile of 2 vectors × 4 columns: 8 accumulators. */
    private static void tile2x4(double[] a, int r, int ld, int l0, int k0, double[] out) {
        int lanes = SPECIES.length();
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        DoubleVector c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        for (int i = 0, o = 0; i < r; i++, o += ld) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, o + l0);
            DoubleVector x1 = DoubleVector.fromArray(SPECIES, a, o + l0 + lanes);
            DoubleVector b;
            b = DoubleVector.broadcast(SPECIES, a[o + k0]);
            c00 = x0.fma(b, c00); c10 = x1.fma(b, c10);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 1]);
            c01 = x0.fma(b, c01); c11 = x1.fma(b, c11);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 2]);
            c02 = x0.fma(b, c02); c12 = x1.fma(b, c12);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 3]);
            c03 = x0.fma(b, c03); c13 = x1.fma(b, c13);
        }
        c00.intoArray(out, 0);
        c10.intoArray(out, lanes);
        c01.intoArray(out, 2 * lanes);
        c11.intoArray(out, 3 * lanes);
        c02.intoArray(out, 4 * lanes);
        c12.intoArray(out, 5 * lanes);
        c03.intoArray(out, 6 * lanes);
        c13.intoArray(out, 7 * lanes);
    }

    /** Tile of 1 vector × 8 columns: 8 accumulators. */
    private static void tile1x8(double[] a, int r, int ld, int l0, int k0, double[] out) {
        int lanes = SPECIES.length();
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector c00 = zero, c01 = zero, c02 = zero, c03 = zero, c04 = zero, c05 = zero, c06 = zero, c07 = zero;
        for (int i = 0, o = 0; i < r; i++, o += ld) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, o + l0);
            DoubleVector b;
            b = DoubleVector.broadcast(SPECIES, a[o + k0]);
            c00 = x0.fma(b, c00);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 1]);
            c01 = x0.fma(b, c01);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 2]);
            c02 = x0.fma(b, c02);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 3]);
            c03 = x0.fma(b, c03);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 4]);
            c04 = x0.fma(b, c04);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 5]);
            c05 = x0.fma(b, c05);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 6]);
            c06 = x0.fma(b, c06);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 7]);
            c07 = x0.fma(b, c07);
        }
        c00.intoArray(out, 0);
        c01.intoArray(out, lanes);
        c02.intoArray(out, 2 * lanes);
        c03.intoArray(out, 3 * lanes);
        c04.intoArray(out, 4 * lanes);
        c05.intoArray(out, 5 * lanes);
        c06.intoArray(out, 6 * lanes);
        c07.intoArray(out, 7 * lanes);
    }

    /** Tile of 1 vector × 4 columns: 4 accumulators. */
    private static void tile1x4(double[] a, int r, int ld, int l0, int k0, double[] out) {
        int lanes = SPECIES.length();
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector c00 = zero, c01 = zero, c02 = zero, c03 = zero;
        for (int i = 0, o = 0; i < r; i++, o += ld) {
            DoubleVector x0 = DoubleVector.fromArray(SPECIES, a, o + l0);
            DoubleVector b;
            b = DoubleVector.broadcast(SPECIES, a[o + k0]);
            c00 = x0.fma(b, c00);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 1]);
            c01 = x0.fma(b, c01);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 2]);
            c02 = x0.fma(b, c02);
            b = DoubleVector.broadcast(SPECIES, a[o + k0 + 3]);
            c03 = x0.fma(b, c03);
        }
        c00.intoArray(out, 0);
        c01.intoArray(out, lanes);
        c02.intoArray(out, 2 * lanes);
        c03.intoArray(out, 3 * lanes);
    }
}
