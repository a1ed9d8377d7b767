package org.sparklasso.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sparklasso.kernel.VectorKernels;

/**
 * The machine's memory bandwidth as a multi-threaded Java loop sees it: every thread sums its own
 * array (read; on the Vector API when {@link VectorKernels#enabled()}, see {@link VectorRead}) or
 * runs STREAM's triad {@code a = b + s·c} on its own arrays (bytes counted as STREAM does: 3 × 8
 * per element, write-allocate traffic not counted). Best of several runs, GB/s = 10⁹ bytes per
 * second.
 */
public final class MemoryBandwidth {
    private static volatile double sink;

    /**
     * @param readGBs read-and-sum bandwidth; @param triadGBs triad bandwidth; @param vectorRead whether
     * the read ran on the Vector API
     */
    public record Result(double readGBs, double triadGBs, long bytes, int threads, int repeats, boolean vectorRead) {
    }

    private MemoryBandwidth() {
    }

    public static Result measure(long bytes, int threads, int repeats) throws Exception {
        warmUp();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long perThread = bytes / 8 / threads;
            int len = (int) Math.min(Integer.MAX_VALUE - 16, perThread);
            double[][] read = new double[threads][];
            List<Future<?>> init = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int tt = t;
                init.add(pool.submit(() -> {
                    read[tt] = new double[len];
                    java.util.Arrays.fill(read[tt], 1.0);
                }));
            }
            wait(init);
            double bestRead = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                List<Future<Double>> f = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    double[] a = read[t];
                    f.add(pool.submit(() -> sum(a)));
                }
                double s = 0;
                for (Future<Double> x : f) {
                    s += x.get();
                }
                long t1 = System.nanoTime();
                sink += s;
                bestRead = Math.max(bestRead, (double) len * threads * 8 / ((t1 - t0) / 1e9) / 1e9);
            }
            for (int t = 0; t < threads; t++) {
                read[t] = null;
            }
            int triadLen = len / 3;
            double[][][] arrays = new double[threads][][];
            init.clear();
            for (int t = 0; t < threads; t++) {
                int tt = t;
                init.add(pool.submit(() -> {
                    arrays[tt] = new double[][] {new double[triadLen], new double[triadLen], new double[triadLen]};
                    java.util.Arrays.fill(arrays[tt][1], 1.0);
                    java.util.Arrays.fill(arrays[tt][2], 2.0);
                }));
            }
            wait(init);
            double bestTriad = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                List<Future<?>> f = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    double[][] abc = arrays[t];
                    f.add(pool.submit(() -> triad(abc[0], abc[1], abc[2], 3.0)));
                }
                wait(f);
                long t1 = System.nanoTime();
                bestTriad = Math.max(bestTriad, 3.0 * triadLen * threads * 8 / ((t1 - t0) / 1e9) / 1e9);
                sink += arrays[0][0][r];
            }
            return new Result(bestRead, bestTriad, (long) len * threads * 8, threads, repeats,
                    VectorKernels.enabled());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Compiles the loops before they are timed: a Vector API loop that the JIT has not compiled yet
     * runs its per-lane Java fallback, an order of magnitude slower (seen in a profile of the bench's
     * first read runs), which would understate the bandwidth.
     */
    private static void warmUp() {
        double[] a = new double[4096];
        double[] b = new double[4096];
        double[] c = new double[4096];
        double s = 0;
        for (int i = 0; i < 20_000; i++) {
            s += sum(a);
            triad(a, b, c, 1.0);
        }
        sink += s;
    }

    private static void wait(List<? extends Future<?>> futures) throws Exception {
        for (Future<?> f : futures) {
            f.get();
        }
    }

    static double sum(double[] a) {
        return VectorKernels.enabled() ? VectorRead.sum(a) : scalarSum(a);
    }

    /** Four independent accumulators, so the loop is not bound by one add chain's latency. */
    static double scalarSum(double[] a) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length & ~3;
        for (int i = 0; i < n; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (int i = n; i < a.length; i++) {
            s0 += a[i];
        }
        return s0 + s1 + s2 + s3;
    }

    static void triad(double[] a, double[] b, double[] c, double s) {
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + s * c[i];
        }
    }
}
