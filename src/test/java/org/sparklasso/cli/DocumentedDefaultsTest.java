package org.sparklasso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparklasso.SparkTestSession;

/**
 * Every input format, with and without a header, run as a new user would: only {@code input} and
 * {@code output}, every optional key at its documented default (label column {@code label}, column 1
 * without a header, tab for {@code .tsv}, {@code features} for a Parquet vector column, glmnet's
 * 100-λ path). The same data in each format must give the same written coefficients, and those
 * coefficients must satisfy the lasso's KKT conditions recomputed here from the data (an oracle
 * independent of the solver). Also what must simply work: gzip, a directory of parts, a glob, one
 * feature, p &gt; n, {@code sep} and a {@code csv.*} option passed through, and fold ids 0..K−1
 * (Spark's convention) giving the fit of the same folds numbered 1..K (glmnet's).
 */
class DocumentedDefaultsTest {
    private static final int N = 60;
    private static final int P = 4;

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    private static double[][] x;
    private static double[] y;

    @BeforeAll
    static void data() {
        spark = SparkTestSession.get();
        x = new double[N][P];
        y = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < P; j++) {
                x[i][j] = ((i * (7 + 3 * j) + j * j) % 17) / 4.0 - 2 + (j == 3 ? 0.1 * x[i][0] : 0);
            }
            y[i] = 1.5 + 2 * x[i][0] - x[i][1] + 0.25 * x[i][2] + ((i * 5) % 7 - 3) * 0.2;
        }
    }

    private static String line(int i, String sep) {
        StringBuilder sb = new StringBuilder().append(y[i]);
        for (int j = 0; j < P; j++) {
            sb.append(sep).append(x[i][j]);
        }
        return sb.toString();
    }

    private static String header(String sep) {
        StringBuilder sb = new StringBuilder("label");
        for (int j = 0; j < P; j++) {
            sb.append(sep).append("x").append(j + 1);
        }
        return sb.toString();
    }

    private static String text(boolean header, String sep) {
        StringBuilder sb = new StringBuilder();
        if (header) {
            sb.append(header(sep)).append('\n');
        }
        for (int i = 0; i < N; i++) {
            sb.append(line(i, sep)).append('\n');
        }
        return sb.toString();
    }

    private static String write(String name, String content) throws IOException {
        Path file = tmp.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file.toString();
    }

    private static String input(String kind) throws IOException {
        switch (kind) {
            case "csv":
                return write("d.csv", text(true, ","));
            case "csv-noheader":
                return write("d-noheader.csv", text(false, ","));
            case "tsv":
                return write("d.tsv", text(true, "\t"));
            case "libsvm": {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < N; i++) {
                    sb.append(y[i]);
                    for (int j = 0; j < P; j++) {
                        if (x[i][j] != 0) {
                            sb.append(' ').append(j + 1).append(':').append(x[i][j]);
                        }
                    }
                    sb.append('\n');
                }
                return write("d.libsvm", sb.toString());
            }
            case "parquet-columns": {
                StructType schema = new StructType().add("label", DataTypes.DoubleType);
                for (int j = 0; j < P; j++) {
                    schema = schema.add("x" + (j + 1), DataTypes.DoubleType);
                }
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < N; i++) {
                    Object[] v = new Object[P + 1];
                    v[0] = y[i];
                    for (int j = 0; j < P; j++) {
                        v[j + 1] = x[i][j];
                    }
                    rows.add(RowFactory.create(v));
                }
                String path = tmp.resolve("d-columns.parquet").toString();
                spark.createDataFrame(rows, schema).write().parquet(path);
                return path;
            }
            case "parquet-vector": {
                StructType schema = new StructType().add("label", DataTypes.DoubleType).add("features", new VectorUDT());
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < N; i++) {
                    rows.add(RowFactory.create(y[i], Vectors.dense(x[i]).compressed()));
                }
                String path = tmp.resolve("d-vector.parquet").toString();
                spark.createDataFrame(rows, schema).write().parquet(path);
                return path;
            }
            case "csv-gzip": {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                    gz.write(text(true, ",").getBytes(StandardCharsets.UTF_8));
                }
                Path file = tmp.resolve("d.csv.gz");
                Files.write(file, bytes.toByteArray());
                return file.toString();
            }
            case "csv-directory":
            case "csv-glob": {
                Path dir = tmp.resolve(kind);
                for (int part = 0; part < 3; part++) {
                    StringBuilder sb = new StringBuilder(header(",")).append('\n');
                    for (int i = part * N / 3; i < (part + 1) * N / 3; i++) {
                        sb.append(line(i, ",")).append('\n');
                    }
                    write(kind + "/part-" + part + ".csv", sb.toString());
                }
                return kind.equals("csv-glob") ? dir.resolve("part-*.csv").toString() : dir + "/";
            }
            default:
                throw new IllegalArgumentException(kind);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"csv", "csv-noheader", "tsv", "libsvm", "parquet-columns", "parquet-vector", "csv-gzip",
        "csv-directory", "csv-glob"})
    void everyFormatRunsWithOnlyInputAndOutputAndGivesTheSameLasso(String kind) throws IOException {
        String in = input(kind);
        String out = tmp.resolve("out-" + kind).toString();
        List<String> args = new ArrayList<>(List.of("train", "--input", in, "--output", out));
        if (kind.equals("csv-noheader")) {
            args.addAll(List.of("--header", "false"));
        }
        if (kind.equals("csv-directory") || kind.equals("csv-glob")) {
            args.addAll(List.of("--format", "csv"));
        }
        ErrorHandlingTest.run(args.toArray(new String[0])).assertOk();
        JsonNode metrics = new ObjectMapper().readTree(Path.of(out, "metrics.json").toFile());
        assertEquals(N, metrics.get("n").asInt());
        assertEquals(P, metrics.get("p").asInt());
        int length = metrics.get("pathLength").asInt();
        assertTrue(length > 10 && length <= 100, "glmnet's path: nlambda = 100, stopped early once the deviance "
                + "ratio saturates; got " + length);
        Map<Double, double[]> fits = coefficients(out);
        assertEquals(length, fits.size());
        for (JsonNode fit : metrics.get("fits")) {
            double[] b = fits.entrySet().stream().filter(e -> Math.abs(e.getKey() - fit.get("lambda").asDouble())
                    <= 1e-15 * e.getKey()).findFirst().orElseThrow().getValue();
            long nonzero = java.util.stream.IntStream.rangeClosed(1, P).filter(j -> b[j] != 0).count();
            assertEquals((double) nonzero / P, fit.get("nonzeroFraction").asDouble(), 1e-15,
                    "nonzeroFraction = share of written coefficients that are not zero");
            assertEquals(1 - (double) nonzero / P, fit.get("sparsityRatio").asDouble(), 1e-15,
                    "sparsityRatio = share that are zero");
        }
        for (Map.Entry<Double, double[]> fit : fits.entrySet()) {
            assertLassoKkt(fit.getKey(), fit.getValue());
        }
        if (!kind.equals("csv")) {
            Map<Double, double[]> reference = coefficients(tmp.resolve("out-csv").toString());
            if (!reference.isEmpty()) {
                List<Map.Entry<Double, double[]>> ref = new ArrayList<>(reference.entrySet());
                List<Map.Entry<Double, double[]>> got = new ArrayList<>(fits.entrySet());
                assertEquals(ref.size(), got.size(), "the same λ path length as the csv input");
                for (int m = 0; m < ref.size(); m++) {
                    double lambda = ref.get(m).getKey();
                    assertEquals(lambda, got.get(m).getKey(), 1e-12 * lambda, kind + ": λ " + m);
                    for (int j = 0; j <= P; j++) {
                        double expected = ref.get(m).getValue()[j];
                        assertEquals(expected, got.get(m).getValue()[j], 1e-9 * (1 + Math.abs(expected)),
                                kind + ": coefficient " + j + " at λ " + lambda);
                    }
                }
            }
        }
    }

    /** λ → [intercept, β1..βp] as written in coefficients/. */
    private static Map<Double, double[]> coefficients(String out) {
        Map<Double, double[]> fits = new TreeMap<>();
        if (!Files.exists(Path.of(out, "coefficients"))) {
            return fits;
        }
        for (Row r : spark.read().parquet(out + "/coefficients").collectAsList()) {
            double[] b = fits.computeIfAbsent(r.getDouble(r.fieldIndex("lambda")), k -> new double[P + 1]);
            b[r.getInt(r.fieldIndex("index")) + 1] = r.getDouble(r.fieldIndex("coefficient"));
        }
        return fits;
    }

    /**
     * glmnet's lasso (standardize=TRUE) optimality: with r = y − b0 − Xβ and s_j the population sd,
     * Σr = 0; for β_j ≠ 0, (1/n) Σ x_ij r_i = λ s_j sign(β_j); for β_j = 0, |(1/n) Σ x_ij r_i| ≤ λ s_j.
     */
    private static void assertLassoKkt(double lambda, double[] b) {
        double[] r = new double[N];
        double rSum = 0;
        for (int i = 0; i < N; i++) {
            double f = b[0];
            for (int j = 0; j < P; j++) {
                f += x[i][j] * b[j + 1];
            }
            r[i] = y[i] - f;
            rSum += r[i];
        }
        assertEquals(0, rSum / N, 1e-6, "intercept stationarity at λ " + lambda);
        for (int j = 0; j < P; j++) {
            double mean = 0;
            for (int i = 0; i < N; i++) {
                mean += x[i][j] / N;
            }
            double var = 0;
            double g = 0;
            for (int i = 0; i < N; i++) {
                var += (x[i][j] - mean) * (x[i][j] - mean) / N;
                g += x[i][j] * r[i] / N;
            }
            double bound = lambda * Math.sqrt(var);
            double slack = 1e-3 * bound + 1e-9;
            if (b[j + 1] != 0) {
                assertEquals(Math.signum(b[j + 1]) * bound, g, slack, "active feature " + (j + 1) + " at λ " + lambda);
            } else {
                assertTrue(Math.abs(g) <= bound + slack, "inactive feature " + (j + 1) + " at λ " + lambda + ": |g| "
                        + Math.abs(g) + " > " + bound);
            }
        }
    }

    @Test
    void oneFeatureAndMoreFeaturesThanRowsWork() throws IOException {
        StringBuilder one = new StringBuilder("label,x1\n");
        for (int i = 0; i < N; i++) {
            one.append(y[i]).append(',').append(x[i][0]).append('\n');
        }
        String out1 = tmp.resolve("out-one").toString();
        ErrorHandlingTest.run("train", "--input", write("one.csv", one.toString()), "--output", out1).assertOk();
        assertTrue(coefficients(out1).values().stream().anyMatch(b -> b[1] > 0), "x1 enters the path");

        StringBuilder wide = new StringBuilder("label");
        int p = 30;
        for (int j = 1; j <= p; j++) {
            wide.append(",w").append(j);
        }
        wide.append('\n');
        for (int i = 0; i < 12; i++) {
            wide.append(y[i]);
            for (int j = 0; j < p; j++) {
                wide.append(',').append(Math.sin(i * 1.3 + j * 0.7 + i * j * 0.11));
            }
            wide.append('\n');
        }
        String out2 = tmp.resolve("out-wide").toString();
        ErrorHandlingTest.run("train", "--input", write("wide.csv", wide.toString()), "--output", out2).assertOk();
        JsonNode metrics = new ObjectMapper().readTree(Path.of(out2, "metrics.json").toFile());
        assertEquals(30, metrics.get("p").asInt());
        assertTrue(metrics.get("pathLength").asInt() >= 2);
    }

    @Test
    void separatorAndCsvOptionsPassThroughToSparksReader() throws IOException {
        String semicolons = write("semi.txt", "# exported by a tool\n" + text(true, ";").replace("label;", "label;"));
        String out = tmp.resolve("out-semi").toString();
        ErrorHandlingTest.run("train", "--input", semicolons, "--format", "csv", "--sep", ";", "--csv.comment", "#",
                "--output", out).assertOk();
        String reference = tmp.resolve("out-ref").toString();
        ErrorHandlingTest.run("train", "--input", write("ref.csv", text(true, ",")), "--output", reference)
                .assertOk();
        assertEquals(coefficients(reference).keySet(), coefficients(out).keySet());
    }

    @Test
    void zeroBasedFoldIdsAreSparksConventionAndFitAsTheirOneBasedTwins() throws IOException {
        StringBuilder zero = new StringBuilder(header(",") + ",fold\n");
        StringBuilder one = new StringBuilder(header(",") + ",fold\n");
        for (int i = 0; i < N; i++) {
            zero.append(line(i, ",")).append(',').append(i % 4).append('\n');
            one.append(line(i, ",")).append(',').append(i % 4 + 1).append('\n');
        }
        String outZero = tmp.resolve("out-fold0").toString();
        String outOne = tmp.resolve("out-fold1").toString();
        ErrorHandlingTest.run("train", "--input", write("fold0.csv", zero.toString()), "--foldCol", "fold",
                "--output", outZero).assertOk();
        ErrorHandlingTest.run("train", "--input", write("fold1.csv", one.toString()), "--foldCol", "fold",
                "--output", outOne).assertOk();
        List<Row> cvZero = spark.read().parquet(outZero + "/cv").orderBy("lambda").collectAsList();
        List<Row> cvOne = spark.read().parquet(outOne + "/cv").orderBy("lambda").collectAsList();
        assertEquals(cvOne.size(), cvZero.size());
        for (int i = 0; i < cvOne.size(); i++) {
            Row a = cvZero.get(i);
            Row b = cvOne.get(i);
            assertEquals(b.getDouble(b.fieldIndex("cvMean")), a.getDouble(a.fieldIndex("cvMean")), 1e-12,
                    "same folds, same CV error");
        }
        JsonNode metrics = new ObjectMapper().readTree(Path.of(outZero, "metrics.json").toFile());
        assertEquals(4, metrics.get("nfolds").asInt());
    }
}
