package org.sparklasso.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sparklasso.api.Lasso;
import org.sparklasso.cli.ConfigParser;
import org.sparklasso.cli.JobConfig;
import org.sparklasso.input.DataLoader;
import org.sparklasso.input.LoadedData;
import org.sparklasso.path.FittedModel;
import org.sparklasso.path.TrainingResult;
import org.sparklasso.solver.IterationTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 18's comparison of the solvers on one case (one λ): every solver's relative suboptimality
 * (f − f*)/f* against passes over the data and against seconds, from one traced run each
 * ({@link IterationTrace}: every iterate a pass-based solver evaluates), f* from the family's exact
 * solver at tol 1e-12. All runs share one load of the data and one JVM: the exact solver runs first
 * (its reference fit also warms the pass kernels), then each solver once, timed from the fit's
 * start; so the seconds are those of a warm application, each solver's own code compiled during its
 * run. Writes a markdown table and one PNG per case (two panels, log-scale suboptimality).
 */
final class SolverComparison {
    private static final Logger LOG = LoggerFactory.getLogger(SolverComparison.class);
    /** Suboptimality levels of the table. */
    static final double[] LEVELS = {1e-2, 1e-3, 1e-6};
    /** Floor of the log-scale plots (an exact solver reaches rounding level). */
    private static final double FLOOR = 1e-16;

    /** One traced point: seconds since the fit started, passes, objective. */
    record Point(double seconds, int passes, double objective) {
    }

    /** One solver's run. */
    record Run(String solver, List<Point> trace, double finalObjective, int passes, double seconds) {
    }

    private SolverComparison() {
    }

    /**
     * Runs {@code solvers} on the data at {@code baseArgs} (CLI arguments of a one-λ fit without
     * {@code --solver}); {@code exact} is the family's exact solver for f*. Returns the markdown
     * section and writes {@code solvers-<name>.png} under {@code out}.
     *
     * @param extra per solver, further arguments (budgets)
     */
    static String compare(org.apache.spark.sql.SparkSession spark, String name, String description,
                          List<String> baseArgs, String exact, List<String> solvers, Map<String, List<String>> extra,
                          Path out) throws IOException {
        JobConfig reference = config(baseArgs, exact, List.of("--tol", "1e-12"));
        LoadedData data = new DataLoader(spark, reference.readSpec(), reference.blockSpec()).load();
        List<Run> runs = new ArrayList<>();
        double best;
        try {
            best = objective(Lasso.fit(data, reference.fitSpec()));
            for (String solver : solvers) {
                JobConfig cfg = config(baseArgs, solver, extra.getOrDefault(solver, List.of()));
                Run run = traced(solver, data, cfg);
                runs.add(run);
                best = Math.min(best, run.finalObjective());
                LOG.info("bench {} solvers: {} {} passes {}s objective {}", name, solver, run.passes(),
                        String.format(Locale.ROOT, "%.3f", run.seconds()), run.finalObjective());
            }
        } finally {
            data.release(true);
        }
        plot(name, runs, best, out.resolve("solvers-" + name + ".png"));
        return table(name, description, runs, best);
    }

    /** {@code --KEY VALUE} pairs of baseArgs, with {@code --solver} and {@code more}'s keys set over them. */
    private static JobConfig config(List<String> baseArgs, String solver, List<String> more) {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(baseArgs);
        all.addAll(List.of("--solver", solver));
        all.addAll(more);
        for (int i = 0; i + 1 < all.size(); i += 2) {
            pairs.put(all.get(i), all.get(i + 1));
        }
        List<String> args = new ArrayList<>();
        pairs.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        return ConfigParser.parse(args.toArray(new String[0]));
    }

    private static double objective(TrainingResult r) {
        return r.fits().get(r.fits().size() - 1).solve().objective();
    }

