package org.sparklasso.kernel;

import org.sparklasso.input.BlockBuilder;

import org.sparklasso.block.DenseBlock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Kernel-only timing of the dense per-block kernels, without Spark: builds {@link DenseBlock}s the
 * way {@link BlockBuilder} sizes them and times {@code addMoments} and {@code addGram} over all of
 * them on 1..T threads (blocks dealt round-robin, one accumulator per thread, merged at the end),
 * beside a plain read-and-sum of the same arrays (the bandwidth the machine gives right now) and the
 * kernels as they were before issue 5's rework ({@link #legacyMoments}, {@link #legacyGram}).
 * Not a test and not shipped; run it with the test classpath:
 *
 * <pre>
 * java -Xmx4g -cp target/classes:target/test-classes:'target/spark/jars/*' \
 *     org.sparklasso.kernel.KernelBench [rows=1000000] [p=100] [blockRows=default] [threads=1,2] [reps=7]
 *     [all|moments|gram|chunks] [chunk rows,... (for chunks)]
 * </pre>
 *
 * Reports the median of {@code reps} timings: GB/s of cached feature and label doubles for the
 * moments pass (the bench's "pass 1 GB/s") and n·p²/time for the Gram pass (the bench's GFLOP/s).
 */
public final class KernelBench {
    private KernelBench() {
    }

    /** One kernel over one thread's share of the blocks; returns a checksum. */
    private interface Kernel {
        double run(List<DenseBlock> blocks, List<double[]> raw, int p);
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int p = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int blockRows = args.length > 2 && !args[2].equals("default") ? Integer.parseInt(args[2])
                : BlockBuilder.defaultBlockRows(p, false);
        int[] threads = args.length > 3 ? Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2};
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 7;
        String only = args.length > 5 ? args[5] : "all";

