package org.sparklasso.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The column loops of the dense kernels on the JDK's Vector API: {@link DenseMoments}'s shifted sums
 * and {@link DenseGram}'s standardized rows (the same four row streams and the same arithmetic, the
 * columns taken a vector at a time; each returns the first column it left to the scalar loop, the
 * last {@code p mod lanes}). The scalar moments
 * loop as C2 compiles it read 11–12 GB/s on two cores where this one read 19–21, the speed of a
 * vectorized plain sum over the same arrays, i.e. of the memory (2 cores of an Intel Xeon with
 * AVX-512, 10⁶ × 100 doubles in 8 MB blocks). Only loaded when {@link VectorKernels#enabled()} says so.
 */
final class DenseVectorLoops {
    private static final VectorSpecies<Double> SPECIES = DoubleLanes.SPECIES;

    private DenseVectorLoops() {
    }

    /**
     * Unit weights: {@code s1 += Σ(x−K)}, {@code s2 += Σ(x−K)²} over rows {@code start..start+4q-1}
     * (q = (end − start)/4), returns the first column left to the scalar loop.
     */
    static int shiftedSums(double[] x, int p, int start, int end, double[] k, double[] s1, double[] s2) {
        int lanes = SPECIES.length();
        int vectorColumns = SPECIES.loopBound(p);
        int q = (end - start) / 4;
        int step = q * p;
        for (int i = start; i < start + q; i++) {
            int o0 = i * p;
            int o1 = o0 + step;
            int o2 = o1 + step;
            int o3 = o2 + step;
            for (int j = 0; j < vectorColumns; j += lanes) {
                DoubleVector kj = DoubleVector.fromArray(SPECIES, k, j);
                DoubleVector d0 = DoubleVector.fromArray(SPECIES, x, o0 + j).sub(kj);
                DoubleVector d1 = DoubleVector.fromArray(SPECIES, x, o1 + j).sub(kj);
                DoubleVector d2 = DoubleVector.fromArray(SPECIES, x, o2 + j).sub(kj);
                DoubleVector d3 = DoubleVector.fromArray(SPECIES, x, o3 + j).sub(kj);
                DoubleVector.fromArray(SPECIES, s1, j).add(d0.add(d1).add(d2.add(d3))).intoArray(s1, j);
                DoubleVector.fromArray(SPECIES, s2, j)
                        .add(d0.mul(d0).add(d1.mul(d1)).add(d2.mul(d2).add(d3.mul(d3)))).intoArray(s2, j);
            }
        }
        return vectorColumns;
    }

    /** Weighted, as above: {@code s1 += Σw(x−K)}, {@code s2 += Σw(x−K)²}; the weight sums stay scalar. */
    static int shiftedSums(double[] x, int p, int start, int end, double[] w, double[] k, double[] s1,
                           double[] s2) {
        int lanes = SPECIES.length();
        int vectorColumns = SPECIES.loopBound(p);
        int q = (end - start) / 4;
        int step = q * p;
        for (int i = start; i < start + q; i++) {
            int o0 = i * p;
            int o1 = o0 + step;
            int o2 = o1 + step;
            int o3 = o2 + step;
            double w0 = w[i];
            double w1 = w[i + q];
            double w2 = w[i + 2 * q];
            double w3 = w[i + 3 * q];
            for (int j = 0; j < vectorColumns; j += lanes) {
                DoubleVector kj = DoubleVector.fromArray(SPECIES, k, j);
                DoubleVector d0 = DoubleVector.fromArray(SPECIES, x, o0 + j).sub(kj);
                DoubleVector d1 = DoubleVector.fromArray(SPECIES, x, o1 + j).sub(kj);
                DoubleVector d2 = DoubleVector.fromArray(SPECIES, x, o2 + j).sub(kj);
                DoubleVector d3 = DoubleVector.fromArray(SPECIES, x, o3 + j).sub(kj);
                DoubleVector t0 = d0.mul(w0);
                DoubleVector t1 = d1.mul(w1);
                DoubleVector t2 = d2.mul(w2);
                DoubleVector t3 = d3.mul(w3);
                DoubleVector.fromArray(SPECIES, s1, j).add(t0.add(t1).add(t2.add(t3))).intoArray(s1, j);
                DoubleVector.fromArray(SPECIES, s2, j)
                        .add(t0.mul(d0).add(t1.mul(d1)).add(t2.mul(d2).add(t3.mul(d3)))).intoArray(s2, j);
            }
        }
        return vectorColumns;
    }

    /**
     * {@code a[i] = (x[i] − center)·inv·√wᵢ} for the first {@code 4q} of the r rows of {@code x} from
     * {@code from} (q = r/4, four row streams as in DenseGram; {@code sw} null: √w = 1; row i of
     * {@code a} at {@code i·ld}), adding {@code Σ √wᵢ·a[i]} to {@code xSum}.
     */
    static int standardize(double[] x, int from, int p, int r, double[] center, double[] inv, double[] sw,
                           double[] a, int ld, double[] xSum) {
        int lanes = SPECIES.length();
        int vectorColumns = SPECIES.loopBound(p);
        int q = r / 4;
        int sourceStep = q * p;
        int step = q * ld;
        for (int i = 0; i < q; i++) {
            int d0 = i * ld;
            int s0 = from + i * p;
            double w0 = sw == null ? 1.0 : sw[i];
            double w1 = sw == null ? 1.0 : sw[i + q];
            double w2 = sw == null ? 1.0 : sw[i + 2 * q];
            double w3 = sw == null ? 1.0 : sw[i + 3 * q];
            for (int j = 0; j < vectorColumns; j += lanes) {
                DoubleVector c = DoubleVector.fromArray(SPECIES, center, j);
                DoubleVector f = DoubleVector.fromArray(SPECIES, inv, j);
                DoubleVector z0 = DoubleVector.fromArray(SPECIES, x, s0 + j).sub(c).mul(f).mul(w0);
                DoubleVector z1 = DoubleVector.fromArray(SPECIES, x, s0 + sourceStep + j).sub(c).mul(f).mul(w1);
                DoubleVector z2 = DoubleVector.fromArray(SPECIES, x, s0 + 2 * sourceStep + j).sub(c).mul(f).mul(w2);
                DoubleVector z3 = DoubleVector.fromArray(SPECIES, x, s0 + 3 * sourceStep + j).sub(c).mul(f).mul(w3);
                z0.intoArray(a, d0 + j);
                z1.intoArray(a, d0 + step + j);
                z2.intoArray(a, d0 + 2 * step + j);
                z3.intoArray(a, d0 + 3 * step + j);
                DoubleVector.fromArray(SPECIES, xSum, j)
                        .add(z0.mul(w0).add(z1.mul(w1)).add(z2.mul(w2).add(z3.mul(w3)))).intoArray(xSum, j);
            }
        }
        return vectorColumns;
    }
}