    private static Run traced(String solver, LoadedData data, JobConfig cfg) {
        List<Point> trace = new ArrayList<>();
        long[] start = new long[1];
        IterationTrace.listen((objective, passes) -> trace.add(
                new Point((System.nanoTime() - start[0]) / 1e9, passes, objective)));
        TrainingResult r;
        System.gc();
        start[0] = System.nanoTime();
        try {
            r = Lasso.fit(data, cfg.fitSpec());
        } finally {
            IterationTrace.listen(null);
        }
        double seconds = (System.nanoTime() - start[0]) / 1e9;
        FittedModel fit = r.fits().get(r.fits().size() - 1);
        trace.add(new Point(seconds, r.passes(), fit.solve().objective()));
        return new Run(solver, trace, fit.solve().objective(), r.passes(), seconds);
    }

    /** The first point at or below a relative suboptimality, or null. */
    static Point reached(Run run, double best, double level) {
        for (Point p : run.trace()) {
            if ((p.objective() - best) / Math.abs(best) <= level) {
                return p;
            }
        }
        return null;
    }

    static String table(String name, String description, List<Run> runs, double best) {
        StringBuilder md = new StringBuilder();
        md.append("\n### Solvers on ").append(name).append(": ").append(description).append("\n\n");
        md.append(String.format(Locale.ROOT, "f* = %.12g (the exact solver at tol 1e-12, or the best seen). "
                + "Cells: passes / seconds to reach the relative suboptimality; – = not reached. "
                + "![solvers %s](solvers-%s.png)%n%n", best, name, name));
        md.append("| solver |");
        for (double level : LEVELS) {
            md.append(String.format(Locale.ROOT, " to %.0e |", level));
        }
        md.append(" final suboptimality | passes | seconds |\n|---|");
        md.append("---|".repeat(LEVELS.length)).append("---|---|---|\n");
        for (Run run : runs) {
            md.append("| ").append(run.solver()).append(" |");
            for (double level : LEVELS) {
                Point p = reached(run, best, level);
                md.append(p == null ? " – |" : String.format(Locale.ROOT, " %d / %.2f |", p.passes(), p.seconds()));
            }
            md.append(String.format(Locale.ROOT, " %.2e | %d | %.2f |%n",
                    Math.max(0, (run.finalObjective() - best) / Math.abs(best)), run.passes(), run.seconds()));
        }
        return md.toString();
    }

    private static void plot(String name, List<Run> runs, double best, Path file) throws IOException {
        XYChart byPasses = chart(name + ": suboptimality against passes", "passes over the data");
        XYChart bySeconds = chart(name + ": suboptimality against seconds", "seconds");
        for (Run run : runs) {
            int n = run.trace().size();
            double[] passes = new double[n];
            double[] seconds = new double[n];
            double[] gap = new double[n];
            for (int i = 0; i < n; i++) {
                Point p = run.trace().get(i);
                passes[i] = Math.max(1, p.passes());
                seconds[i] = Math.max(1e-3, p.seconds());
                gap[i] = Math.max(FLOOR, (p.objective() - best) / Math.abs(best));
            }
            series(byPasses.addSeries(run.solver(), passes, gap), n);
            series(bySeconds.addSeries(run.solver(), seconds, gap), n);
        }
        BitmapEncoder.saveBitmap(List.of(byPasses, bySeconds), 1, 2, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String xTitle) {
        XYChart c = new XYChartBuilder().width(640).height(440).title(title).xAxisTitle(xTitle)
                .yAxisTitle("(f − f*) / f*").build();
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisMin(FLOOR);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        return c;
    }

    private static void series(XYSeries s, int points) {
        s.setMarker(points <= 3 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    /** Per solver budgets: enough to show each one's curve without running for minutes. */
    static Map<String, List<String>> budgets(int gdSteps, int subgradientSteps, int epochs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("fista", List.of("--tol", "1e-10"));
        m.put("gd", List.of("--tol", "1e-10", "--maxIter", Integer.toString(gdSteps)));
        m.put("subgradient", List.of("--tol", "1e-10", "--maxIter", Integer.toString(subgradientSteps)));
        m.put("sgd", List.of("--tol", "1e-10", "--epochs", Integer.toString(epochs)));
        return m;
    }
}