        List<DenseBlock> blocks = new ArrayList<>();
        List<double[]> raw = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(42);
        for (int start = 0; start < rows; start += blockRows) {
            int n = Math.min(blockRows, rows - start);
            double[] v = new double[n * p];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    v[i * p + j] = (j % 10 == 0 ? 1e3 : 0) + rnd.nextGaussian();
                }
                y[i] = v[i * p] + rnd.nextGaussian();
            }
            blocks.add(new DenseBlock(p, y, null, null, v));
            raw.add(v);
        }
        double[] center = new double[p];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            center[j] = j % 10 == 0 ? 1e3 : 0;
            scale[j] = 1.0;
        }
        double bytes = 8.0 * rows * (p + 1);
        double flops = (double) rows * p * p;
        System.out.printf("rows=%d p=%d blockRows=%d (%.1f MB/block) blocks=%d BLAS=%s load: %s%n", rows, p,
                blockRows, 8.0 * blockRows * p / 1e6, blocks.size(), Blas.implementation(), load());

        Kernel read = (bs, rs, q) -> {
            double s = 0;
            for (double[] v : rs) {
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int i = 0;
                for (; i + 3 < v.length; i += 4) {
                    s0 += v[i];
                    s1 += v[i + 1];
                    s2 += v[i + 2];
                    s3 += v[i + 3];
                }
                for (; i < v.length; i++) {
                    s0 += v[i];
                }
                s += s0 + s1 + s2 + s3;
            }
            return s;
        };
        Kernel moments = (bs, rs, q) -> {
            FeatureMoments m = new FeatureMoments(q);
            for (DenseBlock b : bs) {
                b.addMoments(m);
            }
            return m.variance()[0];
        };
        Kernel legacyMoments = (bs, rs, q) -> {
            FeatureMoments m = new FeatureMoments(q);
            for (int b = 0; b < bs.size(); b++) {
                legacyMoments(bs.get(b), rs.get(b), q, m);
            }
            return m.variance()[0];
        };
        Kernel gram = (bs, rs, q) -> {
            GramStatistics g = new GramStatistics(q);
            for (DenseBlock b : bs) {
                b.addGram(center, scale, 0.0, g);
            }
            return g.gram()[0];
        };
        Kernel legacyGram = (bs, rs, q) -> {
            GramStatistics g = new GramStatistics(q);
            for (int b = 0; b < bs.size(); b++) {
                legacyGram(bs.get(b), rs.get(b), q, center, scale, 0.0, g);
            }
            return g.gram()[0];
        };
        for (int t : threads) {
            ExecutorService pool = Executors.newFixedThreadPool(t);
            try {
                report("read+sum", t, bytes, 1e9, "GB/s", time(pool, t, reps, read, blocks, raw, p));
                if (only.equals("all") || only.equals("moments")) {
                    report("moments (legacy)", t, bytes, 1e9, "GB/s", time(pool, t, reps, legacyMoments, blocks, raw, p));
                    report("moments", t, bytes, 1e9, "GB/s", time(pool, t, reps, moments, blocks, raw, p));
                }
                if (only.equals("chunks")) {
                    for (String c : args[6].split(",")) {
                        int chunk = Integer.parseInt(c);
                        Kernel k = (bs, rs, q) -> {
                            GramStatistics g = new GramStatistics(q);
                            for (DenseBlock b : bs) {
                                b.addGram(center, scale, 0.0, g, chunk);
                            }
                            return g.gram()[0];
                        };
                        report("gram chunk=" + chunk, t, flops, 1e9, "GFLOP/s", time(pool, t, reps, k, blocks, raw, p));
                    }
                }
                if (only.equals("all") || only.equals("gram")) {
                    report("gram (legacy)", t, flops, 1e9, "GFLOP/s", time(pool, t, reps, legacyGram, blocks, raw, p));
                    report("gram", t, flops, 1e9, "GFLOP/s", time(pool, t, reps, gram, blocks, raw, p));
                }
            } finally {
                pool.shutdown();
            }
        }
        System.out.println("load after: " + load());
    }

    /**
     * Prints the median and best rate by wall time and the median rate by CPU time of the slowest
     * thread (what the wall time would be without preemption by other processes on a loaded machine).
     */
    private static void report(String name, int threads, double work, double unit, String label, double[] times) {
        int reps = times.length / 2;
        double[] s = Arrays.copyOfRange(times, 0, reps);
        double[] c = Arrays.copyOfRange(times, reps, 2 * reps);
        Arrays.sort(s);
        Arrays.sort(c);
        double med = s[reps / 2];
        System.out.printf("%-18s threads=%d  wall: median %7.2f, best %7.2f %s (median %.1f ms) | cpu: median %7.2f %s%n",
                name, threads, work / med / unit, work / s[0] / unit, label, med * 1e3, work / c[reps / 2] / unit, label);
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** Wall times of {@code reps} runs, then the CPU times of their slowest thread (after two warm-up runs), blocks dealt round-robin to t threads. */
    private static double[] time(ExecutorService pool, int t, int reps, Kernel k, List<DenseBlock> blocks,
                                 List<double[]> raw, int p) throws Exception {
        List<List<DenseBlock>> bs = new ArrayList<>();
        List<List<double[]>> rs = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            bs.add(new ArrayList<>());
            rs.add(new ArrayList<>());
        }
        for (int b = 0; b < blocks.size(); b++) {
            bs.get(b % t).add(blocks.get(b));
            rs.get(b % t).add(raw.get(b));
        }
        double[] out = new double[2 * reps];
        double sink = 0;
        for (int r = -2; r < reps; r++) {
            long t0 = System.nanoTime();
            List<Future<double[]>> fs = new ArrayList<>();
            for (int i = 0; i < t; i++) {
                int ii = i;
                fs.add(pool.submit(() -> {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    double v = k.run(bs.get(ii), rs.get(ii), p);
                    return new double[] {v, (THREADS.getCurrentThreadCpuTime() - c0) / 1e9};
                }));
            }
            double cpu = 0;
            for (Future<double[]> f : fs) {
                double[] v = f.get();
                sink += v[0];
                cpu = Math.max(cpu, v[1]);
            }
            if (r >= 0) {
                out[r] = (System.nanoTime() - t0) / 1e9;
                out[reps + r] = cpu;
            }
        }
        if (sink == 42.4242) {
            System.out.println(sink);
        }
        return out;
    }

    private static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** The moments kernel before the rework: two reads of the block (means, then centered squares). */
    static void legacyMoments(DenseBlock block, double[] values, int p, FeatureMoments stats) {
        int n = block.rows();
        double wSum = 0;
        double[] mean = new double[p];
        double yMean = 0;
        for (int i = 0; i < n; i++) {
            double w = block.weight(i);
            wSum += w;
            yMean += w * block.label(i);
            int off = i * p;
            for (int j = 0; j < p; j++) {
                mean[j] += w * values[off + j];
            }
        }
        if (wSum > 0) {
            for (int j = 0; j < p; j++) {
                mean[j] /= wSum;
            }
            yMean /= wSum;
        }
        double[] m2 = new double[p];
        double yM2 = 0;
        for (int i = 0; i < n; i++) {
            double w = block.weight(i);
            double dy = block.label(i) - yMean;
            yM2 += w * dy * dy;
            int off = i * p;
            for (int j = 0; j < p; j++) {
                double d = values[off + j] - mean[j];
                m2[j] += w * d * d;
            }
        }
        stats.merge(n, wSum, mean, m2, yMean, yM2);
    }

    /** The Gram kernel before the rework: a centered, scaled copy of the whole block, dsyrk + dgemv. */
    static void legacyGram(DenseBlock block, double[] values, int p, double[] center, double[] scale,
                           double yCenter, GramStatistics gram) {
        int n = block.rows();
        double[] a = new double[n * p];
        double[] yt = new double[n];
        double[] xSum = gram.xSum();
        double yy = 0;
        double wy = 0;
        double wSum = 0;
        for (int i = 0; i < n; i++) {
            double w = block.weight(i);
            double sw = Math.sqrt(w);
            int off = i * p;
            for (int j = 0; j < p; j++) {
                double z = (values[off + j] - center[j]) / scale[j];
                xSum[j] += w * z;
                a[off + j] = z * sw;
            }
            double t = block.label(i) - yCenter;
            yt[i] = t * sw;
            yy += w * t * t;
            wy += w * t;
            wSum += w;
        }
        gram.addSums(wy, wSum);
        Blas.get().dsyrk("U", "N", p, n, 1.0, a, p, 1.0, gram.gram(), p);
        Blas.get().dgemv("N", p, n, 1.0, a, p, yt, 1, 1.0, gram.xy(), 1);
        gram.addYy(yy);
    }
}
