package org.sparklasso.kernel;

import org.sparklasso.input.BlockBuilder;

import org.sparklasso.block.Block;
import org.sparklasso.block.DenseBlock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The moments and Gram passes as {@code treeAggregate}s over cached dense blocks in a local Spark
 * (like {@code BlockPasses}), new kernels and the pre-rework ones ({@link KernelBench}) alternating
 * run by run so both see the same machine load, beside an empty one-partition job (the floor under
 * every pass). Not a test and not shipped:
 *
 * <pre>
 * java [Spark's --add-opens flags] -Xmx6g -cp target/classes:target/test-classes:'target/spark/jars/*' \
 *     org.sparklasso.kernel.SparkKernelBench [rows=1000000] [p=100] [partitions=8] [reps=7] [depth=2]
 * </pre>
 */
public final class SparkKernelBench {
    private SparkKernelBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int p = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        int depth = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        SparkSession spark = SparkSession.builder().master("local[2]").appName("kernel bench")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int blockRows = BlockBuilder.defaultBlockRows(p, false);
            List<Integer> parts = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                parts.add(i);
            }
            int perPart = rows / partitions;
            JavaRDD<Block> blocks = jsc.parallelize(parts, partitions).flatMap(part -> {
                SplittableRandom rnd = new SplittableRandom(part);
                List<Block> out = new ArrayList<>();
                for (int start = 0; start < perPart; start += blockRows) {
                    int n = Math.min(blockRows, perPart - start);
                    double[] v = new double[n * p];
                    double[] y = new double[n];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rnd.nextGaussian();
                    }
                    out.add(new DenseBlock(p, y, null, null, v));
                }
                return out.iterator();
            }).persist(StorageLevel.MEMORY_ONLY());
            blocks.count();
            double bytes = 8.0 * perPart * partitions * (p + 1);
            double flops = (double) perPart * partitions * p * p;
            double[] center = new double[p];
            double[] scale = new double[p];
            Arrays.fill(scale, 1.0);
            JavaRDD<Integer> one = jsc.parallelize(List.of(1), 1);
            double[][] t = new double[5][reps];
            for (int r = -2; r < reps; r++) {
                double[] s = new double[5];
                long t0 = System.nanoTime();
                one.count();
                s[0] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                blocks.treeAggregate(new FeatureMoments(p), (m, b) -> {
                    b.addMoments(m);
                    return m;
                }, FeatureMoments::merge, depth);
                s[1] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                blocks.treeAggregate(new FeatureMoments(p), (m, b) -> {
                    KernelBench.legacyMoments((DenseBlock) b, ((DenseBlock) b).values(), p, m);
                    return m;
                }, FeatureMoments::merge, depth);
                s[2] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                blocks.treeAggregate(new GramStatistics(p), (g, b) -> {
                    b.addGram(center, scale, 0.0, g);
                    return g;
                }, GramStatistics::merge, depth);
                s[3] = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                blocks.treeAggregate(new GramStatistics(p), (g, b) -> {
                    KernelBench.legacyGram((DenseBlock) b, ((DenseBlock) b).values(), p, center, scale, 0.0, g);
                    return g;
                }, GramStatistics::merge, depth);
                s[4] = (System.nanoTime() - t0) / 1e9;
                if (r >= 0) {
                    for (int k = 0; k < 5; k++) {
                        t[k][r] = s[k];
                    }
                }
            }
            System.out.printf("rows=%d p=%d partitions=%d blockRows=%d reps=%d depth=%d load now: %s%n",
                    perPart * partitions, p, partitions, blockRows, reps, depth, load());
            System.out.printf("empty job          median %.1f ms%n", median(t[0]) * 1e3);
            System.out.printf("moments pass       median %.1f ms = %.2f GB/s%n", median(t[1]) * 1e3, bytes / median(t[1]) / 1e9);
            System.out.printf("moments (legacy)   median %.1f ms = %.2f GB/s%n", median(t[2]) * 1e3, bytes / median(t[2]) / 1e9);
            System.out.printf("Gram pass          median %.1f ms = %.2f GFLOP/s%n", median(t[3]) * 1e3, flops / median(t[3]) / 1e9);
            System.out.printf("Gram (legacy)      median %.1f ms = %.2f GFLOP/s%n", median(t[4]) * 1e3, flops / median(t[4]) / 1e9);
        } finally {
            spark.stop();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String load() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
