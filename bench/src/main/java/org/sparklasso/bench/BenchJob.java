package org.sparklasso.bench;

import org.sparklasso.api.Lasso;

import org.sparklasso.path.TrainingResult;

import org.sparklasso.spec.JobException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.storage.RDDInfo;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.sparklasso.input.DataLoader;
import org.sparklasso.input.LoadedData;
import org.sparklasso.cli.ConfigParser;
import org.sparklasso.cli.JobConfig;
import org.sparklasso.path.FittedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code bench} command: spark-lasso against Spark MLlib's LinearRegression in one Spark
 * application. Per case: generate the data into a temporary Parquet file, load it our way (cached
 * blocks) and fit, then cache it as MLlib's DataFrame and fit, each timed as the median of
 * {@code runs} fits after {@code warmup} untimed ones; score both models with
 * {@link SharedObjective} in one pass; write {@code latest.md}/{@code latest.json} (see
 * {@link BenchReport}). Generation, loading and caching are timed separately, never inside a fit.
 *
 * <p>The two sides are cached one after the other (ours is unpersisted before MLlib's DataFrame is
 * cached), so they never compete for storage memory. MLlib's {@code regParam} is mapped from our λ
 * by {@link #mllibParams}.
 */
public final class BenchJob {
    private static final Logger LOG = LoggerFactory.getLogger(BenchJob.class);

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final BenchSettings s;
    private final JobTimer timer = new JobTimer();
    private final List<BenchReport.CaseResult> results = new ArrayList<>();
    /** The best memory bandwidth and dgemm peak measured so far ({@link #measureMachine}). */
    private MemoryBandwidth.Result bandwidth;
    private DgemmPeak.Result peak;
    private int machineMeasurements;
    /** Whether an MLlib fit has run in this application (its code is warm). */
    private boolean mllibWarm;
    private final GlmCases glm;

    private BenchJob(SparkSession spark, BenchSettings settings) {
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.s = settings;
        spark.sparkContext().addSparkListener(timer);
        this.glm = new GlmCases(this, spark, settings);
    }

    public static void run(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.parse(args);
        SparkSession spark = SparkSession.builder().appName("spark-lasso bench").getOrCreate();
        try {
            new BenchJob(spark, settings).runAll();
        } finally {
            spark.stop();
        }
    }

    private void runAll() throws Exception {
        BenchReport.CpuSample start = BenchReport.CpuSample.now();
        Map<String, Object> machine = BenchReport.machine(spark);
        measureMachine();
        List<String> cases = s.list("cases");
        BenchReport.CaseResult g1 = null;
        for (String c : cases) {
            switch (c.toUpperCase(Locale.ROOT)) {
                case "G1" -> {
                    g1 = single("G1", "Gaussian dense, correlated features", denseSpec(s.lng("g1.rows")),
                            s.dbl("g1.lambdaRatio"), "auto");
                    results.add(g1);
                }
                case "G2" -> results.add(g2());
                case "S1" -> results.add(single("S1", "Gaussian sparse (LIBSVM-like), "
                                + s.integer("s1.nnzPerRow") + " nonzeros per row",
                        new BenchData.Spec(s.lng("s1.rows"), s.integer("s1.features"), s.integer("s1.nnzPerRow"),
                                s.integer("s1.nonzeros"), s.dbl("correlation"), s.dbl("noise"), s.lng("seed"),
                                s.integer("partitions")),
                        s.dbl("s1.lambdaRatio"), s.str("s1.solver")));
                case "SCALE" -> scale(g1);
                case "B1" -> results.add(glm.b1());
                case "B2" -> results.add(glm.b2());
                case "M1" -> results.add(glm.m1());
                case "PEN" -> results.addAll(penalties());
                case "SOLVERS" -> solverSections.append(solvers());
                default -> throw org.sparklasso.spec.JobException.config("bench: cases: unknown case '" + c
                        + "' (G1, G2, S1, scale, B1, B2, M1, PEN, solvers)");
            }
        }
        machine.put("othersCpuShare", BenchReport.CpuSample.now().othersShareSince(start));
        if (!s.bool("keepData")) {
            for (String path : generated.values()) {
                org.apache.hadoop.fs.Path hp = new org.apache.hadoop.fs.Path(path);
                hp.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(hp, true);
            }
        }
        List<Double> marker = timer.markerSeconds();
        machine.put("emptyJobSecondsMedian", BenchReport.median(marker));
        machine.put("emptyJobs", marker.size());
        machine.put("machineMeasurements", machineMeasurements);
        BenchReport report = new BenchReport(machine, bandwidth, peak, s.all(), results);
        Path out = Path.of(s.str("output"));
        Files.createDirectories(out);
        String md = report.markdown() + solverSections;
        Files.writeString(out.resolve("latest.md"), md);
        Files.writeString(out.resolve("latest.json"), report.json());
        System.out.println(md);
        System.out.println("bench: wrote " + out.resolve("latest.md") + " and " + out.resolve("latest.json"));
    }

    /** The solver comparison's markdown sections (case SOLVERS), appended to the report. */
    private final StringBuilder solverSections = new StringBuilder();

    /**
     * Issue 18's comparison of every solver on one λ of each of {@code solvers.cases} (G1, B1, S1,
     * and G1L: G1 at {@code solvers.largeRows}): suboptimality against passes and seconds, a table
     * and a PNG per case ({@link SolverComparison}).
     */
    private String solvers() throws IOException {
        StringBuilder md = new StringBuilder("\n## Solvers compared (issue 18)\n");
        Map<String, List<String>> budgets = SolverComparison.budgets(s.integer("solvers.gdSteps"),
                s.integer("solvers.subgradientSteps"), s.integer("solvers.epochs"));
        Path out = Path.of(s.str("output"));
        Files.createDirectories(out);
        for (String c : s.list("solvers.cases")) {
            String name = c.toUpperCase(Locale.ROOT);
            switch (name) {
                case "G1", "G1L" -> {
                    BenchData.Spec spec = denseSpec(name.equals("G1") ? s.lng("g1.rows") : s.lng("solvers.largeRows"));
                    String path = generate(name.equals("G1") ? "G1" : "G1L", spec);
                    double lambda = s.dbl("g1.lambdaRatio") * SharedObjective.evaluate(spark.read().parquet(path),
                            spec.features(), 0, s.dbl("alpha"), s.bool("standardize"), List.of()).lambdaMax();
                    md.append(SolverComparison.compare(spark, name, spec.rows() + " × " + spec.features()
                            + " dense gaussian, λ = " + s.str("g1.lambdaRatio") + "·λ_max",
                            List.of(oursArgs(path, "gaussian", "auto", lambda, 0, null)), "cd",
                            List.of("cd", "workingset", "fista", "gd", "sgd", "subgradient"), budgets, out));
                }
                case "S1" -> {
                    BenchData.Spec spec = new BenchData.Spec(s.lng("s1.rows"), s.integer("s1.features"),
                            s.integer("s1.nnzPerRow"), s.integer("s1.nonzeros"), s.dbl("correlation"), s.dbl("noise"),
                            s.lng("seed"), s.integer("partitions"));
                    String path = generate("S1", spec);
                    double lambda = s.dbl("s1.lambdaRatio") * SharedObjective.evaluate(spark.read().parquet(path),
                            spec.features(), 0, s.dbl("alpha"), s.bool("standardize"), List.of()).lambdaMax();
                    md.append(SolverComparison.compare(spark, name, spec.rows() + " × " + spec.features()
                            + " sparse gaussian, " + spec.nnzPerRow() + " nonzeros per row, λ = "
                            + s.str("s1.lambdaRatio") + "·λ_max",
                            List.of(oursArgs(path, "gaussian", "auto", lambda, 0, null)), "workingset",
                            List.of("workingset", "fista", "gd", "sgd", "subgradient"), budgets, out));
                }
                case "B1" -> {
                    BenchData.Spec spec = new BenchData.Spec(s.lng("b1.rows"), s.integer("b1.features"), 0,
                            s.integer("nonzeros"), s.dbl("correlation"), s.dbl("noise"), s.lng("seed"),
                            s.integer("partitions"), 2, s.dbl("glm.signalSd"));
                    String path = generate("B1", spec);
                    double lambda = s.dbl("b1.lambdaRatio") * SharedObjective.evaluateGlm(spark.read().parquet(path),
                            spec.features(), 2, 0, s.dbl("alpha"), s.bool("standardize"), List.of()).lambdaMax();
                    md.append(SolverComparison.compare(spark, name, spec.rows() + " × " + spec.features()
                            + " dense binomial, λ = " + s.str("b1.lambdaRatio") + "·λ_max",
                            List.of(oursArgs(path, "binomial", "auto", lambda, 0, null)), "newton",
                            List.of("newton", "fista", "gd", "sgd", "subgradient"), budgets, out));
                }
                default -> throw org.sparklasso.spec.JobException.config("bench: solvers.cases: unknown case '" + c
                        + "' (G1, G1L, B1, S1)");
            }
        }
        return md.toString();
    }

    /**
     * Issue 17's speed cases: G1's data, λ path and {@code g2.nfolds}-fold CV with each penalty
     * option (the lasso, the adaptive lasso with its ridge init, the group lasso in 20 groups of 5,
     * the relaxed lasso), our own fits only, each reported as a ratio to the lasso's fit time
     * (target: within 2×). Warm medians like every case; the cold one-shot figures are in the
     * issue 17 note (the bench has no cold mode yet).
     */
    private List<BenchReport.CaseResult> penalties() {
        BenchData.Spec spec = denseSpec(s.lng("g1.rows"));
        String path = generate("G1", spec);
        int p = spec.features();
        int k = s.integer("g2.nfolds");
        String groups = java.util.stream.IntStream.range(0, p).mapToObj(j -> "g" + (j / 5 + 1))
                .collect(java.util.stream.Collectors.joining(","));
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("lasso", List.of());
        variants.put("adaptive", List.of("--penalty", "adaptive"));
        variants.put("group", List.of("--penalty", "group", "--groups", groups));
        variants.put("relax", List.of("--relax", "true"));
        List<BenchReport.CaseResult> out = new ArrayList<>();
        double lasso = Double.NaN;
        for (Map.Entry<String, List<String>> v : variants.entrySet()) {
            List<String> args = new ArrayList<>(Arrays.asList(oursArgs(path, "gaussian", "auto", Double.NaN, k,
                    s.str("g2.nlambda"))));
            args.addAll(v.getValue());
            Ours ours = runOurs("PEN " + v.getKey(), ConfigParser.parse(args.toArray(new String[0])));
            double median = ours.side().median();
            lasso = v.getKey().equals("lasso") ? median : lasso;
            Map<String, Object> notes = new LinkedHashMap<>();
            notes.put("penalty", v.getKey());
            notes.put("timeOverLasso", median / lasso);
            out.add(new BenchReport.CaseResult("PEN-" + v.getKey(), "G1 + λ path and " + k + "-fold CV, "
                    + v.getKey(), spec.rows(), p, 0, Double.NaN, Double.NaN, generateSeconds.getOrDefault(spec, 0.0),
                    ours.side(), null, Double.NaN, Double.NaN, notes, null));
        }
        return out;
    }

    private BenchData.Spec denseSpec(long rows) {
        return new BenchData.Spec(rows, s.integer("g1.features"), 0, s.integer("nonzeros"), s.dbl("correlation"),
                s.dbl("noise"), s.lng("seed"), s.integer("partitions"));
    }

    private String dataPath(String name) {
        return s.str("workDir") + "/" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".parquet";
    }

    /** Generates the data of a case (or reuses the file of an identical spec from this run). */
    private final Map<BenchData.Spec, String> generated = new LinkedHashMap<>();
    final Map<BenchData.Spec, Double> generateSeconds = new LinkedHashMap<>();

    String generate(String name, BenchData.Spec spec) {
        if (generated.containsKey(spec)) {
            return generated.get(spec);
        }
        String path = dataPath(name);
        LOG.info("bench {}: generating {} × {}{} into {}", name, spec.rows(), spec.features(),
                spec.nnzPerRow() > 0 ? " (" + spec.nnzPerRow() + " nonzeros per row)" : "", path);
        long t0 = System.nanoTime();
        BenchData.write(spark, spec, path);
        BenchData.flushToDisk(path);
        generateSeconds.put(spec, (System.nanoTime() - t0) / 1e9);
        generated.put(spec, path);
        return path;
    }

    /** One λ: our fit and MLlib's on the same data, scored by the shared objective. */
    private BenchReport.CaseResult single(String name, String description, BenchData.Spec spec, double ratio,
                                          String oursSolver) {
        String path = generate(name, spec);
        int p = spec.features();
        double alpha = s.dbl("alpha");
        boolean standardize = s.bool("standardize");
        SharedObjective.Result pre = SharedObjective.evaluate(spark.read().parquet(path), p, 0, alpha, standardize,
                List.of());
        double lambda = ratio * pre.lambdaMax();
        LOG.info("bench {}: λ_max={} λ={}", name, pre.lambdaMax(), lambda);

        JobConfig cfg = ConfigParser.parse(oursArgs(path, "gaussian", oursSolver, lambda, 0, null));
        Ours ours = runOurs(name, cfg);

        Dataset<Row> df = mllibFrame(path);
        double cacheSeconds = materialize(df);
        double cachedMB = cachedMB();
        double[] map = mllibParams(s.str("mllib.solver"), p, lambda, alpha, standardize, pre.n(), pre.labelSd());
        LinearRegression lr = new LinearRegression().setRegParam(map[0]).setElasticNetParam(map[1])
                .setStandardization(standardize).setFitIntercept(true).setTol(s.dbl("mllib.tol"))
                .setMaxIter(s.integer("mllib.maxIter")).setSolver(s.str("mllib.solver"));
        LinearRegressionModel[] last = new LinearRegressionModel[1];
        boolean scaled = name.startsWith("scale");
        int mlRuns = scaled ? s.integer("scale.mllibRuns") : s.integer("runs");
        int mlWarmup = mlRuns == s.integer("runs") ? s.integer("warmup") : warmMllib(() -> lr.fit(df));
        BenchReport.Side mllib = timeRuns(name + " mllib", mlWarmup, mlRuns, () -> {
            last[0] = lr.fit(df);
            return null;
        });
        LinearRegressionModel m = last[0];
        int iters = m.summary().totalIterations();
        String mlSolver = mllibSolver(s.str("mllib.solver"), p);
        Map<String, Object> mlExtra = new LinkedHashMap<>();
        mlExtra.put("regParam", map[0]);
        mlExtra.put("elasticNetParam", map[1]);
        mlExtra.put("tol", s.dbl("mllib.tol"));
        mlExtra.put("maxIter", s.integer("mllib.maxIter"));
        mlExtra.put("objectiveHistoryLength", m.summary().objectiveHistory().length);
        mllib = mllib.with(mlSolver, cacheSeconds, cachedMB, iters, iters < s.integer("mllib.maxIter"),
                Double.NaN, m.coefficients().numNonzeros(), mlExtra);

        SharedObjective.Result obj = SharedObjective.evaluate(df, p, lambda, alpha, standardize, List.of(
                new SharedObjective.Model(ours.model.intercept(), ours.model.coefficients()),
                new SharedObjective.Model(m.intercept(), m.coefficients().toArray())));
        df.unpersist(true);
        return new BenchReport.CaseResult(name, description, spec.rows(), p, spec.nnzPerRow(), lambda,
                pre.lambdaMax(), generateSeconds.getOrDefault(spec, 0.0), ours.side, mllib, obj.objectives()[0],
                obj.objectives()[1], new LinkedHashMap<>(), null);
    }

    /** G2: our 100-λ path with K-fold CV against MLlib's CrossValidator over a 10-value grid. */
    private BenchReport.CaseResult g2() {
        return gaussianCv("G2", "G1", denseSpec(s.lng("g1.rows")), true);
    }

    /**
     * Our path with K-fold CV on G1-like data ({@code dataName}'s file), and, if {@code withMllib},
     * MLlib's CrossValidator over a log-spaced grid of the same λ range.
     */
    private BenchReport.CaseResult gaussianCv(String name, String dataName, BenchData.Spec spec, boolean withMllib) {
        String path = generate(dataName, spec);
        int p = spec.features();
        int k = s.integer("g2.nfolds");
        double alpha = s.dbl("alpha");
        boolean standardize = s.bool("standardize");
        SharedObjective.Result pre = SharedObjective.evaluate(spark.read().parquet(path), p, 0, alpha, standardize,
                List.of());
        JobConfig cfg = ConfigParser.parse(oursArgs(path, "gaussian", "auto", Double.NaN, k, s.str("g2.nlambda")));
        Ours ours = runOurs(name, cfg);
        TrainingResult r = ours.result;
        int nl = r.fits().size();
        double hi = r.fits().get(0).lambda();
        double lo = r.fits().get(nl - 1).lambda();
        Map<String, Object> oursExtra = cvExtra(ours, k, "mse");
        oursExtra.put("cvRmseAtLambdaMin", Math.sqrt(r.cv().summary().cvm()[r.cv().summary().indexMin()]));
        BenchReport.Side o = ours.side.with(ours.side.solver(), ours.side.loadSeconds(), ours.side.cachedMB(),
                ours.side.iterations(), ours.side.converged(), ours.side.reportedObjective(),
                r.fits().get(r.chosen()).nnz(), oursExtra);
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("lambdaRange", new double[] {hi, lo});
        String description = (dataName.equals("G1") ? "G1" : "G1 at n=" + spec.rows()) + " + λ path and " + k
                + "-fold CV";
        if (!withMllib) {
            return new BenchReport.CaseResult(name, description, spec.rows(), p, 0, Double.NaN, pre.lambdaMax(),
                    generateSeconds.getOrDefault(spec, 0.0), o, null, Double.NaN, Double.NaN, notes, null);
        }

        Dataset<Row> df = mllibFrame(path);
        double cacheSeconds = materialize(df);
        double cachedMB = cachedMB();
        int grid = s.integer("g2.mllibGrid");
        double[] regs = new double[grid];
        double[] lambdas = new double[grid];
        double elastic = 0;
        for (int i = 0; i < grid; i++) {
            lambdas[i] = hi * Math.pow(lo / hi, grid == 1 ? 0 : (double) i / (grid - 1));
            double[] map = mllibParams(s.str("mllib.solver"), p, lambdas[i], alpha, standardize, pre.n(),
                    pre.labelSd());
            regs[i] = map[0];
            elastic = map[1];
        }
        LinearRegression lr = new LinearRegression().setElasticNetParam(elastic).setStandardization(standardize)
                .setFitIntercept(true).setTol(s.dbl("mllib.tol")).setMaxIter(s.integer("mllib.maxIter"))
                .setSolver(s.str("mllib.solver"));
        ParamMap[] maps = new ParamGridBuilder().addGrid(lr.regParam(), regs).build();
        CrossValidator cv = new CrossValidator().setEstimator(lr).setEstimatorParamMaps(maps)
                .setEvaluator(new RegressionEvaluator().setMetricName("rmse")).setNumFolds(k).setSeed(s.lng("seed"));
        LinearRegression warm = lr.copy(new ParamMap()).setRegParam(regs[grid / 2]);
        CrossValidatorRun run = timeCrossValidator("G2 mllib", cv, s.integer("g2.mllibRuns"), () -> warm.fit(df), df);
        df.unpersist(true);
        Map<String, Object> mlExtra = run.extras(regs, lambdas, k, "rmse (RegressionEvaluator)");
        mlExtra.put("bestRmse", run.model().avgMetrics()[run.best()]);
        BenchReport.Side mllib = run.side().with(mllibSolver(s.str("mllib.solver"), p), cacheSeconds, cachedMB, -1, true, Double.NaN,
                ((LinearRegressionModel) run.model().bestModel()).coefficients().numNonzeros(), mlExtra);
        return new BenchReport.CaseResult(name, description, spec.rows(), p, 0, Double.NaN, pre.lambdaMax(),
                generateSeconds.getOrDefault(spec, 0.0), o, mllib, Double.NaN, Double.NaN, notes, null);
    }

    /** Our side's CV facts (path length, folds, lambda.min, CV error there, time per λ×fold). */
    static Map<String, Object> cvExtra(Ours ours, int k, String measure) {
        TrainingResult r = ours.result;
        int nl = r.fits().size();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("pathLength", nl);
        extra.put("folds", k);
        extra.put("fitsPerRun", nl * (k + 1));
        extra.put("lambdaMin", r.cv().summary().lambdaMin());
        extra.put("cvMeasure", measure);
        extra.put("cvAtLambdaMin", r.cv().summary().cvm()[r.cv().summary().indexMin()]);
        extra.put("perLambdaFoldSeconds", BenchReport.median(ours.side.seconds()) / ((double) nl * k));
        return extra;
    }

    /**
     * The memory bandwidth and dgemm peak, keeping the better of this and any earlier measurement:
     * measured at the start and again before the scale case (whose passes are compared with them),
     * so that a moment of load on a shared machine cannot lower the yardstick.
     */
    private void measureMachine() throws Exception {
        long bwBytes = Math.min(s.lng("bandwidth.mb") << 20, Runtime.getRuntime().maxMemory() / 4);
        int cores = Runtime.getRuntime().availableProcessors();
        LOG.info("bench: measuring memory bandwidth over {} MB", bwBytes >> 20);
        MemoryBandwidth.Result bw = MemoryBandwidth.measure(bwBytes, cores, 5);
        if (bandwidth == null || bw.readGBs() > bandwidth.readGBs()) {
            bandwidth = bw;
        }
        LOG.info("bench: measuring the dgemm peak");
        DgemmPeak.Result pk = DgemmPeak.measure(1000, cores, 5);
        if (peak == null || pk.gflops() > peak.gflops()) {
            peak = pk;
        }
        machineMeasurements++;
        System.gc();
    }

    /** G1's single fit at growing n; n = G1's rows reuses G1's measurement. */
    private void scale(BenchReport.CaseResult g1) throws Exception {
        measureMachine();
        List<Long> ns = new ArrayList<>(s.longs("scale.rows"));
        if (s.bool("scale.large")) {
            ns.add(s.lng("scale.largeRows"));
        }
        int p = s.integer("g1.features");
        for (long n : ns) {
            if (n <= 0) {
                continue;
            }
            String name = "scale n=" + n;
            if (g1 != null && n == g1.n() && p == g1.p()) {
                results.add(g1.renamed(name, "G1's fit (same run)"));
                continue;
            }
            String tooBig = tooBig(n, p);
            if (tooBig != null) {
                results.add(BenchReport.CaseResult.notRun(name, "G1's fit at n=" + n, tooBig));
                continue;
            }
            results.add(single(name, "G1's fit at n=" + n, denseSpec(n), s.dbl("g1.lambdaRatio"), "auto"));
        }
        for (long n : s.longs("scale.cvRows")) {
            if (n <= 0) {
                continue;
            }
            String name = "scale-cv n=" + n;
            String tooBig = tooBig(n, p);
            if (tooBig != null) {
                results.add(BenchReport.CaseResult.notRun(name, "G1 at n=" + n + " + λ path and CV", tooBig));
                continue;
            }
            results.add(gaussianCv(name, "scale n=" + n, denseSpec(n), s.bool("scale.cvMllib")));
        }
    }

    /** Why one cached copy of n × p doubles does not fit in storage memory, or null if it does. */
    String tooBig(long n, int p) {
        long heap = Runtime.getRuntime().maxMemory();
        double fraction = spark.sparkContext().conf().getDouble("spark.memory.fraction", 0.6);
        double storage = (heap - (300L << 20)) * fraction;
        double need = n * (double) p * 8 * 1.25;
        return need <= storage ? null : String.format(Locale.ROOT,
                "not run: one cached copy needs ~%.1f GB but storage memory is %.1f GB; raise "
                        + "--driver-memory to at least %dg (16g recommended)", need / 1e9, storage / 1e9,
                (long) Math.ceil((need / fraction + (300L << 20)) / (1L << 30)) + 1);
    }

    /** The train flags of our side: λ (NaN = the computed path of nlambda values), nfolds (0 = no CV). */
    String[] oursArgs(String path, String family, String solver, double lambda, int nfolds, String nlambda) {
        List<String> a = new ArrayList<>(List.of("--input", path, "--format", "parquet", "--featuresCol", "features",
                "--family", family,
                "--output", s.str("workDir") + "/unused-output", "--alpha", s.str("alpha"), "--standardize",
                s.str("standardize"), "--tol", s.str("ours.tol"), "--plots", "false", "--solver", solver,
                "--seed", s.str("seed")));
        if (!Double.isNaN(lambda)) {
            a.addAll(List.of("--lambda", Double.toString(lambda)));
        }
        if (nfolds > 0) {
            a.addAll(List.of("--nfolds", Integer.toString(nfolds), "--nlambda", nlambda,
                    "--lambdaChoice", "lambda.min"));
        }
        if (s.integer("partitions") > 0) {
            a.addAll(List.of("--numPartitions", s.str("partitions")));
        }
        String extra = s.str("ours.args").trim();
        if (!extra.isEmpty()) {
            a.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return a.toArray(new String[0]);
    }

    /** Our side of a case: load, timed fits, and the last fit's chosen (or only) model. */
    record Ours(BenchReport.Side side, TrainingResult result, FittedModel model) {
    }

    /**
     * Loads and times our side of case {@code name}: {@code runs} fits, or {@code scale.runs} at the
     * scale sizes, whose pass speeds are the bandwidth and peak targets (a pass there lasts
     * 50–300 ms, so one disturbed run moves a median of three; our fits cost under a second).
     */
    Ours runOurs(String name, JobConfig cfg) {
        LOG.info("bench {}: loading our blocks", name);
        long t0 = System.nanoTime();
        LoadedData data = new DataLoader(spark, cfg.readSpec(), cfg.blockSpec()).load();
        double load = (System.nanoTime() - t0) / 1e9;
        double mb = cachedMB();
        TrainingResult[] last = new TrainingResult[1];
        BenchReport.Side side;
        try {
            int runs = name.startsWith("scale") ? s.integer("scale.runs") : s.integer("runs");
            side = timeRuns(name + " ours", s.integer("warmup"), runs, () -> {
                last[0] = Lasso.fit(data, cfg.fitSpec());
                return last[0].passes();
            });
        } finally {
            data.release(true);
        }
        TrainingResult r = last[0];
        FittedModel fit = r.fits().get(r.chosen() >= 0 ? r.chosen() : r.fits().size() - 1);
        boolean converged = r.fits().stream().allMatch(f -> f.solve().converged());
        int iterations = r.fits().stream().mapToInt(f -> f.solve().iterations()).sum();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("rows", data.rows());
        extra.put("storedValues", data.storedValues());
        extra.put("cachedDoubleBytes", (data.storedValues() + data.rows()) * 8);
        extra.put("partitions", data.blocks().getNumPartitions());
        extra.put("relativeGap", fit.solve().relativeGap());
        extra.put("tol", cfg.tol());
        side = side.with(r.solver().key(), load, mb, iterations, converged, fit.solve().objective(), fit.nnz(), extra);
        return new Ours(side, r, fit);
    }

    /** How long the JIT's compiler threads must have idled before a timed run ({@link CompilerQuiet}). */
    private static final long QUIET_MILLIS = 100;
    /** The longest wait for that before a timed run starts anyway. */
    private static final long QUIET_MAX_MILLIS = 3000;

    /**
     * Runs {@code fit} warmup + runs times (a GC, and a wait for the JIT's compiler threads to
     * idle, before each, outside the timing) and records the
     * wall times of the timed runs and the Spark jobs of each. {@code fit} returns our pass count,
     * or null for MLlib (whose passes are its Spark jobs).
     */
    BenchReport.Side timeRuns(String label, int warmup, int runs, Supplier<Integer> fit) {
        List<Double> seconds = new ArrayList<>();
        List<List<JobTimer.Job>> jobs = new ArrayList<>();
        Integer passes = null;
        BenchReport.CpuSample cpu0 = BenchReport.CpuSample.now();
        for (int r = 0; r < warmup + runs; r++) {
            System.gc();
            int m0 = timer.sync(jsc);
            double quiet = CompilerQuiet.await(QUIET_MILLIS, QUIET_MAX_MILLIS);
            long t0 = System.nanoTime();
            passes = fit.get();
            double sec = (System.nanoTime() - t0) / 1e9;
            int m1 = timer.sync(jsc);
            List<JobTimer.Job> runJobs = timer.between(m0, m1);
            LOG.info("bench {}: {} {} {}s, {} Spark jobs or local passes{} (JIT quiet after {}s)", label,
                    r < warmup ? "warm-up" : "run", r < warmup ? r + 1 : r - warmup + 1,
                    String.format(Locale.ROOT, "%.3f", sec), runJobs.size(), jobWalls(runJobs),
                    String.format(Locale.ROOT, "%.2f", quiet));
            if (r >= warmup) {
                seconds.add(sec);
                jobs.add(runJobs);
            }
        }
        mllibWarm |= passes == null;
        BenchReport.Side side = BenchReport.Side.of(seconds, jobs, passes);
        side.extra().put("othersCpuShare", BenchReport.CpuSample.now().othersShareSince(cpu0));
        return side;
    }

    /** The wall times of a run's jobs for the log (" of 0.052, 0.244 s"), when there are at most six. */
    private static String jobWalls(List<JobTimer.Job> jobs) {
        if (jobs.isEmpty() || jobs.size() > 6) {
            return "";
        }
        return " of " + String.join(", ", jobs.stream()
                .map(j -> String.format(Locale.ROOT, "%.3f", j.seconds())).toList()) + " s";
    }

    /** A timed CrossValidator: its runs, the last model, and the grid index of its best metric. */
    record CrossValidatorRun(BenchReport.Side side, CrossValidatorModel model, int best) {
        /** The report's MLlib extras of a CrossValidator over {@code regParams} (our λ scale: {@code lambdas}). */
        Map<String, Object> extras(double[] regParams, double[] lambdas, int folds, String metric) {
            int grid = regParams.length;
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("grid", grid);
            extra.put("folds", folds);
            extra.put("fitsPerRun", grid * folds + 1);
            extra.put("regParams", regParams);
            extra.put("bestLambda", lambdas[best]);
            extra.put("metric", metric);
            extra.put("bestMetric", model.avgMetrics()[best]);
            extra.put("perLambdaFoldSeconds", BenchReport.median(side.seconds()) / (grid * folds));
            return extra;
        }
    }

    /**
     * Times MLlib's CrossValidator {@code runs} times (after ours' warm-up count when it runs as
     * often as ours, else after one untimed {@code plainFit}) and picks its best (smallest) metric.
     */
    CrossValidatorRun timeCrossValidator(String label, CrossValidator cv, int runs, Runnable plainFit,
                                         Dataset<Row> df) {
        CrossValidatorModel[] last = new CrossValidatorModel[1];
        int warmup = runs == s.integer("runs") ? s.integer("warmup") : warmMllib(plainFit);
        BenchReport.Side side = timeRuns(label, warmup, runs, () -> {
            last[0] = cv.fit(df);
            return null;
        });
        double[] avg = last[0].avgMetrics();
        int best = 0;
        for (int i = 1; i < avg.length; i++) {
            best = avg[i] < avg[best] ? i : best;
        }
        return new CrossValidatorRun(side, last[0], best);
    }

    /**
     * Before a case whose MLlib side runs without warm-up: one untimed plain fit if MLlib has not
     * run in this application yet (so its code is not cold). Returns 0, the warm-up runs left to do.
     */
    int warmMllib(Runnable plainFit) {
        if (!mllibWarm) {
            LOG.info("bench: warming MLlib up with one untimed fit");
            plainFit.run();
        }
        return 0;
    }

    Dataset<Row> mllibFrame(String path) {
        Dataset<Row> df = spark.read().parquet(path).select("label", "features");
        if (s.integer("partitions") > 0) {
            df = df.repartition(s.integer("partitions"));
        }
        return df.persist(StorageLevel.MEMORY_AND_DISK());
    }

    static double materialize(Dataset<Row> df) {
        long t0 = System.nanoTime();
        df.count();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Megabytes held in Spark's storage (memory; disk too, reported as negative if any spilled). */
    double cachedMB() {
        long mem = 0;
        long disk = 0;
        for (RDDInfo info : spark.sparkContext().getRDDStorageInfo()) {
            mem += info.memSize();
            disk += info.diskSize();
            LOG.info("bench: cached RDD {} '{}': {}/{} partitions cached, {} MB in memory, {} MB on disk", info.id(),
                    info.name(), info.numCachedPartitions(), info.numPartitions(), info.memSize() >> 20,
                    info.diskSize() >> 20);
        }
        if (disk > 0) {
            LOG.warn("bench: {} MB of the cache spilled to disk; timings include disk reads", disk >> 20);
        }
        return disk > 0 ? -(mem + disk) / 1e6 : mem / 1e6;
    }

    /** The solver MLlib's LinearRegression takes: auto = normal up to 4096 features, else l-bfgs. */
    static String mllibSolver(String solver, int p) {
        return solver.equals("auto") ? (p <= 4096 ? "normal" : "l-bfgs") : solver;
    }

    /**
     * MLlib's (regParam, elasticNetParam) for our (λ, α). MLlib standardizes the label too and
     * scales its regularization by 1/σ_y (LinearRegression: effectiveRegParam = regParam / yStd);
     * multiplying its scaled objective by σ_y² gives ours with an L1 weight ρα_m·(σ̂ⱼ/σⱼ) and an L2
     * weight ρ(1−α_m)·σ̂ⱼ²/(σ̂_y σⱼ²). The normal solver (WeightedLeastSquares) uses population
     * standard deviations (σ̂ = σ); the l-bfgs/OWLQN path uses the Summarizer's sample ones
     * (σ̂ = c·σ, c = √(n/(n−1))). So for α = 1 regParam = λ (normal) or λ/c (l-bfgs with
     * standardization; λ without). Returns {regParam, elasticNetParam}.
     */
    static double[] mllibParams(String solver, int p, double lambda, double alpha, boolean standardize, long n,
                                double labelSd) {
        boolean normal = mllibSolver(solver, p).equals("normal");
        double c = Math.sqrt(n / (n - 1.0));
        double l1 = lambda * alpha;
        double l2 = lambda * (1 - alpha) * labelSd;
        if (!normal) {
            l1 = standardize ? l1 / c : l1;
            l2 = standardize ? l2 / c : l2 * c;
        }
        double reg = l1 + l2;
        return new double[] {reg, reg > 0 ? l1 / reg : alpha};
    }
}
