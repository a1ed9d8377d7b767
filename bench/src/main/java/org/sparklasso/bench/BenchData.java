package org.sparklasso.bench;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.block.PartitionRows;
import org.sparklasso.cli.SyntheticDataJob;

/**
 * Benchmark data, generated in parallel and written to Parquet as {@code label} plus a
 * {@code features} vector column (with its size in the column metadata). The generator is the
 * {@code generate} command's (SyntheticDataJob): equicorrelated features
 * {@code xⱼ = √ρ·z + √(1−ρ)·eⱼ}, {@code y = xᵀβ + σ·ε} with β's {@code nonzeros} entries ±(1…5)
 * spread evenly. Dense rows, or sparse rows with exactly {@code nnzPerRow} entries at distinct
 * uniformly drawn positions (drawn directly, not by testing every feature, so p = 10⁵ is cheap).
 *
 * <p>Classification ({@code classes} ≥ 2): the same features, and the label (0 … K−1) drawn from a
 * logistic (K = 2) or softmax model with linear predictors {@code ηₖ = cₖ·xᵀβₖ}: binomial β is the
 * Gaussian one, multinomial βₖ is it shifted by k·max(1, p/(nonzeros·K)) features (so the classes
 * differ in support), and cₖ scales ηₖ to standard deviation {@code signalSd} under the
 * equicorrelated design, so the classes overlap (not separable) whatever the sizes.
 */
public final class BenchData {

    /**
     * @param nnzPerRow 0 for dense rows
     * @param classes   0 for a Gaussian label, else the number of classes K ≥ 2
     * @param signalSd  classification: standard deviation of each true linear predictor
     */
    public record Spec(long rows, int features, int nnzPerRow, int nonzeros, double correlation, double noise,
                       long seed, int partitions, int classes, double signalSd) implements Serializable {

        /** A Gaussian-label spec. */
        public Spec(long rows, int features, int nnzPerRow, int nonzeros, double correlation, double noise, long seed,
                    int partitions) {
            this(rows, features, nnzPerRow, nonzeros, correlation, noise, seed, partitions, 0, 0);
        }

        /** Linear predictors of the label model: 1 (Gaussian, binomial) or K (multinomial). */
        int margins() {
            return classes > 2 ? classes : 1;
        }
    }

    private BenchData() {
    }

    /**
     * The true coefficients of the label model, margin-major ({@link Spec#margins()} blocks of p),
     * scaled for classification so each linear predictor has standard deviation signalSd.
     */
    public static double[] labelBeta(Spec s) {
        int p = s.features();
        int k = Math.min(s.nonzeros(), p);
        double[] base = SyntheticDataJob.trueBeta(p, k);
        if (s.classes() == 0) {
            return base;
        }
        int m = s.margins();
        int shift = Math.max(1, p / Math.max(1, k * m));
        double[] beta = new double[m * p];
        for (int c = 0; c < m; c++) {
            double[] shifted = new double[p];
            for (int j = 0; j < p; j++) {
                shifted[j] = base[Math.floorMod(j - c * shift, p)];
            }
            double scale = SyntheticDataJob.predictorScale(shifted, s.correlation(), s.signalSd());
            for (int j = 0; j < p; j++) {
                beta[c * p + j] = shifted[j] * scale;
            }
        }
        return beta;
    }

    /** Largest file the writer aims for: below Spark's 128 MB split size, so a file is one partition. */
    static final long FILE_BYTES = 100L << 20;

    /**
     * Files (= read partitions) for {@code bytes} of data on {@code cores}: a multiple of the cores,
     * each file at most about {@link #FILE_BYTES}, so that every core reads the same share (the n = 10⁶
     * scale data as 6 files of 135 MB had been read as 7 partitions, 4 of them on one core).
     */
    static int files(long bytes, int cores) {
        long perCore = Math.max(1, (bytes + (long) cores * FILE_BYTES - 1) / ((long) cores * FILE_BYTES));
        return (int) Math.min(10_000, cores * perCore);
    }

    /** Bytes of a spec's numbers on disk, about: 8 per label and stored feature value (+4 per sparse index). */
    static long approximateBytes(Spec s) {
        long perRow = s.nnzPerRow() > 0 ? 12L * s.nnzPerRow() + 8 : 8L * s.features() + 8;
        return s.rows() * perRow;
    }

