package org.sparklasso.cli;

import org.sparklasso.block.PartitionRows;
import org.sparklasso.input.InputFormat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparklasso.spec.JobException;

/**
 * The {@code generate} command: synthetic regression data of any size, generated in parallel by
 * Spark. Features are equicorrelated, {@code xⱼ = √ρ·z + √(1−ρ)·eⱼ} with z, eⱼ standard normal
 * (so corr(xⱼ, xₖ) = ρ), optionally sparse (each entry kept with probability {@code density});
 * {@code y = xᵀβ + σ·ε} with a known β whose first {@code nonzeros} entries (spread over the
 * features) are ±(1…k). The true β is written beside the data as {@code _true_coefficients.csv}
 * (Spark's readers skip files starting with "_").
 *
 * <p>{@code family binomial}: the label is 0/1, drawn as 1 with probability σ(c·xᵀβ), where c scales
 * the linear predictor to standard deviation {@code signalSd} under the equicorrelated design
 * (Var xᵀβ = (1−ρ)Σβⱼ² + ρ(Σβⱼ)²), so the classes overlap whatever the sizes — the benchmark's B1/B2
 * model (bench/BenchData), here for the cold bench's B2 files and anyone's test data.
 */
public final class SyntheticDataJob {

    /** Generator settings, with defaults. */
    record Settings(String output, String format, long rows, int features, int nonzeros, double correlation,
                    double density, double noise, long seed, int partitions, boolean binomial, double signalSd)
            implements java.io.Serializable {
        /** Gaussian labels. */
        Settings(String output, String format, long rows, int features, int nonzeros, double correlation,
                 double density, double noise, long seed, int partitions) {
            this(output, format, rows, features, nonzeros, correlation, density, noise, seed, partitions, false, 2);
        }
    }

    private SyntheticDataJob() {
    }

    public static void run(String[] args) {
        Settings s = parse(args);
        SparkSession spark = SparkSession.builder().appName("spark-lasso generate").getOrCreate();
        try {
            generate(spark, s);
        } finally {
            spark.stop();
        }
    }

    /** {@code generate --help}: every key with its default and meaning. */
    static String help() {
        return String.join(System.lineSeparator(),
                "usage: submit.sh [spark-submit options] generate --output PATH [--KEY VALUE]... [--verbose]",
                "",
                "Writes a synthetic data set (and the true coefficients beside it, _true_coefficients.csv):",
                "p features of equal pairwise correlation, y = X·beta + noise (gaussian) or a 0/1 draw",
                "with probability logistic(c·X·beta) (binomial; c scales X·beta to standard deviation signalSd).",
                "",
                "  output       (required)  where to write: a directory of part files",
                "  format       from output's extension, else csv   csv, libsvm or parquet",
                "  rows         100000      rows",
                "  features     100         features (p)",
                "  nonzeros     10          true nonzero coefficients (±1, ±2, ...), spread over the features (0..p)",
                "  correlation  0.5         pairwise correlation of the features (0 <= c < 1)",
                "  density      1.0         fraction of nonzero feature values (0 < d <= 1; < 1 for sparse data)",
                "  noise        1.0         noise standard deviation sigma (gaussian)",
                "  seed         42          random seed",
                "  partitions   0           output part files (0: the cores, or one per 200,000 rows if more)",
                "  family       gaussian    gaussian or binomial",
                "  signalSd     2           binomial: the standard deviation of c·X·beta",
                "",
                "Exit codes: 0 written, 2 a bad key or value, 1 anything else.",
                "");
    }

