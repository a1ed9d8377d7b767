package org.sparklasso.bench;

import org.sparklasso.path.TrainingResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparklasso.cli.ConfigParser;
import org.sparklasso.cli.JobConfig;
import org.sparklasso.path.FittedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classification cases against MLlib's LogisticRegression: B1 (binomial, one λ), B2 (B1's data,
 * our path with K-fold CV vs MLlib's CrossValidator) and M1 (multinomial, one λ). Data, timing and
 * caching go through {@link BenchJob}'s helpers; both models are scored by
 * {@link SharedObjective#evaluateGlm}. MLlib's regParam is mapped by {@link #logisticParams}.
 */
final class GlmCases {
    private static final Logger LOG = LoggerFactory.getLogger(GlmCases.class);

    private final BenchJob job;
    private final SparkSession spark;
    private final BenchSettings s;

    GlmCases(BenchJob job, SparkSession spark, BenchSettings settings) {
        this.job = job;
        this.spark = spark;
        this.s = settings;
    }

    private BenchData.Spec spec(String prefix, int classes) {
        return new BenchData.Spec(s.lng(prefix + ".rows"), s.integer(prefix + ".features"), 0, s.integer("nonzeros"),
                s.dbl("correlation"), s.dbl("noise"), s.lng("seed"), s.integer("partitions"), classes,
                s.dbl("glm.signalSd"));
    }

    BenchReport.CaseResult b1() {
        return single("B1", "binomial dense, correlated features", spec("b1", 2), s.dbl("b1.lambdaRatio"));
    }

    BenchReport.CaseResult m1() {
        int k = s.integer("m1.classes");
        return single("M1", "multinomial (" + k + " classes) dense, correlated features", spec("m1", k),
                s.dbl("m1.lambdaRatio"));
    }

    private static String family(int classes) {
        return classes == 2 ? "binomial" : "multinomial";
    }

    /** One λ = ratio·λ_max: our fit and MLlib's LogisticRegression, scored by the shared objective. */
    private BenchReport.CaseResult single(String name, String description, BenchData.Spec spec, double ratio) {
        String path = job.generate(name, spec);
        int p = spec.features();
        int classes = spec.classes();
        double alpha = s.dbl("alpha");
        boolean standardize = s.bool("standardize");
        SharedObjective.GlmResult pre = SharedObjective.evaluateGlm(spark.read().parquet(path), p, classes, 0, alpha,
                standardize, List.of());
        double lambda = ratio * pre.lambdaMax();
        LOG.info("bench {}: λ_max={} λ={} class counts {}", name, pre.lambdaMax(), lambda,
                Arrays.toString(pre.classCounts()));

        JobConfig cfg = ConfigParser.parse(job.oursArgs(path, family(classes), s.str("glm.oursSolver"), lambda, 0,
                null));
        BenchJob.Ours ours = job.runOurs(name, cfg);

        Dataset<Row> df = job.mllibFrame(path);
        double cacheSeconds = BenchJob.materialize(df);
        double cachedMB = job.cachedMB();
        double[] map = logisticParams(lambda, alpha, standardize, pre.n());
        LogisticRegression lr = logistic(classes, s.dbl("mllib.tol")).setRegParam(map[0]).setElasticNetParam(map[1]);
        LogisticRegressionModel[] last = new LogisticRegressionModel[1];
        BenchReport.Side mllib = job.timeRuns(name + " mllib", s.integer("warmup"), s.integer("runs"), () -> {
            last[0] = lr.fit(df);
            return null;
        });
        LogisticRegressionModel m = last[0];
        int iters = m.summary().totalIterations();
        Map<String, Object> mlExtra = new LinkedHashMap<>();
        mlExtra.put("family", family(classes));
        mlExtra.put("regParam", map[0]);
        mlExtra.put("elasticNetParam", map[1]);
        mlExtra.put("standardization", standardize);
        mlExtra.put("tol", s.dbl("mllib.tol"));
        mlExtra.put("maxIter", s.integer("mllib.maxIter"));
        mlExtra.put("objectiveHistoryLength", m.summary().objectiveHistory().length);
        SharedObjective.ClassModel mlModel = classModel(m);
        mllib = mllib.with(mllibSolver(alpha), cacheSeconds, cachedMB, iters, iters < s.integer("mllib.maxIter"),
                Double.NaN, nnz(mlModel.beta(), p), mlExtra);

        FittedModel fit = ours.model();
        SharedObjective.GlmResult obj = SharedObjective.evaluateGlm(df, p, classes, lambda, alpha, standardize,
                List.of(new SharedObjective.ClassModel(fit.intercepts(), fit.coefficients()), mlModel));
        df.unpersist(true);
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("classCounts", pre.classCounts());
        notes.put("signalSd", spec.signalSd());
        notes.put("lambdaMaxOurs", ours.result().lambdaMax());
        notes.put("lossOurs", obj.losses()[0]);
        notes.put("lossMllib", obj.losses()[1]);
        LOG.info("bench {}: λ_max shared={} ours={}; objective ours={} MLlib={}", name, pre.lambdaMax(),
                ours.result().lambdaMax(), obj.objectives()[0], obj.objectives()[1]);
        return new BenchReport.CaseResult(name, description, spec.rows(), p, 0, lambda, pre.lambdaMax(),
                job.generateSeconds.getOrDefault(spec, 0.0), ours.side(), mllib, obj.objectives()[0],
                obj.objectives()[1], notes, null);
    }

    /** B2: our binomial path with K-fold CV (deviance) against MLlib's CrossValidator (logLoss). */
    BenchReport.CaseResult b2() {
        BenchData.Spec spec = spec("b1", 2);
        String path = job.generate("B1", spec);
        int p = spec.features();
        int k = s.integer("b2.nfolds");
        double alpha = s.dbl("alpha");
        boolean standardize = s.bool("standardize");
        SharedObjective.GlmResult pre = SharedObjective.evaluateGlm(spark.read().parquet(path), p, 2, 0, alpha,
                standardize, List.of());
        List<String> args = new ArrayList<>(Arrays.asList(job.oursArgs(path, "binomial", s.str("glm.oursSolver"),
                Double.NaN, k, s.str("b2.nlambda"))));
        args.addAll(List.of("--typeMeasure", "deviance"));
        BenchJob.Ours ours = job.runOurs("B2", ConfigParser.parse(args.toArray(new String[0])));
        TrainingResult r = ours.result();
        int nl = r.fits().size();
        double hi = r.fits().get(0).lambda();
        double lo = r.fits().get(nl - 1).lambda();
        Map<String, Object> oursExtra = BenchJob.cvExtra(ours, k, "deviance");
        oursExtra.put("cvLogLossAtLambdaMin", (Double) oursExtra.get("cvAtLambdaMin") / 2);
        BenchReport.Side o = ours.side().with(ours.side().solver(), ours.side().loadSeconds(), ours.side().cachedMB(),
                ours.side().iterations(), ours.side().converged(), ours.side().reportedObjective(),
                r.fits().get(r.chosen()).nnz(), oursExtra);

        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("lambdaRange", new double[] {hi, lo});
        notes.put("lambdaMaxOurs", r.lambdaMax());
        String description = "B1 + λ path and " + k + "-fold CV";
        if (s.integer("b2.mllibRuns") == 0) {
            return new BenchReport.CaseResult("B2", description, spec.rows(), p, 0, Double.NaN, pre.lambdaMax(),
                    job.generateSeconds.getOrDefault(spec, 0.0), o, null, Double.NaN, Double.NaN, notes, null);
        }

        Dataset<Row> df = job.mllibFrame(path);
        double cacheSeconds = BenchJob.materialize(df);
        double cachedMB = job.cachedMB();
        int grid = s.integer("b2.mllibGrid");
        double[] regs = new double[grid];
        double[] lambdas = new double[grid];
        double elastic = alpha;
        for (int i = 0; i < grid; i++) {
            lambdas[i] = hi * Math.pow(lo / hi, grid == 1 ? 0 : (double) i / (grid - 1));
            double[] map = logisticParams(lambdas[i], alpha, standardize, pre.n());
            regs[i] = map[0];
            elastic = map[1];
        }
        double tol = s.dbl("b2.mllibTol");
        LogisticRegression lr = logistic(2, tol).setElasticNetParam(elastic);
        ParamMap[] maps = new ParamGridBuilder().addGrid(lr.regParam(), regs).build();
        MulticlassClassificationEvaluator evaluator = new MulticlassClassificationEvaluator().setMetricName("logLoss");
        CrossValidator cv = new CrossValidator().setEstimator(lr).setEstimatorParamMaps(maps).setEvaluator(evaluator)
                .setNumFolds(k).setSeed(s.lng("seed"));
        LogisticRegression warm = lr.copy(new ParamMap()).setRegParam(regs[grid / 2]);
        BenchJob.CrossValidatorRun run = job.timeCrossValidator("B2 mllib", cv, s.integer("b2.mllibRuns"),
                () -> warm.fit(df), df);
        df.unpersist(true);
        Map<String, Object> mlExtra = run.extras(regs, lambdas, k, "logLoss (MulticlassClassificationEvaluator)");
        mlExtra.put("tol", tol);
        mlExtra.put("avgMetrics", run.model().avgMetrics());
        LogisticRegressionModel bestModel = (LogisticRegressionModel) run.model().bestModel();
        BenchReport.Side mllib = run.side().with(mllibSolver(alpha), cacheSeconds, cachedMB, -1, true, Double.NaN,
                nnz(classModel(bestModel).beta(), p), mlExtra);
        return new BenchReport.CaseResult("B2", description, spec.rows(), p, 0, Double.NaN,
                pre.lambdaMax(), job.generateSeconds.getOrDefault(spec, 0.0), o, mllib, Double.NaN, Double.NaN, notes,
                null);
    }

    private LogisticRegression logistic(int classes, double tol) {
        return new LogisticRegression().setFamily(family(classes)).setStandardization(s.bool("standardize"))
                .setFitIntercept(true).setTol(tol).setMaxIter(s.integer("mllib.maxIter"));
    }

    /** MLlib's optimizer: OWLQN with an L1 part, L-BFGS without (no bounds set here). */
    private static String mllibSolver(double alpha) {
        return alpha > 0 ? "owlqn" : "l-bfgs";
    }

    /** An MLlib model as a shared-objective model (binomial: one row, the logit of class 1). */
    static SharedObjective.ClassModel classModel(LogisticRegressionModel m) {
        Matrix c = m.coefficientMatrix();
        int rows = c.numRows();
        int p = c.numCols();
        double[] beta = new double[rows * p];
        for (int k = 0; k < rows; k++) {
            for (int j = 0; j < p; j++) {
                beta[k * p + j] = c.apply(k, j);
            }
        }
        return new SharedObjective.ClassModel(m.interceptVector().toArray(), beta);
    }

    /** Features with a nonzero coefficient in any class. */
    private static int nnz(double[] beta, int p) {
        int n = 0;
        for (int j = 0; j < p; j++) {
            for (int k = 0; k * p < beta.length; k++) {
                if (beta[k * p + j] != 0) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /**
     * MLlib's (regParam, elasticNetParam) for our (λ, α). LogisticRegression minimizes the mean
     * log-loss plus regParam·[α_m Σ|β̃ⱼ| + (1−α_m)/2 Σβ̃ⱼ²] on coefficients scaled by the features'
     * sample standard deviations σ̂ⱼ = c·sⱼ (c = √(n/(n−1))) when standardization is on, on the
     * original ones otherwise; glmnet's loss is the same mean (no ½), its penalty uses population
     * sⱼ. So ρα_m = λα/c and ρ(1−α_m) = λ(1−α)/c² with standardization (c = 1 without); for the
     * lasso regParam = λ·√((n−1)/n). Returns {regParam, elasticNetParam}.
     */
    static double[] logisticParams(double lambda, double alpha, boolean standardize, long n) {
        double c = standardize ? Math.sqrt(n / (n - 1.0)) : 1;
        double l1 = lambda * alpha / c;
        double l2 = lambda * (1 - alpha) / (c * c);
        double reg = l1 + l2;
        return new double[] {reg, reg > 0 ? l1 / reg : alpha};
    }
}