    public static void write(SparkSession spark, Spec s, String path) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int parts = s.partitions() > 0 ? s.partitions() : files(approximateBytes(s), jsc.defaultParallelism());
        double[] beta = labelBeta(s);
        List<Integer> ids = IntStream.range(0, parts).boxed().toList();
        JavaRDD<Row> rows = jsc.parallelize(ids, parts)
                .flatMap(part -> new ModelRows(s, beta, part, parts));
        StructType schema = new StructType().add("label", DataTypes.DoubleType, false)
                .add(new AttributeGroup("features", s.features()).toStructField());
        spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite).parquet(path);
    }

    /**
     * Writes a local data set's files through to the disk (fsync each), so that the kernel's
     * write-back of them does not run during the timed fits that follow: dirty pages are flushed
     * 30 s after they were written (vm.dirty_expire_centisecs), which for the n = 10⁶ data set falls
     * in our fits, and the flush threads count as other processes' CPU. Paths with a scheme other
     * than {@code file:} (HDFS, object stores) are left alone.
     */
    static void flushToDisk(String path) {
        URI uri = URI.create(path);
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            return;
        }
        Path root = Path.of(uri.getScheme() == null ? path : uri.getPath());
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try (FileChannel ch = FileChannel.open(f)) {
                    ch.force(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("bench: could not flush " + path + " to disk", e);
        }
    }

    /** One partition's rows of the spec's model ({@link PartitionRows}: no partition-sized buffer). */
    private static final class ModelRows extends PartitionRows {
        private final Spec s;
        private final double[] beta;
        private final SplittableRandom rnd;
        private final double a;
        private final double b;

        ModelRows(Spec s, double[] beta, int part, int parts) {
            super(s.rows(), part, parts);
            this.s = s;
            this.beta = beta;
            this.rnd = new SplittableRandom(s.seed() * 1_000_003L + part);
            this.a = Math.sqrt(s.correlation());
            this.b = Math.sqrt(1 - s.correlation());
        }

        @Override
        protected Row draw() {
            int p = s.features();
            double z = rnd.nextGaussian();
            double y = 0;
            if (s.nnzPerRow() == 0) {
                double[] x = new double[p];
                for (int j = 0; j < p; j++) {
                    x[j] = a * z + b * rnd.nextGaussian();
                    y += x[j] * beta[j];
                }
                if (s.classes() > 0) {
                    return RowFactory.create(classLabel(x, null), Vectors.dense(x));
                }
                return RowFactory.create(y + s.noise() * rnd.nextGaussian(), Vectors.dense(x));
            }
            int k = Math.min(s.nnzPerRow(), p);
            int[] idx = new int[k];
            for (int e = 0; e < k; e++) {
                int j;
                do {
                    j = rnd.nextInt(p);
                } while (contains(idx, e, j));
                idx[e] = j;
            }
            Arrays.sort(idx);
            double[] v = new double[k];
            for (int e = 0; e < k; e++) {
                v[e] = a * z + b * rnd.nextGaussian();
                y += v[e] * beta[idx[e]];
            }
            if (s.classes() > 0) {
                return RowFactory.create(classLabel(v, idx), Vectors.sparse(p, idx, v));
            }
            return RowFactory.create(y + s.noise() * rnd.nextGaussian(), Vectors.sparse(p, idx, v));
        }

        /** Draws the class of a row (values at idx, or dense when idx is null) from the label model. */
        private double classLabel(double[] v, int[] idx) {
            int p = s.features();
            int m = s.margins();
            double[] eta = new double[m];
            for (int c = 0; c < m; c++) {
                double e = 0;
                for (int i = 0; i < v.length; i++) {
                    e += v[i] * beta[c * p + (idx == null ? i : idx[i])];
                }
                eta[c] = e;
            }
            double u = rnd.nextDouble();
            if (m == 1) {
                return u < 1 / (1 + Math.exp(-eta[0])) ? 1.0 : 0.0;
            }
            double max = Arrays.stream(eta).max().orElse(0);
            double total = 0;
            for (int c = 0; c < m; c++) {
                eta[c] = Math.exp(eta[c] - max);
                total += eta[c];
            }
            double cumulative = 0;
            for (int c = 0; c < m - 1; c++) {
                cumulative += eta[c] / total;
                if (u < cumulative) {
                    return c;
                }
            }
            return m - 1;
        }

        private static boolean contains(int[] idx, int count, int j) {
            for (int e = 0; e < count; e++) {
                if (idx[e] == j) {
                    return true;
                }
            }
            return false;
        }
    }
}