    static Settings parse(String[] args) {
        String output = null;
        String format = null;
        long rows = 100_000;
        int features = 100;
        int nonzeros = 10;
        double correlation = 0.5;
        double density = 1.0;
        double noise = 1.0;
        long seed = 42;
        int partitions = 0;
        String family = "gaussian";
        double signalSd = 2;
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            if (!key.startsWith("--") || i + 1 >= args.length) {
                throw JobException.config("generate: expected --KEY VALUE, got '" + key + "'");
            }
            String v = args[++i];
            try {
                switch (key.substring(2)) {
                    case "output" -> output = v;
                    case "format" -> format = v.toLowerCase(Locale.ROOT);
                    case "rows" -> rows = Long.parseLong(v);
                    case "features" -> features = Integer.parseInt(v);
                    case "nonzeros" -> nonzeros = Integer.parseInt(v);
                    case "correlation" -> correlation = Double.parseDouble(v);
                    case "density" -> density = Double.parseDouble(v);
                    case "noise" -> noise = Double.parseDouble(v);
                    case "seed" -> seed = Long.parseLong(v);
                    case "partitions" -> partitions = Integer.parseInt(v);
                    case "family" -> family = v.toLowerCase(Locale.ROOT);
                    case "signalSd" -> signalSd = Double.parseDouble(v);
                    default -> throw JobException.config("generate: unknown key '" + key.substring(2) + "'");
                }
            } catch (NumberFormatException e) {
                throw JobException.config("generate: " + key.substring(2) + ": invalid number '" + v + "'");
            }
        }
        if (output == null) {
            throw JobException.config("generate: output: required");
        }
        if (format == null) {
            format = InputFormat.inferFromPath(output).map(f -> f.name().toLowerCase(Locale.ROOT)).orElse("csv");
        }
        if (InputFormat.parse(format).isEmpty()) {
            throw JobException.config("generate: format: invalid value '" + format + "' (csv, libsvm or parquet)");
        }
        if (rows < 1 || features < 1 || nonzeros < 0 || nonzeros > features || correlation < 0
                || correlation >= 1 || density <= 0 || density > 1 || noise < 0 || partitions < 0) {
            throw JobException.config("generate: need rows >= 1, features >= 1, 0 <= nonzeros <= features, "
                    + "0 <= correlation < 1, 0 < density <= 1, noise >= 0");
        }
        if (!family.equals("gaussian") && !family.equals("binomial")) {
            throw JobException.config("generate: family: invalid value '" + family + "' (gaussian or binomial)");
        }
        if (!(signalSd > 0)) {
            throw JobException.config("generate: signalSd: must be > 0 (got " + signalSd + ")");
        }
        return new Settings(output, format, rows, features, nonzeros, correlation, density, noise, seed, partitions,
                family.equals("binomial"), signalSd);
    }

    /** The true coefficients: k nonzeros spread evenly, values ±1, ±2, … ±5 (the benchmark's data too). */
    public static double[] trueBeta(int p, int k) {
        double[] beta = new double[p];
        for (int i = 0; i < k; i++) {
            int j = (int) ((long) i * p / k);
            beta[j] = (i % 2 == 0 ? 1 : -1) * (1 + i % 5);
        }
        return beta;
    }

    /** The factor giving xᵀβ standard deviation {@code signalSd} when the features are equicorrelated (ρ). */
    public static double predictorScale(double[] beta, double correlation, double signalSd) {
        double sum = 0;
        double sq = 0;
        for (double b : beta) {
            sum += b;
            sq += b * b;
        }
        double variance = (1 - correlation) * sq + correlation * sum * sum;
        return variance > 0 ? signalSd / Math.sqrt(variance) : 0;
    }

    static void generate(SparkSession spark, Settings s) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int parts = s.partitions() > 0 ? s.partitions()
                : (int) Math.max(jsc.defaultParallelism(), Math.min(10_000, s.rows() / 200_000 + 1));
        double[] beta = trueBeta(s.features(), s.nonzeros());
        double scale = s.binomial() ? predictorScale(beta, s.correlation(), s.signalSd()) : 1;
        boolean vector = s.format().equals("libsvm") || s.density() < 1;
        List<Integer> ids = IntStream.range(0, parts).boxed().toList();
        JavaRDD<Row> rows = jsc.parallelize(ids, parts).flatMap(part -> new ModelRows(s, beta, scale, vector, part, parts));
        StructType schema;
        if (vector) {
            schema = new StructType().add("label", DataTypes.DoubleType, false)
                    .add("features", SQLDataTypes.VectorType(), false);
        } else {
            schema = new StructType();
            for (int j = 1; j <= s.features(); j++) {
                schema = schema.add("x" + j, DataTypes.DoubleType, false);
            }
            schema = schema.add("label", DataTypes.DoubleType, false);
        }
        var writer = spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite);
        switch (s.format()) {
            case "csv" -> {
                if (vector) {
                    throw JobException.config("generate: density < 1 needs format libsvm or parquet");
                }
                writer.option("header", "true").csv(s.output());
            }
            case "parquet" -> writer.parquet(s.output());
            default -> writer.format("libsvm").save(s.output());
        }
        StringBuilder truth = new StringBuilder("feature,index,coefficient\n");
        for (int j = 0; j < beta.length; j++) {
            truth.append(vector ? "f" + (j + 1) : "x" + (j + 1)).append(',').append(j).append(',')
                    .append(beta[j] * scale).append('\n');
        }
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(s.output(), "_true_coefficients.csv");
            var fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (var out = fs.create(path, true)) {
                out.write(truth.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.err.println("generate: wrote " + s.rows() + " rows × " + s.features() + " features to " + s.output());
    }

    /**
     * One partition's rows of the generate command's model, drawn lazily ({@link PartitionRows}): a
     * partition held in a list, 10⁶/6 rows × 100 boxed values, had taken ~400 MB of a 1g driver.
     */
    private static final class ModelRows extends PartitionRows {
        private final Settings s;
        private final double[] beta;
        private final double scale;
        private final boolean vector;
        private final SplittableRandom rnd;
        private final Random gauss;
        private final double a;
        private final double b;

        ModelRows(Settings s, double[] beta, double scale, boolean vector, int part, int parts) {
            super(s.rows(), part, parts);
            this.s = s;
            this.beta = beta;
            this.scale = scale;
            this.vector = vector;
            this.rnd = new SplittableRandom(s.seed() * 1_000_003L + part);
            this.gauss = new Random(rnd.nextLong());
            this.a = Math.sqrt(s.correlation());
            this.b = Math.sqrt(1 - s.correlation());
        }

        @Override
        protected Row draw() {
            int p = s.features();
            double z = gauss.nextGaussian();
            double[] x = new double[p];
            double y = 0;
            for (int j = 0; j < p; j++) {
                if (s.density() < 1 && rnd.nextDouble() >= s.density()) {
                    continue;
                }
                x[j] = a * z + b * gauss.nextGaussian();
                y += x[j] * beta[j];
            }
            if (s.binomial()) {
                y = rnd.nextDouble() < 1 / (1 + Math.exp(-scale * y)) ? 1 : 0;
            } else {
                y += s.noise() * gauss.nextGaussian();
            }
            if (vector) {
                return RowFactory.create(y, Vectors.dense(x).compressed());
            }
            Object[] values = new Object[p + 1];
            for (int j = 0; j < p; j++) {
                values[j] = x[j];
            }
            values[p] = y;
            return RowFactory.create(values);
        }
    }
}
