package org.sparklasso.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.sparklasso.kernel.Blas;

/**
 * The benchmark's results and their rendering as Markdown tables and JSON. Relative
 * suboptimality is (F − F_best) / F_best with F the shared objective and F_best the better of the
 * two fits; times are medians of the timed runs.
 */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One side's measurements of a case.
     *
     * @param seconds     wall time of each timed fit
     * @param passes      our distributed passes (Result.passes()), or -1 for MLlib
     * @param sparkJobs   Spark jobs during the median fit (MLlib's passes over the data)
     * @param passSeconds wall time of each of those jobs (median over the runs)
     * @param jobSeconds  total wall time of those jobs; the rest of the fit ran on the driver alone
     * @param taskSeconds summed executor run time of their tasks (all cores together)
     * @param iterations  ours: sweeps/steps summed over λ; MLlib: summary.totalIterations (-1: n/a)
     * @param cachedMB    storage memory after loading (negative: some of it spilled to disk)
     */
    public record Side(String solver, double loadSeconds, double cachedMB, List<Double> seconds, int passes,
                       int sparkJobs, List<Double> passSeconds, double jobSeconds, double taskSeconds,
                       int iterations, boolean converged, double reportedObjective, int nnz,
                       Map<String, Object> extra) {

        static Side of(List<Double> seconds, List<List<JobTimer.Job>> jobs, Integer passes) {
            int mid = medianIndex(seconds);
            List<JobTimer.Job> midJobs = jobs.get(mid);
            boolean aligned = jobs.stream().allMatch(j -> j.size() == midJobs.size());
            List<Double> perPass = new ArrayList<>();
            for (int i = 0; i < midJobs.size(); i++) {
                int ii = i;
                perPass.add(aligned ? BenchReport.median(jobs.stream().map(j -> j.get(ii).seconds()).toList())
                        : midJobs.get(i).seconds());
            }
            Map<String, Integer> sites = new LinkedHashMap<>();
            for (JobTimer.Job j : midJobs) {
                sites.merge(j.callSite(), 1, Integer::sum);
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("jobCallSites", sites);
            return new Side(null, Double.NaN, Double.NaN, seconds, passes == null ? -1 : passes, midJobs.size(),
                    perPass, midJobs.stream().mapToDouble(JobTimer.Job::seconds).sum(),
                    midJobs.stream().mapToDouble(JobTimer.Job::taskSeconds).sum(), -1, true, Double.NaN, -1, extra);
        }

        /** The same timings with the remaining fields set ({@code more} added to extra). */
        Side with(String solverName, double load, double mb, int iters, boolean conv, double reported, int nonzeros,
                  Map<String, Object> more) {
            Map<String, Object> all = new LinkedHashMap<>(extra);
            all.putAll(more);
            return new Side(solverName, load, mb, seconds, passes, sparkJobs, passSeconds, jobSeconds, taskSeconds,
                    iters, conv, reported, nonzeros, all);
        }

        public double median() {
            return BenchReport.median(seconds);
        }
    }

    /** One case; {@code notRun} set (and the rest empty) when it was skipped. */
    public record CaseResult(String name, String description, long n, int p, int nnzPerRow, double lambda,
                             double lambdaMax, double generateSeconds, Side ours, Side mllib, double oursObjective,
                             double mllibObjective, Map<String, Object> notes, String notRun) {

        static CaseResult notRun(String name, String description, String why) {
            return new CaseResult(name, description, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, null, null,
                    Double.NaN, Double.NaN, new LinkedHashMap<>(), why);
        }

        CaseResult renamed(String newName, String note) {
            Map<String, Object> m = new LinkedHashMap<>(notes);
            m.put("source", note);
            return new CaseResult(newName, description, n, p, nnzPerRow, lambda, lambdaMax, generateSeconds, ours,
                    mllib, oursObjective, mllibObjective, m, notRun);
        }

        double best() {
            return Math.min(oursObjective, mllibObjective);
        }

        double oursSubopt() {
            return (oursObjective - best()) / best();
        }

        double mllibSubopt() {
            return (mllibObjective - best()) / best();
        }
    }

    private final Map<String, Object> machine;
    private final MemoryBandwidth.Result bandwidth;
    private final DgemmPeak.Result peak;
    private final Map<String, String> settings;
    private final List<CaseResult> cases;
    private final String when = Instant.now().toString();

    BenchReport(Map<String, Object> machine, MemoryBandwidth.Result bandwidth, DgemmPeak.Result peak,
                Map<String, String> settings, List<CaseResult> cases) {
        this.machine = machine;
        this.bandwidth = bandwidth;
        this.peak = peak;
        this.settings = settings;
        this.cases = cases;
    }

    static Map<String, Object> machine(SparkSession spark) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("cpu", procField("/proc/cpuinfo", "model name"));
        String mem = procField("/proc/meminfo", "MemTotal");
        m.put("memoryGiB", mem.endsWith("kB")
                ? Math.round(Long.parseLong(mem.replace("kB", "").trim()) / 1048576.0 * 10) / 10.0 : mem);
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("spark", spark.version());
        m.put("master", spark.sparkContext().master());
        m.put("defaultParallelism", spark.sparkContext().defaultParallelism());
        m.put("driverHeapGiB", Math.round(Runtime.getRuntime().maxMemory() / 1073741824.0 * 10) / 10.0);
        m.put("blas", Blas.implementation());
        m.put("OPENBLAS_NUM_THREADS", System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "(unset)"));
        return m;
    }

    /**
     * A CPU-time sample: busy jiffies of the whole machine (/proc/stat) and of this JVM
     * (/proc/self/stat), to tell how much of the cores other processes took in between two samples.
     */
    record CpuSample(long machineBusy, long self, long nanos) {
        static CpuSample now() {
            long busy = -1;
            long self = -1;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                busy = 0;
                for (int i = 1; i < f.length; i++) {
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(f[i]);
                    }
                }
                self = ProcStat.cpuTicks(Files.readString(Path.of("/proc/self/stat")));
            } catch (Exception e) {
                busy = -1;
            }
            return new CpuSample(busy, self, System.nanoTime());
        }

        /** Fraction of all cores' time that other processes used since {@code before} (NaN if unknown). */
        double othersShareSince(CpuSample before) {
            if (machineBusy < 0 || before.machineBusy < 0) {
                return Double.NaN;
            }
            double hz = 100.0;
            double wall = (nanos - before.nanos) / 1e9 * Runtime.getRuntime().availableProcessors();
            double others = ((machineBusy - before.machineBusy) - (self - before.self)) / hz;
            return wall > 0 ? Math.max(0, others / wall) : Double.NaN;
        }
    }

    private static String procField(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "?";
    }

    static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static int medianIndex(List<Double> xs) {
        double m = median(xs);
        int best = 0;
        for (int i = 1; i < xs.size(); i++) {
            best = Math.abs(xs.get(i) - m) < Math.abs(xs.get(best) - m) ? i : best;
        }
        return best;
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }

    private static String t(double seconds) {
        return Double.isNaN(seconds) ? "—" : seconds < 10 ? f("%.3f", seconds) : f("%.1f", seconds);
    }

    private static String ratio(CaseResult c) {
        if (c.mllib() == null && c.notes().get("timeOverLasso") instanceof Double r) {
            return f("%.3g × the lasso's (ours)", r);
        }
        return c.mllib() == null ? "— (MLlib not run)" : f("%.3g", c.ours().median() / c.mllib().median());
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        int runs = Integer.parseInt(settings.get("runs"));
        b.append("# spark-lasso vs Spark MLlib (").append(when).append(")\n\n");
        b.append(f("Machine: %s cores (%s), %s GiB RAM; %s; Spark %s, master %s; BLAS %s (OPENBLAS_NUM_THREADS=%s); "
                        + "driver heap %s GiB.\n\n", machine.get("nproc"), machine.get("cpu"), machine.get("memoryGiB"),
                machine.get("java"), machine.get("spark"), machine.get("master"), machine.get("blas"),
                machine.get("OPENBLAS_NUM_THREADS"), machine.get("driverHeapGiB")));
        double others = ((Number) machine.getOrDefault("othersCpuShare", Double.NaN)).doubleValue();
        b.append(f("Other processes used %.0f%% of the cores' time during the bench%s.\n\n", 100 * others,
                others > 0.05 ? " — they competed with Spark, so times are inflated and noisier than on an idle "
                + "machine (the share during each case's fits is in the next tables and latest.json)" : ""));
        b.append(f("An empty one-task Spark job (the marker run before and after each fit) takes %.1f ms "
                + "(median of %s).\n\n", 1e3 * ((Number) machine.get("emptyJobSecondsMedian")).doubleValue(),
                machine.get("emptyJobs")));
        b.append(((Number) machine.get("machineMeasurements")).intValue() > 1
                ? "Measured at the start and again before the scale case, the better of the two kept:  \n"
                : "Measured at the start:  \n");
        b.append(f("Memory bandwidth (Java, %d threads over %.2f GB, best of %d): read+sum %.1f GB/s (%s), "
                        + "triad %.1f GB/s.  \n", bandwidth.threads(), bandwidth.bytes() / 1e9, bandwidth.repeats(),
                bandwidth.readGBs(), bandwidth.vectorRead() ? "Vector API" : "scalar loop", bandwidth.triadGBs()));
        b.append(f("Double-precision peak as the BLAS reaches it (%s dgemm, n = %d, %d threads of one BLAS thread "
                        + "each, best of %d): %.1f GFLOP/s.\n\n", peak.blas(), peak.n(), peak.threads(), peak.repeats(),
                peak.gflops()));

        b.append(f("## Fits (median of %d timed runs after %s warm-up runs; ours at scale n ≠ G1 and in scale-cv: %s runs; MLlib in "
                        + "G2: %s run(s), in B2: %s run(s), at "
                        + "scale n ≠ G1: %s run(s)%s)\n\n", runs, settings.get("warmup"), settings.get("scale.runs"),
                settings.get("g2.mllibRuns"),
                settings.get("b2.mllibRuns"), settings.get("scale.mllibRuns"),
                settings.get("g2.mllibRuns").equals(settings.get("runs"))
                        && settings.get("b2.mllibRuns").equals(settings.get("runs"))
                        && settings.get("scale.mllibRuns").equals(settings.get("runs")) ? ""
                        : ", without warm-up runs of their own (MLlib's code is already warm from an earlier fit, "
                        + "or from one untimed plain fit; each such fit takes tens of seconds to minutes)"));
        b.append("| case | data | λ/λ_max | ours solver | ours s | ours passes | MLlib solver | MLlib s "
                + "| MLlib iters / Spark jobs | objective ours | objective MLlib | rel. subopt ours "
                + "| rel. subopt MLlib | time ours/MLlib |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (CaseResult c : cases) {
            if (c.notRun() != null) {
                b.append(f("| %s | %s | | | | | | | | | | | | %s |\n", c.name(), c.description(), c.notRun()));
                continue;
            }
            boolean cv = Double.isNaN(c.lambda());
            if (c.mllib() == null) {
                b.append(f("| %s | %s | %s | %s | %s | %d | — | — | — | — | — | — | — | %s |\n", c.name(), shape(c),
                        cv ? "path" : f("%.3g", c.lambda() / c.lambdaMax()), c.ours().solver(), t(c.ours().median()),
                        c.ours().passes(), ratio(c)));
                continue;
            }
            b.append(f("| %s | %s | %s | %s | %s | %d | %s | %s | %s / %d | %s | %s | %s | %s | %s |\n", c.name(),
                    shape(c), cv ? "path" : f("%.3g", c.lambda() / c.lambdaMax()), c.ours().solver(),
                    t(c.ours().median()), c.ours().passes(), c.mllib().solver(), t(c.mllib().median()),
                    c.mllib().iterations() < 0 ? "—" : c.mllib().iterations()
                            + (c.mllib().converged() ? "" : " (hit maxIter)"),
                    c.mllib().sparkJobs(), cv ? "—" : f("%.10g", c.oursObjective()),
                    cv ? "—" : f("%.10g", c.mllibObjective()), cv ? "—" : f("%.1e", c.oursSubopt()),
                    cv ? "—" : f("%.1e", c.mllibSubopt()), ratio(c)));
        }

        targets(b);

        b.append("\n## Where the fit time goes (median run)\n\n");
        b.append("Ours in local mode runs its passes on the driver's threads, not as Spark jobs (`localPasses`, "
                + "default true): its \"jobs\" below are those passes, their task time the partitions' summed work "
                + "time.\n\n");
        b.append("| case | side | fit s | Spark jobs | jobs wall s | driver-only s | task time s (all cores) "
                + "| mean job s | per-job wall s | others' CPU |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (CaseResult c : cases) {
            if (c.notRun() != null || c.notes().containsKey("source")) {
                continue;
            }
            for (Side side : c.mllib() == null ? List.of(c.ours()) : List.of(c.ours(), c.mllib())) {
                String who = side == c.ours() ? "ours (" + side.solver() + ")" : "MLlib (" + side.solver() + ")";
                List<Double> ps = side.passSeconds();
                String per = ps.size() <= 6 ? String.join(", ", ps.stream().map(x -> f("%.3f", x)).toList())
                        : f("%d jobs: min %.3f, median %.3f, max %.3f", ps.size(),
                        ps.stream().mapToDouble(x -> x).min().orElse(0), median(ps),
                        ps.stream().mapToDouble(x -> x).max().orElse(0));
                Object share = side.extra().get("othersCpuShare");
                b.append(f("| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s |\n", c.name(), who, t(side.median()),
                        side.sparkJobs(), t(side.jobSeconds()), t(side.median() - side.jobSeconds()),
                        t(side.taskSeconds()), side.sparkJobs() == 0 ? "—" : f("%.3f", side.jobSeconds()
                                / side.sparkJobs()), per, share instanceof Double d && !d.isNaN()
                                ? f("%.0f%%", 100 * d) : "?"));
            }
        }

        boolean anyScale = cases.stream().anyMatch(c -> c.name().startsWith("scale n="));
        b.append(anyScale ? "\n## Scale: G1's single fit (ours: cd, pass 1 = moments, pass 2 = Gram)\n\n" : "");
        b.append(!anyScale ? "" : "| n | cached doubles GB | ours s | pass 1 s | pass 2 s | driver-only s "
                + "| ours s/pass "
                + "| pass 1 GB/s (% of read) | Gram GFLOP/s (% of dgemm) | MLlib s | MLlib s/job | time ours/MLlib |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (CaseResult c : cases) {
            if (!c.name().startsWith("scale n=")) {
                continue;
            }
            if (c.notRun() != null) {
                b.append(f("| %s | %s |\n", c.name().substring(8), c.notRun()));
                continue;
            }
            Side o = c.ours();
            double bytes = ((Number) o.extra().get("cachedDoubleBytes")).doubleValue();
            double p1 = o.passSeconds().size() > 0 ? o.passSeconds().get(0) : Double.NaN;
            double p2 = o.passSeconds().size() > 1 ? o.passSeconds().get(1) : Double.NaN;
            b.append(f("| %d | %.2f | %s | %s | %s | %s | %s | %.2f (%.0f%%) | %.2f (%.0f%%) | %s | %s | %s |\n", c.n(),
                    bytes / 1e9, t(o.median()), t(p1), t(p2), t(o.median() - o.jobSeconds()), t(o.median() / o.passes()),
                    passGBs(c), 100 * passGBs(c) / bandwidth.readGBs(), gramGflops(c), 100 * gramGflops(c) / peak.gflops(),
                    t(c.mllib().median()),
                    t(c.mllib().median() / Math.max(1, c.mllib().sparkJobs())), ratio(c)));
        }

        b.append("\n## Data preparation (never inside the fit times)\n\n");
        b.append("| case | generate Parquet s | ours load+pack+cache s | ours cached MB | MLlib DataFrame cache s "
                + "| MLlib cached MB |\n|---|---|---|---|---|---|\n");
        for (CaseResult c : cases) {
            if (c.notRun() != null || c.notes().containsKey("source")) {
                continue;
            }
            boolean ml = c.mllib() != null;
            b.append(f("| %s | %s | %s | %.0f | %s | %s |\n", c.name(), t(c.generateSeconds()),
                    t(c.ours().loadSeconds()), c.ours().cachedMB(), ml ? t(c.mllib().loadSeconds()) : "—",
                    ml ? f("%.0f", c.mllib().cachedMB()) : "—"));
        }

        for (CaseResult c : cases) {
            if (c.notRun() == null && c.ours().extra().containsKey("pathLength")) {
                cvSection(b, c);
            }
        }

        b.append("\n## Definitions\n\n"
                + "- Time: wall time of `Training.train` on the cached blocks (ours) or "
                + "`LinearRegression.fit` / `LogisticRegression.fit` / `CrossValidator.fit` on the cached DataFrame "
                + "(MLlib); generation, "
                + "loading and caching are excluded. A GC, a marker job and a wait for the JIT's compiler threads "
                + "to idle precede each run, outside the timing.\n"
                + "- Ours passes: `Result.passes()` (one Spark job each, or in local mode one fold of the cached "
                + "blocks on the driver's threads). MLlib iters: "
                + "`summary.totalIterations` (normal solver: iterations of its local quasi-Newton solve on the "
                + "driver after ONE data pass; l-bfgs and LogisticRegression: OWLQN iterations, each ≥ 1 pass). "
                + "Spark jobs: jobs seen by a "
                + "listener during the fit (for MLlib, its real passes over the data).\n"
                + "- Objective: glmnet's (1/2n)Σ(y−b₀−xᵀβ)² + λΣ[α sⱼ|βⱼ| + (1−α)/2 sⱼ²βⱼ²] (Gaussian), or the "
                + "mean negative log-likelihood + λΣₖΣⱼ[α sⱼ|βₖⱼ| + (1−α)/2 sⱼ²βₖⱼ²] (B1: binomial; M1: "
                + "multinomial, K coefficient vectors; intercepts unpenalized, so the softmax intercepts' shift does "
                + "not matter), both models scored by one shared function in one pass over the same cached "
                + "DataFrame. Rel. subopt = (F − min(F_ours, F_MLlib)) / min(...).\n"
                + "- MLlib's regParam is mapped from λ (for α = 1: λ with the normal solver, λ·√((n−1)/n) with "
                + "l-bfgs and for LogisticRegression, whose standardization uses sample standard deviations).\n"
                + "- pass 1 GB/s: cached feature and label doubles / wall time of pass 1 (the moments kernel reads "
                + "each block once; the wall time includes a Spark job's fixed latency when passes are jobs), and its "
                + "share of the "
                + "read+sum bandwidth. Gram GFLOP/s: n·p² / wall time of pass 2 (the flops of the Gram's upper "
                + "triangle, 2 per multiply-add), and its share of the dgemm peak (2n³ flops per product).\n"
                + "- driver-only: fit time minus the wall time of its Spark jobs or local passes (solver work on "
                + "the driver, broadcasts, job submission gaps).\n");
        return b.toString();
    }

    /** Pass 1 of a scale case (the moments pass): GB/s of cached doubles. */
    private static double passGBs(CaseResult c) {
        Side o = c.ours();
        double bytes = ((Number) o.extra().get("cachedDoubleBytes")).doubleValue();
        return o.passSeconds().isEmpty() ? Double.NaN : bytes / o.passSeconds().get(0) / 1e9;
    }

    /** Pass 2 of a scale case (the Gram pass): n·p² / its wall time, in GFLOP/s. */
    private static double gramGflops(CaseResult c) {
        Side o = c.ours();
        return o.passSeconds().size() < 2 ? Double.NaN
                : (double) c.n() * c.p() * c.p() / o.passSeconds().get(1) / 1e9;
    }

    /**
     * The targets for the cases that have one and ran: B1, B2 (time ratios), path + CV at
     * n = 10⁶, and the pass speeds at n ≥ 10⁶ (below, a pass is mostly the Spark job's fixed latency).
     */
    private void targets(StringBuilder b) {
        List<String> lines = new ArrayList<>();
        for (CaseResult c : cases) {
            if (c.notRun() != null) {
                continue;
            }
            if (c.name().startsWith("scale n=") && c.n() >= 1_000_000) {
                double share = passGBs(c) / bandwidth.readGBs();
                lines.add(f("- n = %d, pass 1 (moments): %.2f GB/s = %.0f%% of the read bandwidth, target ≥ 50%% — %s",
                        c.n(), passGBs(c), 100 * share, share >= 0.5 ? "met" : "not met"));
                double gram = gramGflops(c) / peak.gflops();
                lines.add(f("- n = %d, pass 2 (Gram): %.1f GFLOP/s = %.0f%% of the dgemm peak, target ≥ 30%% — %s",
                        c.n(), gramGflops(c), 100 * gram, gram >= 0.3 ? "met" : "not met"));
            }
            double limit = c.name().equals("B1") ? 0.2 : c.name().equals("B2") ? 0.02 : Double.NaN;
            if (!Double.isNaN(limit) && c.mllib() != null) {
                double r = c.ours().median() / c.mllib().median();
                lines.add(f("- %s: time ours/MLlib %.3g, target ≤ %s — %s", c.name(), r, limit,
                        r <= limit ? "met" : "not met"));
            }
            if (c.name().equals("scale-cv n=1000000")) {
                double sec = c.ours().median();
                lines.add(f("- G1 at n = 10⁶, path + %s-fold CV: %s s, target ≤ 2 s — %s",
                        c.ours().extra().get("folds"), t(sec), sec <= 2 ? "met" : "not met"));
            }
        }
        if (!lines.isEmpty()) {
            b.append("\nTargets of the issue (on this machine, under the load stated above):\n\n")
                    .append(String.join("\n", lines)).append("\n");
        }
    }

    /** The cross-validation facts of a path + CV case (G2, B2, scale-cv). */
    private static void cvSection(StringBuilder b, CaseResult c) {
        Map<String, Object> o = c.ours().extra();
        String measure = (String) o.get("cvMeasure");
        double at = (Double) o.get("cvAtLambdaMin");
        String ours = measure.equals("mse") ? f("CV RMSE %.4f", Math.sqrt(at))
                : f("CV %s %.4f = 2 × logLoss %.4f", measure, at, at / 2);
        b.append(f("\n## %s: cross-validation\n\nOurs: %s λ values × (%s folds + full fit) = %s fits per run, "
                        + "%s s per λ×fold; lambda.min = %.4g (%s).  \n", c.name(), o.get("pathLength"),
                o.get("folds"), o.get("fitsPerRun"), f("%.2g", (Double) o.get("perLambdaFoldSeconds")),
                (Double) o.get("lambdaMin"), ours));
        if (c.mllib() != null) {
            Map<String, Object> m = c.mllib().extra();
            b.append(f("MLlib CrossValidator: %s regParams × %s folds + final refit = %s fits per run, "
                            + "%s s per λ×fold; best λ = %.4g (%s %.4f).  \n"
                            + "Both grids span λ = %.4g … %.4g (our path's range, log-spaced).\n",
                    m.get("grid"), m.get("folds"), m.get("fitsPerRun"),
                    f("%.2g", (Double) m.get("perLambdaFoldSeconds")), (Double) m.get("bestLambda"),
                    m.get("metric"), (Double) m.get("bestMetric"), ((double[]) c.notes().get("lambdaRange"))[0],
                    ((double[]) c.notes().get("lambdaRange"))[1]));
        } else {
            b.append("MLlib's CrossValidator not run at this size (`scale.cvMllib=false`).\n");
        }
    }

    private static String shape(CaseResult c) {
        return c.nnzPerRow() > 0 ? f("%d × %d, %d nnz/row", c.n(), c.p(), c.nnzPerRow()) : f("%d × %d dense", c.n(),
                c.p());
    }

    String json() throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("time", when);
        root.put("machine", machine);
        Map<String, Object> bw = new LinkedHashMap<>();
        bw.put("readGBs", bandwidth.readGBs());
        bw.put("triadGBs", bandwidth.triadGBs());
        bw.put("bytes", bandwidth.bytes());
        bw.put("threads", bandwidth.threads());
        bw.put("repeats", bandwidth.repeats());
        bw.put("vectorRead", bandwidth.vectorRead());
        root.put("memoryBandwidth", bw);
        Map<String, Object> pk = new LinkedHashMap<>();
        pk.put("dgemmGflops", peak.gflops());
        pk.put("n", peak.n());
        pk.put("threads", peak.threads());
        pk.put("repeats", peak.repeats());
        pk.put("blas", peak.blas());
        root.put("dgemmPeak", pk);
        root.put("settings", settings);
        List<Object> list = new ArrayList<>();
        for (CaseResult c : cases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case", c.name());
            m.put("description", c.description());
            if (c.notRun() != null) {
                m.put("notRun", c.notRun());
                list.add(m);
                continue;
            }
            m.put("n", c.n());
            m.put("p", c.p());
            m.put("nnzPerRow", c.nnzPerRow());
            m.put("lambda", num(c.lambda()));
            m.put("lambdaMax", num(c.lambdaMax()));
            m.put("generateSeconds", num(c.generateSeconds()));
            m.put("ours", side(c.ours()));
            m.put("mllib", c.mllib() == null ? null : side(c.mllib()));
            m.put("objectiveOurs", num(c.oursObjective()));
            m.put("objectiveMllib", num(c.mllibObjective()));
            m.put("relSuboptOurs", num(c.oursSubopt()));
            m.put("relSuboptMllib", num(c.mllibSubopt()));
            m.put("timeRatioOursOverMllib", c.mllib() == null ? null : c.ours().median() / c.mllib().median());
            m.putAll(c.notes());
            list.add(m);
        }
        root.put("cases", list);
        return JSON.writeValueAsString(root);
    }

    private static Object num(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static Map<String, Object> side(Side s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("solver", s.solver());
        m.put("medianSeconds", s.median());
        m.put("seconds", s.seconds());
        m.put("passes", s.passes() < 0 ? null : s.passes());
        m.put("sparkJobs", s.sparkJobs());
        m.put("jobSeconds", s.passSeconds());
        m.put("jobsWallSeconds", s.jobSeconds());
        m.put("driverOnlySeconds", s.median() - s.jobSeconds());
        m.put("taskSeconds", s.taskSeconds());
        m.put("iterations", s.iterations() < 0 ? null : s.iterations());
        m.put("converged", s.converged());
        m.put("reportedObjective", num(s.reportedObjective()));
        m.put("nnz", s.nnz());
        m.put("loadSeconds", num(s.loadSeconds()));
        m.put("cachedMB", num(s.cachedMB()));
        m.putAll(s.extra());
        return m;
    }
}
