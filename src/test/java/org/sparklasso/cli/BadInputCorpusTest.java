package org.sparklasso.cli;

import org.sparklasso.api.ConfigKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparklasso.SparkTestSession;

/**
 * The bad-input corpus: each case is one distinct bad input or setting, run through the job's entry
 * point ({@link Main#run}) with stderr captured as a user sees it (Spark's own logging included: the
 * console appender follows {@code System.err}). Each asserts the exit code, exactly one
 * {@code spark-lasso: error:} line naming the file, row or line, key and problem, nothing else on
 * stderr (so no stack trace and no task-failure log), and that the previous output at the same
 * place is untouched, with no staging directory left beside it. Files use the defaults' names
 * (label column {@code label}) so that no optional key is given unless the case is about one.
 */
class BadInputCorpusTest {
    private static final String HEADER = "label,x1,x2,x3";

    @TempDir
    static Path tmp;

    private static SparkSession spark;
    /** A real previous output, copied to each case's output path before the run. */
    private static Path template;

    @BeforeAll
    static void previousOutput() throws IOException {
        spark = SparkTestSession.get();
        template = tmp.resolve("template");
        String good = csv("good.csv", HEADER, rows(20));
        ErrorHandlingTest.run("train", "--input", good, "--lambda", "0.5", "--plots", "false",
                "--output", template.toString()).assertOk();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputGetsOneLineAnExitCodeAndLeavesThePreviousOutput(String name, int exit, String[] args,
                                                                 String[] mentions) throws IOException {
        Path output = tmp.resolve("out").resolve(Integer.toHexString(name.hashCode()) + "-" + name.replaceAll("\\W+", "_"));
        copyTree(template, output);
        Map<String, String> before = ErrorHandlingTest.snapshot(output);
        List<String> full = new ArrayList<>(Arrays.asList(args));
        if (!full.contains("--output")) {
            full.add("--output");
            full.add(output.toString());
        }
        ErrorHandlingTest.run(full.toArray(new String[0])).assertError(exit, mentions);
        assertEquals(before, ErrorHandlingTest.snapshot(output), "the previous output must be untouched");
        ErrorHandlingTest.assertNoHiddenLeftovers(output);
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        // --- CSV: the file as a whole ---------------------------------------------------------------
        String empty = write("empty.csv", "");
        cases.add(bad("empty csv", 3, args(empty), "is empty", empty));
        String emptyNoHeader = write("empty-noheader.csv", "");
        cases.add(bad("empty csv without header", 3, args(emptyNoHeader, "--header", "false"), "is empty"));
        String headerOnly = csv("header-only.csv", HEADER, List.of());
        cases.add(bad("header only", 3, args(headerOnly), "no data rows", headerOnly));
        String semicolons = write("semicolon.csv", "label;x1;x2\n1;2;3\n4;5;6\n");
        cases.add(bad("semicolon-separated read with the default sep", 3, args(semicolons), "one column",
                "try sep=;"));
        String tabs = write("tabs.csv", "label\tx1\tx2\n1\t2\t3\n4\t5\t6\n");
        cases.add(bad("tab-separated read with the default sep", 3, args(tabs), "try sep=\\t"));
        String dupColumns = csv("dup-columns.csv", "label,x1,x1", List.of("1,2,3", "2,3,4", "3,5,5"));
        cases.add(bad("duplicate column names", 3, args(dupColumns), "two columns named 'x1'"));
        // --- CSV: one bad row among good ones (row 3 = line 4) -------------------------------------
        cases.add(badRow("non-numeric label", "abc,1,2,3", "malformed line"));
        cases.add(badRow("NaN label", "NaN,1,2,3", "label is NaN or infinite"));
        cases.add(badRow("infinite label", "-Infinity,1,2,3", "label is NaN or infinite"));
        cases.add(badRow("missing label", ",1,2,3", "missing label"));
        cases.add(badRow("non-numeric feature", "1,2,x,3", "malformed line (a non-numeric or missing value in column x2)"));
        cases.add(badRow("NaN feature", "1,NaN,2,3", "NaN or infinite value in column x1"));
        cases.add(badRow("+Inf feature", "1,2,Inf,3", "NaN or infinite value in column x2"));
        cases.add(badRow("-Inf feature", "1,2,3,-Inf", "NaN or infinite value in column x3"));
        cases.add(badRow("missing feature", "1,2,,3", "missing value in column x2"));
        cases.add(badRow("ragged row, too few fields", "1,2,3", "malformed line"));
        cases.add(badRow("ragged row, too many fields", "1,2,3,4,5", "malformed line (wrong number of fields)"));
        // --- weights --------------------------------------------------------------------------------
        cases.add(badWeight("non-numeric weight", "heavy", "malformed line"));
        cases.add(badWeight("NaN weight", "NaN", "weight must be finite and >= 0"));
        cases.add(badWeight("infinite weight", "Infinity", "weight must be finite and >= 0"));
        cases.add(badWeight("negative weight", "-0.5", "weight must be finite and >= 0"));
        List<String> zeroWeights = new ArrayList<>();
        for (String r : rows(10)) {
            zeroWeights.add(r + ",0");
        }
        String allZero = csv("all-zero-weights.csv", HEADER + ",w", zeroWeights);
        cases.add(bad("all weights zero", 3, args(allZero, "--weightCol", "w"), "weightCol", "every weight",
                "is 0"));
        // --- fold ids ------------------------------------------------------------------------------
        cases.add(badFolds("fold id missing", i -> i == 4 ? "" : String.valueOf(i % 3 + 1), "missing fold id in foldCol fold",
                "data row 5"));
        cases.add(badFolds("fold id not an integer", i -> i == 4 ? "1.5" : String.valueOf(i % 3 + 1),
                "fold id in foldCol fold must be an integer", "data row 5"));
        cases.add(badFolds("fold id not a number", i -> i == 4 ? "one" : String.valueOf(i % 3 + 1),
                "malformed line (a non-numeric or missing value in column fold)", "data row 5"));
        cases.add(badFolds("negative fold id", i -> i == 4 ? "-1" : String.valueOf(i % 3 + 1),
                "fold id in foldCol fold must be an integer"));
        cases.add(badFolds("gapped fold ids", i -> String.valueOf(new int[] {1, 2, 4, 5}[i % 4]),
                "foldCol fold", "fold 3 has no rows"));
        cases.add(badFolds("a single fold", i -> "1", "foldCol fold", "1 fold(s)", "at least 3"));
        cases.add(badFolds("two folds", i -> String.valueOf(i % 2), "foldCol fold", "2 fold(s)", "0..1, Spark's convention"));
        cases.add(badFolds("fold ids from 2", i -> String.valueOf(i % 3 + 2), "foldCol fold", "smallest fold id is 2"));
        // --- classification labels -------------------------------------------------------------------
        String oneLabel = csv("one-label.csv", HEADER, List.of("1,1,2,3", "1,2,3,4", "1,3,1,2", "1,0,1,1"));
        cases.add(bad("binomial with one label value", 3, args(oneLabel, "--family", "binomial"),
                "1 distinct value"));
        String threeLabels = csv("three-labels.csv", HEADER, List.of("a,1,2,3", "b,2,3,4", "c,3,1,2", "a,0,1,1"));
        cases.add(bad("binomial with three label values", 3, args(threeLabels, "--family", "binomial"),
                "exactly 2 label values", "[a, b, c]"));
        String oneClass = csv("one-class.csv", HEADER, List.of("cat,1,2,3", "cat,2,3,4", "cat,3,1,2"));
        cases.add(bad("multinomial with one class", 3, args(oneClass, "--family", "multinomial"),
                "1 distinct value", "[cat]"));
        // --- LIBSVM --------------------------------------------------------------------------------
        cases.add(badLibsvm("libsvm non-numeric value", "1 1:0.5 2:x", "the value 'x' of index 2 is not a number"));
        cases.add(badLibsvm("libsvm index 0", "1 0:0.5 2:1", "index 0", "1-based"));
        cases.add(badLibsvm("libsvm unsorted indices", "1 3:0.5 2:1", "index 2 after 3", "ascending"));
        cases.add(badLibsvm("libsvm duplicate index", "1 2:0.5 2:1", "index 2 appears twice"));
        cases.add(badLibsvm("libsvm non-numeric label", "yes 1:0.5", "the label 'yes' is not a number"));
        cases.add(badLibsvm("libsvm pair without colon", "1 1:0.5 7", "'7' is not index:value"));
        String nanLibsvm = write("nan.libsvm", "1 1:0.5 2:1\n0 1:NaN\n1 2:3\n");
        cases.add(bad("libsvm NaN value", 3, args(nanLibsvm), "a feature is NaN or infinite", "data row 2"));
        String libsvm = write("good.libsvm", "1 1:0.5 2:1\n0 1:1.5\n1 2:3\n0 1:2 2:2\n");
        cases.add(bad("weightCol with libsvm", 2, args(libsvm, "--weightCol", "w"), "weightCol", "libsvm"));
        cases.add(bad("labelCol with libsvm", 2, args(libsvm, "--labelCol", "y"), "labelCol", "libsvm"));
        // --- Parquet -------------------------------------------------------------------------------
        cases.add(bad("parquet string feature column", 3, args(parquetWithStringFeature()), "featureCols",
                "'x2'", "string, not numeric"));
        cases.add(bad("parquet array feature column", 3, args(parquetWithArrayFeature()), "featureCols",
                "'x2'", "array<double>, not numeric"));
        String vectors = parquetWithNaNInVector();
        cases.add(bad("NaN inside a vector column", 3, args(vectors, "--featuresCol", "features"),
                "a feature is NaN or infinite", "data row 2"));
        cases.add(bad("featureCols together with featuresCol", 2,
                args(vectors, "--featuresCol", "features", "--featureCols", "x1"), "featureCols and featuresCol"));
        // --- columns and output ----------------------------------------------------------------------
        String good = csv("good-columns.csv", HEADER, rows(10));
        cases.add(bad("featureCols naming a missing column", 3, args(good, "--featureCols", "x1,nope"),
                "featureCols", "'nope' not found", "x1, x2, x3"));
        cases.add(bad("label column missing", 3, args(good, "--labelCol", "target"), "labelCol", "'target'"));
        String noHeader = write("no-header.csv", "1,2,3\n4,5,6\n7,8,9\n");
        cases.add(bad("labelCol out of range without header", 2,
                args(noHeader, "--header", "false", "--labelCol", "4"), "labelCol", "'4'", "from 1 to 3"));
        // --- penalty=adaptive and its initial estimate -------------------------------------------------
        // --- relax=true ---------------------------------------------------------------------------
        cases.add(bad("relaxGamma out of [0, 1]", 2, args(good, "--relax", "true", "--relaxGamma", "0,1.5"),
                "relaxGamma", "'1.5'", "[0, 1]"));
        cases.add(bad("relax with the working-set solver", 2, args(good, "--relax", "true", "--solver", "workingset",
                "--lambda", "0.5"), "relax", "solver cd"));
        // --- penalty=group and its groups ------------------------------------------------------------
        cases.add(bad("groups of the wrong length", 2, args(good, "--penalty", "group", "--groups", "a,b",
                "--lambda", "0.5"), "groups", "2 labels for 3 features"));
        cases.add(bad("penalty=group without groups", 2, args(good, "--penalty", "group"), "groups",
                "required with penalty=group"));
        cases.add(bad("groups file with a bad line", 2, args(good, "--penalty", "group", "--groups",
                write("bad-groups.csv", "feature,group\nx1,a,extra\n")), "groups", "bad-groups.csv line 2",
                "expected two fields"));
        cases.add(bad("groups file naming a missing feature", 2, args(good, "--penalty", "group", "--groups",
                write("unknown-groups.csv", "x1,a\nnope,a\n"), "--lambda", "0.5"), "groups", "feature 'nope'",
                "unknown-groups.csv line 2", "is not a feature of the input"));
        cases.add(bad("groups file that does not exist", 2, args(good, "--penalty", "group", "--groups",
                "/no/such/groups.csv"), "groups", "not found"));
        cases.add(bad("groupWeights naming no group", 2, args(good, "--penalty", "group", "--groups", "a,a,b",
                "--groupWeights", "c:2", "--lambda", "0.5"), "groupWeights", "group 'c' is not a group"));
        cases.add(bad("groupWeights of zero", 2, args(good, "--penalty", "group", "--groups", "a,a,b",
                "--groupWeights", "a:0"), "groupWeights", "not a finite number > 0"));
        cases.add(bad("penaltyFactor with penalty=group", 2, args(good, "--penalty", "group", "--groups", "a,a,b",
                "--penaltyFactor", "1,2,1"), "penaltyFactor", "not with penalty=group"));
        cases.add(bad("penalty=group for multinomial", 2, args(good, "--penalty", "group", "--groups", "a,a,b",
                "--family", "multinomial"), "penalty", "gaussian and binomial"));
        String tiny = csv("three-rows.csv", HEADER, rows(3));
        cases.add(bad("adaptiveInit=ols with p >= n", 2, args(tiny, "--penalty", "adaptive", "--adaptiveInit", "ols",
                "--lambda", "0.5"), "adaptiveInit", "ols needs more rows than features (n=3, p=3)"));
        cases.add(bad("adaptiveGamma of zero", 2, args(good, "--penalty", "adaptive", "--adaptiveGamma", "0"),
                "adaptiveGamma", "> 0"));
        cases.add(bad("adaptiveInit that does not exist", 3, args(good, "--penalty", "adaptive", "--adaptiveInit",
                "/no/such/model"), "adaptiveInit", "no coefficients output at /no/such/model"));
        cases.add(bad("adaptiveInit with two λ values", 3, args(good, "--penalty", "adaptive", "--adaptiveInit",
                coefficients("two-lambdas", new double[] {1, 2}, "x1", "x2", "x3")), "adaptiveInit", "2 λ values",
                "single-λ or cross-validated"));
        cases.add(bad("adaptiveInit that is not a coefficients output", 3, args(good, "--penalty", "adaptive",
                "--adaptiveInit", parquet("not-coefficients.parquet", new StructType().add("feature",
                        DataTypes.StringType).add("value", DataTypes.DoubleType), List.of(RowFactory.create("x1", 1.0)))),
                "adaptiveInit", "is not a coefficients output"));
        cases.add(bad("adaptiveInit without a feature of the input", 3, args(good, "--penalty", "adaptive",
                "--adaptiveInit", coefficients("two-features", new double[] {1}, "x1", "x2")), "adaptiveInit",
                "feature 'x3'"));
        cases.add(bad("adaptiveInit whose coefficients are all zero", 3, args(good, "--penalty", "adaptive",
                "--adaptiveInit", coefficients("all-zero", new double[] {0}, "x1", "x2", "x3")), "adaptiveInit",
                "no non-zero coefficient"));
        cases.add(bad("initialModel that is not a coefficients output", 3, args(good, "--initialModel",
                parquet("not-a-model.parquet", new StructType().add("feature", DataTypes.StringType)
                        .add("value", DataTypes.DoubleType), List.of(RowFactory.create("x1", 1.0)))),
                "initialModel", "is not a coefficients output"));
        cases.add(bad("miniBatchFraction above 1", 2, args(good, "--solver", "sgd", "--miniBatchFraction", "1.5"),
                "miniBatchFraction", "(0, 1]"));
        cases.add(bad("sgdPolish beyond the coordinate statistics' limit", 2, args(good, "--solver", "sgd",
                "--sgdPolish", "true", "--cdMaxFeatures", "2"), "sgdPolish", "p=3 > cdMaxFeatures=2"));
        cases.add(bad("epochs of zero", 2, args(good, "--solver", "sgd", "--epochs", "0"), "epochs", ">= 1"));
        Path plainFile = tmp.resolve("plain-file");
        Files.writeString(plainFile, "not a directory\n");
        cases.add(bad("output under a regular file", 2, args(good, "--output", plainFile.resolve("out").toString()),
                "is a file"));
        cases.add(bad("output that is a regular file", 2, args(good, "--output", plainFile.toString()),
                "exists and is a file"));
        cases.add(bad("output under a read-only directory", 2, args(good, "--output", readOnlyDirectory()
                + "/models/out"), "output: cannot write under"));
        return cases.stream();
    }

    /**
     * One bad value for every configuration key (a new key without an entry here fails
     * {@link #everyKeyHasABadValueCase}): exit 2 when the value itself is wrong, exit 3 when it is
     * well-formed but names something the input does not have.
     */
    private static final Map<String, Object[]> BAD_VALUES = Map.ofEntries(
            Map.entry("input", new Object[] {"/no/such/file.csv", 3, "input not found"}),
            Map.entry("format", new Object[] {"xml", 2, "csv, libsvm or parquet"}),
            Map.entry("header", new Object[] {"yes", 2, "true or false"}),
            Map.entry("sep", new Object[] {"\\", 2, "an escape"}),
            Map.entry("labelCol", new Object[] {"target", 3, "'target' not found"}),
            Map.entry("featureCols", new Object[] {"x1,,x2", 2, "without empty entries"}),
            Map.entry("featuresCol", new Object[] {"features", 2, "only for parquet"}),
            Map.entry("weightCol", new Object[] {"w", 3, "'w' not found"}),
            Map.entry("output", new Object[] {"PLAIN_FILE/out", 2, "is a file"}),
            Map.entry("family", new Object[] {"poisson", 2, "gaussian | binomial | multinomial"}),
            Map.entry("typeMultinomial", new Object[] {"both", 2, "ungrouped or grouped"}),
            Map.entry("alpha", new Object[] {"1.5", 2, "[0, 1]"}),
            Map.entry("lambda", new Object[] {"0.1,-1", 2, "values > 0"}),
            Map.entry("nlambda", new Object[] {"0", 2, "integer >= 1"}),
            Map.entry("lambdaMinRatio", new Object[] {"2", 2, "a number in"}),
            Map.entry("nfolds", new Object[] {"2", 2, "0 or an integer >= 3"}),
            Map.entry("foldCol", new Object[] {"fold", 3, "'fold' not found"}),
            Map.entry("seed", new Object[] {"lucky", 2, "an integer"}),
            Map.entry("typeMeasure", new Object[] {"auc", 2, "mse, mae for family gaussian"}),
            Map.entry("lambdaChoice", new Object[] {"lambda.max", 2, "lambda.min or lambda.1se"}),
            Map.entry("screening", new Object[] {"weak", 2, "strong or none"}),
            Map.entry("plots", new Object[] {"maybe", 2, "true or false"}),
            Map.entry("standardize", new Object[] {"1", 2, "true or false"}),
            Map.entry("fitIntercept", new Object[] {"no", 2, "true or false"}),
            Map.entry("solver", new Object[] {"lbfgs", 2, "auto | cd | workingset"}),
            Map.entry("tol", new Object[] {"0", 2, "a number > 0"}),
            Map.entry("maxIter", new Object[] {"0", 2, "integer >= 1"}),
            Map.entry("stepSize", new Object[] {"0.1", 2, "applies to solver=subgradient or solver=sgd only"}),
            Map.entry("epochs", new Object[] {"5", 2, "applies to solver=sgd only"}),
            Map.entry("miniBatchFraction", new Object[] {"0.1", 2, "applies to solver=sgd only"}),
            Map.entry("sgdPolish", new Object[] {"true", 2, "applies to solver=sgd only"}),
            Map.entry("initialModel", new Object[] {"/no/such/model", 3, "no coefficients output at /no/such/model"}),
            Map.entry("cdMaxFeatures", new Object[] {"0", 2, "integer >= 1"}),
            Map.entry("aggregationDepth", new Object[] {"-1", 2, "integer >= 0"}),
            Map.entry("localPasses", new Object[] {"sometimes", 2, "true or false"}),
            Map.entry("numPartitions", new Object[] {"-2", 2, "integer >= 0"}),
            Map.entry("blockRows", new Object[] {"many", 2, "integer >= 0"}),
            Map.entry("penaltyFactor", new Object[] {"1,-1", 2, "invalid value '-1'"}),
            Map.entry("penalty", new Object[] {"ridge", 2, "lasso, adaptive or group"}),
            Map.entry("groups", new Object[] {"a,b,c", 2, "applies to penalty=group only"}),
            Map.entry("relax", new Object[] {"maybe", 2, "true or false"}),
            Map.entry("relaxGamma", new Object[] {"0.5", 2, "applies to relax=true only"}),
            Map.entry("groupWeights", new Object[] {"a:2", 2, "applies to penalty=group only"}),
            Map.entry("adaptiveGamma", new Object[] {"2", 2, "applies to penalty=adaptive only"}),
            Map.entry("adaptiveInit", new Object[] {"ols", 2, "applies to penalty=adaptive only"}),
            Map.entry("lowerLimits", new Object[] {"nosuch:-1", 2, "no feature named 'nosuch'"}),
            Map.entry("upperLimits", new Object[] {"0.5,0.5", 2, "2 values given for"}));

    @org.junit.jupiter.api.Test
    void everyKeyHasABadValueCase() {
        assertEquals(Arrays.stream(ConfigKey.values()).map(ConfigKey::key).sorted().toList(),
                BAD_VALUES.keySet().stream().sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void everyKeyWithABadValueIsNamed(String key, String value, int exit, String expected) throws IOException {
        String good = tmp.resolve("good.csv").toString();
        Path output = tmp.resolve("out").resolve("key-" + key);
        copyTree(template, output);
        Map<String, String> before = ErrorHandlingTest.snapshot(output);
        Path plainFile = tmp.resolve("plain-file-" + key);
        Files.writeString(plainFile, "not a directory\n");
        List<String> args = new ArrayList<>(List.of("train", "--input", good, "--lambda", "0.5", "--output",
                output.toString()));
        int at = args.indexOf("--" + key);
        String v = value.replace("PLAIN_FILE", plainFile.toString());
        if (at >= 0) {
            args.set(at + 1, v);
        } else {
            args.add("--" + key);
            args.add(v);
        }
        ErrorHandlingTest.run(args.toArray(new String[0])).assertError(exit, key, expected);
        assertEquals(before, ErrorHandlingTest.snapshot(output), "the previous output must be untouched");
        assertEquals("not a directory\n", Files.readString(plainFile));
    }

    static Stream<Arguments> badValues() {
        return BAD_VALUES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "--lamda 1          | 2 | unknown key 'lamda' (did you mean 'lambda'?)",
        "--nfold 5          | 2 | unknown key 'nfold' (did you mean 'nfolds'?)",
        "--labelcol y       | 2 | unknown key 'labelcol' (did you mean 'labelCol'?)",
        "--csv.nulValue NA  | 2 | unknown key 'csv.nulValue' (did you mean 'csv.nullValue'?)",
        "--csv.mode FAILFAST | 2 | csv.mode: not passed to Spark's reader",
        "--regParam 1       | 2 | lambda: given twice",
    })
    void mistypedAndRepeatedKeysAreNamed(String flags, int exit, String expected) {
        String good = tmp.resolve("good.csv").toString();
        List<String> args = new ArrayList<>(List.of("train", "--input", good, "--lambda", "0.5", "--output",
                tmp.resolve("out").resolve("never").toString()));
        args.addAll(Arrays.asList(flags.trim().split("\\s+")));
        ErrorHandlingTest.run(args.toArray(new String[0])).assertError(exit, expected);
        assertTrue(Files.notExists(tmp.resolve("out").resolve("never")));
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * A directory nobody may create entries in: a mode-555 directory, or /sys when the tests run as
     * root (CI does), for whom permission bits do not apply and sysfs refuses new entries.
     */
    private static String readOnlyDirectory() throws IOException {
        Path dir = tmp.resolve("read-only");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        return Files.isWritable(dir) ? "/sys" : dir.toString();
    }

    private static Arguments bad(String name, int exit, String[] args, String... mentions) {
        return Arguments.of(name, exit, args, mentions);
    }

    private static String[] args(String input, String... more) {
        List<String> out = new ArrayList<>(List.of("train", "--input", input));
        out.addAll(Arrays.asList(more));
        return out.toArray(new String[0]);
    }

    private static Arguments badRow(String name, String row, String problem) throws IOException {
        List<String> rows = new ArrayList<>(rows(10));
        rows.set(2, row);
        String file = csv(slug(name) + ".csv", HEADER, rows);
        return bad(name, 3, args(file), "1 bad row of 10", "data row 3 (line 4)", file, problem);
    }

    private static Arguments badWeight(String name, String weight, String problem) throws IOException {
        List<String> rows = new ArrayList<>();
        List<String> base = rows(10);
        for (int i = 0; i < base.size(); i++) {
            rows.add(base.get(i) + "," + (i == 5 ? weight : "1"));
        }
        String file = csv(slug(name) + ".csv", HEADER + ",w", rows);
        return bad(name, 3, args(file, "--weightCol", "w"), "data row 6", file, problem);
    }

    private static Arguments badFolds(String name, java.util.function.IntFunction<String> fold, String... mentions)
            throws IOException {
        List<String> rows = new ArrayList<>();
        List<String> base = rows(12);
        for (int i = 0; i < base.size(); i++) {
            rows.add(base.get(i) + "," + fold.apply(i));
        }
        String file = csv(slug(name) + ".csv", HEADER + ",fold", rows);
        return bad(name, 3, args(file, "--foldCol", "fold"), mentions);
    }

    private static Arguments badLibsvm(String name, String line, String... problem) throws IOException {
        String file = write(slug(name) + ".libsvm", "1 1:0.5 2:1\n# a comment\n0 1:1.5\n" + line + "\n1 2:3\n");
        String[] mentions = Stream.concat(Stream.of("1 bad line of 5", "line 4 of " + file), Arrays.stream(problem))
                .toArray(String[]::new);
        return bad(name, 3, args(file), mentions);
    }

    /** A coefficients output (feature, coefficient, lambda): every coefficient 0.5, or 0 when the only λ is 0. */
    private static String coefficients(String name, double[] lambdas, String... features) {
        StructType schema = new StructType().add("feature", DataTypes.StringType)
                .add("coefficient", DataTypes.DoubleType).add("lambda", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (double l : lambdas) {
            rows.add(RowFactory.create("(Intercept)", 1.0, l));
            for (String f : features) {
                rows.add(RowFactory.create(f, lambdas.length == 1 && lambdas[0] == 0 ? 0.0 : 0.5, l));
            }
        }
        return parquet("coefficients-" + name + ".parquet", schema, rows);
    }

    private static String parquetWithStringFeature() {
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("x1", DataTypes.DoubleType)
                .add("x2", DataTypes.StringType);
        return parquet("string-feature.parquet", schema, List.of(RowFactory.create(1.0, 2.0, "a"),
                RowFactory.create(2.0, 3.0, "b")));
    }

    private static String parquetWithArrayFeature() {
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("x1", DataTypes.DoubleType)
                .add("x2", DataTypes.createArrayType(DataTypes.DoubleType));
        return parquet("array-feature.parquet", schema, List.of(RowFactory.create(1.0, 2.0, new double[] {1, 2}),
                RowFactory.create(2.0, 3.0, new double[] {3, 4})));
    }

    private static String parquetWithNaNInVector() {
        StructType schema = new StructType().add("label", DataTypes.DoubleType).add("features", new VectorUDT());
        return parquet("nan-vector.parquet", schema, List.of(
                RowFactory.create(1.0, Vectors.dense(1, 2)),
                RowFactory.create(2.0, Vectors.sparse(2, new int[] {1}, new double[] {Double.NaN})),
                RowFactory.create(3.0, Vectors.dense(0, 1))));
    }

    private static String parquet(String name, StructType schema, List<Row> rows) {
        String path = tmp.resolve(name).toString();
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(path);
        return path;
    }

    /** label = 3 + 2·x1 − x2 + 0.5·x3 + small deterministic noise. */
    static List<String> rows(int n) {
        return ErrorHandlingTest.goodRows(n);
    }

    static String csv(String name, String header, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        return write(name, String.join("\n", lines) + "\n");
    }

    static String write(String name, String content) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, content);
        return file.toString();
    }

    private static int files;

    /** A file name unique to the case (names such as "+Inf" and "-Inf" differ only in symbols). */
    private static String slug(String name) {
        return (++files) + "-" + name.replaceAll("\\W+", "-");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        assertTrue(Files.exists(to.resolve("_SUCCESS")));
    }
}
