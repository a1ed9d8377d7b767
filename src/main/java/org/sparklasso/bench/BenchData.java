package org.sparklasso.bench;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
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

/**
 * Benchmark data, generated in parallel and written to Parquet as {@code label} plus a
 * {@code features} vector column (with its size in the column metadata). The generator is the
 * {@code generate} command's (SyntheticDataJob): equicorrelated features
 * {@code xⱼ = √ρ·z + √(1−ρ)·eⱼ}, {@code y = xᵀβ + σ·ε} with β's {@code nonzeros} entries ±(1…5)
 * spread evenly. Dense rows, or sparse rows with exactly {@code nnzPerRow} entries at distinct
 * uniformly drawn positions (drawn directly, not by testing every feature, so p = 10⁵ is cheap).
 */
public final class BenchData {

    /** @param nnzPerRow 0 for dense rows */
    public record Spec(long rows, int features, int nnzPerRow, int nonzeros, double correlation, double noise,
                       long seed, int partitions) implements Serializable {
    }

    private BenchData() {
    }

    /** The true coefficients: k nonzeros spread evenly, values ±1, ±2, … ±5 (as the generate command). */
    public static double[] trueBeta(int p, int k) {
        double[] beta = new double[p];
        for (int i = 0; i < k; i++) {
            int j = (int) ((long) i * p / k);
            beta[j] = (i % 2 == 0 ? 1 : -1) * (1 + i % 5);
        }
        return beta;
    }

    public static void write(SparkSession spark, Spec s, String path) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int parts = s.partitions() > 0 ? s.partitions()
                : (int) Math.max(jsc.defaultParallelism(), Math.min(10_000, s.rows() / 200_000 + 1));
        double[] beta = trueBeta(s.features(), Math.min(s.nonzeros(), s.features()));
        List<Integer> ids = IntStream.range(0, parts).boxed().toList();
        JavaRDD<Row> rows = jsc.parallelize(ids, parts)
                .flatMap(part -> new RowIterator(s, beta, part, parts));
        StructType schema = new StructType().add("label", DataTypes.DoubleType, false)
                .add(new AttributeGroup("features", s.features()).toStructField());
        spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite).parquet(path);
    }

    /** Lazily generates one partition's rows (no partition-sized buffer). */
    private static final class RowIterator implements Iterator<Row> {
        private final Spec s;
        private final double[] beta;
        private final SplittableRandom rnd;
        private final double a;
        private final double b;
        private long next;
        private final long to;

        RowIterator(Spec s, double[] beta, int part, int parts) {
            this.s = s;
            this.beta = beta;
            this.rnd = new SplittableRandom(s.seed() * 1_000_003L + part);
            this.a = Math.sqrt(s.correlation());
            this.b = Math.sqrt(1 - s.correlation());
            this.next = s.rows() * part / parts;
            this.to = s.rows() * (part + 1) / parts;
        }

        @Override
        public boolean hasNext() {
            return next < to;
        }

        @Override
        public Row next() {
            if (next >= to) {
                throw new NoSuchElementException();
            }
            next++;
            int p = s.features();
            double z = rnd.nextGaussian();
            double y = 0;
            if (s.nnzPerRow() == 0) {
                double[] x = new double[p];
                for (int j = 0; j < p; j++) {
                    x[j] = a * z + b * rnd.nextGaussian();
                    y += x[j] * beta[j];
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
            return RowFactory.create(y + s.noise() * rnd.nextGaussian(), Vectors.sparse(p, idx, v));
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
