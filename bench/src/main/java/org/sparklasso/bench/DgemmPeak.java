package org.sparklasso.bench;

import dev.ludovic.netlib.blas.BLAS;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sparklasso.kernel.Blas;

/**
 * The machine's double-precision peak as its BLAS reaches it: every thread (one per core, each BLAS
 * call single-threaded as the executors run it) multiplies its own n×n matrices with {@code dgemm};
 * GFLOP/s = 2n³ per product, all threads together, best of several runs. The Gram pass is compared
 * with this figure (the issue asks for ≥ 30 % of the peak).
 */
public final class DgemmPeak {
    /** @param gflops best rate over all threads; @param n matrix order; @param blas the BLAS class */
    public record Result(double gflops, int n, int threads, int repeats, String blas) {
    }

    private DgemmPeak() {
    }

    public static Result measure(int n, int threads, int repeats) throws Exception {
        BLAS blas = Blas.get();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // about half a second of work per run on a 50 GFLOP/s core
            int products = (int) Math.max(1, Math.min(100, 2.5e10 / (2.0 * n * n * n)));
            double best = 0;
            for (int r = 0; r <= repeats; r++) {
                int count = r == 0 ? 1 : products;
                List<Future<Long>> runs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    runs.add(pool.submit(() -> products(blas, n, count)));
                }
                long slowest = 0;
                for (Future<Long> f : runs) {
                    slowest = Math.max(slowest, f.get());
                }
                if (r > 0) { // run 0 warms the library up
                    best = Math.max(best, 2.0 * n * n * n * products * threads / slowest);
                }
            }
            return new Result(best, n, threads, repeats, Blas.implementation());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Nanoseconds for {@code count} products C += A·B of this thread's own matrices. */
    private static long products(BLAS blas, int n, int count) {
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        double[] c = new double[n * n];
        Arrays.fill(a, 0.5);
        Arrays.fill(b, 0.25);
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            blas.dgemm("N", "N", n, n, n, 1.0, a, n, b, n, 1.0, c, n);
        }
        return System.nanoTime() - t0;
    }
}
