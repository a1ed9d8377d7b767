package org.sparklasso.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Headless PNG plots of a regularization path (XChart): coefficient paths against log(λ), the
 * cross-validation curve with its λ.min / λ.1se markers, and a bar chart of the nonzero
 * coefficients at one λ. Every method writes a 1000×650 PNG on a white background and accepts
 * inputs of any size (one λ, one feature, all-zero coefficients); λ values that are not positive
 * have no logarithm and are skipped.
 */
public final class PathPlots {
    static final int WIDTH = 1000;
    static final int HEIGHT = 650;
    /** Features named in the coefficient-path legend (the rest are drawn in light grey). */
    static final int PATH_LEGEND_FEATURES = 10;
    /** At most this many coefficient paths are drawn (the largest by max |coefficient|). */
    static final int MAX_PATHS = 200;
    /** At most this many bars in {@link #nonzeroCoefficients}. */
    static final int MAX_BARS = 40;
    private static final int MAX_LABEL_CHARS = 28;
    /** (3 - √5) / 2: where {@link #addTickAnchor} puts its hidden point within each axis range. */
    private static final double TICK_ANCHOR = 0.3819660112501051;

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font AXIS_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Color GRID = new Color(225, 225, 225);
    private static final Color BACKGROUND_PATH = new Color(200, 200, 200);
    private static final Color ZERO_LINE = new Color(120, 120, 120);
    /** Bars of positive coefficients. */
    static final Color POSITIVE = new Color(31, 119, 180);
    /** Bars of negative coefficients. */
    static final Color NEGATIVE = new Color(214, 39, 40);
    /** Matplotlib's "tab10" palette (grey swapped for navy): colours of the legend features. */
    static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75),
        new Color(227, 119, 194), new Color(0, 0, 110), new Color(188, 189, 34),
        new Color(23, 190, 207)
    };

    /** Cross-validation curve: the mean error markers. */
    static final Color CV_POINT = new Color(220, 20, 20);
    /** Cross-validation curve: the dashed vertical line at λ.min. */
    static final Color LAMBDA_MIN_LINE = new Color(40, 40, 40);
    /** Cross-validation curve: the dotted vertical line at λ.1se. */
    static final Color LAMBDA_1SE_LINE = new Color(31, 119, 180);

    private PathPlots() {
    }

    /**
     * Coefficient paths: one line per feature that is nonzero at some λ, against log(λ).
     *
     * @param lambdas      the path's λ values (normally decreasing)
     * @param coefficients {@code coefficients[k][j]} = coefficient j at {@code lambdas[k]}
     * @param featureNames names of the p features ({@code null} or short: "x1", "x2", … are used)
     * @param png          output file
     */
    public static void coefficientPaths(double[] lambdas, double[][] coefficients, List<String> featureNames, Path png)
            throws IOException {
        coefficientPaths(lambdas, coefficients, featureNames, null, png);
    }

    /**
     * As above; with {@code groupOf} (each feature's group label: the group lasso) every drawn path
     * in its group's colour, the legend naming the groups.
     */
    public static void coefficientPaths(double[] lambdas, double[][] coefficients, List<String> featureNames,
                                        String[] groupOf, Path png) throws IOException {
        save(coefficientPathsChart(lambdas, coefficients, featureNames, groupOf), png);
    }

    /** The chart {@link #coefficientPaths} writes (package-private: tests map data to pixels with it). */
    static XYChart coefficientPathsChart(double[] lambdas, double[][] coefficients, List<String> featureNames) {
        return coefficientPathsChart(lambdas, coefficients, featureNames, null);
    }

    /** As above, coloured by group when {@code groupOf} is given. */
    static XYChart coefficientPathsChart(double[] lambdas, double[][] coefficients, List<String> featureNames,
                                         String[] groupOf) {
        if (lambdas == null || coefficients == null || lambdas.length != coefficients.length) {
            throw new IllegalArgumentException("need one coefficient row per lambda");
        }
        int[] ks = positiveLambdaIndices(lambdas);
        int p = 0;
        for (double[] row : coefficients) {
            p = Math.max(p, row == null ? 0 : row.length);
        }
        double[] x = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            x[i] = Math.log(lambdas[ks[i]]);
        }
        double[] maxAbs = new double[p];
        for (int k : ks) {
            double[] row = coefficients[k];
            for (int j = 0; row != null && j < row.length; j++) {
                maxAbs[j] = Math.max(maxAbs[j], Math.abs(coef(row, j)));
            }
        }
        List<Integer> nonzero = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (maxAbs[j] > 0) {
                nonzero.add(j);
            }
        }
        nonzero.sort(Comparator.comparingDouble((Integer j) -> -maxAbs[j]).thenComparingInt(j -> j));
        int drawn = Math.min(nonzero.size(), MAX_PATHS);
        // Only the drawn paths are copied out (p may be huge).
        double[][] paths = new double[drawn][ks.length];
        for (int r = 0; r < drawn; r++) {
            for (int i = 0; i < ks.length; i++) {
                paths[r][i] = coef(coefficients[ks[i]], nonzero.get(r));
            }
        }
        int named = groupOf != null ? 0 : Math.min(drawn, PATH_LEGEND_FEATURES);

        String title = "Coefficient paths";
        if (nonzero.isEmpty()) {
            title += " (all coefficients are zero)";
        } else if (drawn < nonzero.size()) {
            title += " (largest " + drawn + " of " + nonzero.size() + " nonzero features shown)";
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle("log(λ)").yAxisTitle("coefficient").build();
        styleAxes(chart.getStyler());
        chart.getStyler().setLegendVisible(named > 0 || groupOf != null && drawn > 0);

        double[] xRange = range(x, x);
        double lo = 0;
        double hi = 0;
        for (int r = 0; r < drawn; r++) {
            for (double v : paths[r]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double[] yRange = {lo, hi};
        applyRange(chart.getStyler(), xRange, yRange);
        addTickAnchor(chart, xRange, yRange);
        decimalPatterns(chart.getStyler(), xRange, yRange);

        // y = 0 reference line, then the unnamed paths (grey, underneath), then the named ones.
        XYSeries zero = chart.addSeries(" zero", new double[] {xRange[0], xRange[1]}, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(ZERO_LINE);
        zero.setLineStyle(new BasicStroke(1f));
        zero.setShowInLegend(false);
        boolean markers = ks.length == 1;
        Set<String> used = new HashSet<>();
        used.add(" zero");
        used.add(" anchor");
        if (groupOf != null) {
            addGroupedPaths(chart, x, paths, nonzero, groupOf, markers, used);
            return chart;
        }
        for (int r = drawn - 1; r >= named; r--) {
            int j = nonzero.get(r);
            XYSeries s = chart.addSeries(unique(" path " + j, used), x, paths[r]);
            s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setMarkerColor(BACKGROUND_PATH);
            s.setLineColor(BACKGROUND_PATH);
            s.setLineStyle(new BasicStroke(1f));
            s.setShowInLegend(false);
        }
        for (int r = 0; r < named; r++) {
            int j = nonzero.get(r);
            XYSeries s = chart.addSeries(unique(label(featureNames, j), used), x, paths[r]);
            Color c = PALETTE[r % PALETTE.length];
            s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setMarkerColor(c);
            s.setLineColor(c);
            s.setLineStyle(new BasicStroke(2.2f));
        }
        return chart;
    }

    /**
     * The drawn paths in their group's colour (groups in order of their largest path, colours
     * cycling through the palette), the first path of each group named by the group in the legend.
     */
    private static void addGroupedPaths(XYChart chart, double[] x, double[][] paths, List<Integer> nonzero,
                                        String[] groupOf, boolean markers, Set<String> used) {
        java.util.Map<String, Integer> colourOf = new java.util.LinkedHashMap<>();
        for (int r = 0; r < paths.length; r++) {
            String group = groupOf[nonzero.get(r)];
            boolean first = !colourOf.containsKey(group);
            colourOf.putIfAbsent(group, colourOf.size());
            Color c = PALETTE[colourOf.get(group) % PALETTE.length];
            String name = first && colourOf.size() <= PATH_LEGEND_FEATURES ? unique("group " + group, used)
                    : unique(" path " + nonzero.get(r), used);
            XYSeries s = chart.addSeries(name, x, paths[r]);
            s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setMarkerColor(c);
            s.setLineColor(c);
            s.setLineStyle(new BasicStroke(first ? 2.2f : 1.6f));
            s.setShowInLegend(name.startsWith("group "));
        }
    }

    /**
     * Cross-validation curve: mean CV error (red dots) with ±cvsd error bars against log(λ), and
     * dashed vertical lines at log(λ.min) and log(λ.1se).
     *
     * @param lambdas      the path's λ values
     * @param cvm          mean cross-validated error per λ
     * @param cvsd         its standard error per λ ({@code null}: no error bars)
     * @param lambdaMin    λ with the smallest mean error (not drawn when not positive)
     * @param lambda1se    largest λ within one standard error of it (not drawn when not positive)
     * @param measureLabel y-axis label, e.g. "mean squared error"
     * @param png          output file
     */
    public static void cvCurve(double[] lambdas, double[] cvm, double[] cvsd, double lambdaMin, double lambda1se,
            String measureLabel, Path png) throws IOException {
        save(cvCurveChart(lambdas, cvm, cvsd, lambdaMin, lambda1se, measureLabel), png);
    }

    /** The chart {@link #cvCurve} writes (package-private: tests map data to pixels with it). */
    static XYChart cvCurveChart(double[] lambdas, double[] cvm, double[] cvsd, double lambdaMin, double lambda1se,
            String measureLabel) {
        if (lambdas == null || cvm == null || cvm.length != lambdas.length
                || (cvsd != null && cvsd.length != lambdas.length)) {
            throw new IllegalArgumentException("lambdas, cvm and cvsd must have the same length");
        }
        int[] ks = positiveLambdaIndices(lambdas);
        double[] x = new double[ks.length];
        double[] y = new double[ks.length];
        double[] err = new double[ks.length];
        double[] band = new double[2 * ks.length];
        for (int i = 0; i < ks.length; i++) {
            int k = ks[i];
            x[i] = Math.log(lambdas[k]);
            y[i] = Double.isFinite(cvm[k]) ? cvm[k] : 0.0;
            err[i] = cvsd != null && Double.isFinite(cvsd[k]) ? Math.abs(cvsd[k]) : 0.0;
            band[2 * i] = y[i] - err[i];
            band[2 * i + 1] = y[i] + err[i];
        }
        String yLabel = measureLabel == null || measureLabel.isBlank() ? "CV error" : measureLabel;
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Cross-validation").xAxisTitle("log(λ)").yAxisTitle(yLabel).build();
        AxesChartStyler st = chart.getStyler();
        styleAxes(st);
        st.setErrorBarsColorSeriesColor(false);
        st.setErrorBarsColor(new Color(150, 150, 150));
        st.setMarkerSize(8);

        List<double[]> vlines = new ArrayList<>();
        List<String> vnames = new ArrayList<>();
        if (lambdaMin > 0 && Double.isFinite(lambdaMin)) {
            vlines.add(new double[] {Math.log(lambdaMin)});
            vnames.add("lambda.min = " + sig3(lambdaMin));
        }
        if (lambda1se > 0 && Double.isFinite(lambda1se)) {
            vlines.add(new double[] {Math.log(lambda1se)});
            vnames.add("lambda.1se = " + sig3(lambda1se));
        }
        double[] vx = vlines.stream().mapToDouble(v -> v[0]).toArray();
        double[] xRange = range(x, vx);
        double[] yRange = range(band, new double[0]);
        applyRange(st, xRange, yRange);
        addTickAnchor(chart, xRange, yRange);
        decimalPatterns(chart.getStyler(), xRange, yRange);

        XYSeries s = cvsd != null
                ? chart.addSeries("mean ± cvsd", x, y, err) : chart.addSeries("mean CV error", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(CV_POINT);
        s.setLineColor(CV_POINT);
        Color[] lineColors = {LAMBDA_MIN_LINE, LAMBDA_1SE_LINE};
        float[][] dashes = {{8f, 6f}, {3f, 4f}};
        for (int i = 0; i < vx.length; i++) {
            XYSeries v = chart.addSeries(vnames.get(i), new double[] {vx[i], vx[i]}, yRange);
            v.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            v.setMarker(SeriesMarkers.NONE);
            v.setLineColor(lineColors[i]);
            v.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dashes[i], 0f));
        }
        return chart;
    }

    /**
     * Bar chart of the nonzero coefficients at one λ, largest |value| first (at most
     * {@value #MAX_BARS} bars); positive bars blue, negative red.
     *
     * @param featureNames names of the features ({@code null} or short: "x1", "x2", … are used)
     * @param coefficients coefficient j of feature j
     * @param lambda       the λ they belong to (for the title)
     * @param png          output file
     */
    public static void nonzeroCoefficients(List<String> featureNames, double[] coefficients, double lambda, Path png)
            throws IOException {
        save(nonzeroCoefficientsChart(featureNames, coefficients, lambda), png);
    }

    /** The chart {@link #nonzeroCoefficients} writes (package-private: tests map data to pixels with it). */
    static CategoryChart nonzeroCoefficientsChart(List<String> featureNames, double[] coefficients, double lambda) {
        if (coefficients == null) {
            throw new IllegalArgumentException("coefficients must not be null");
        }
        List<Integer> nonzero = new ArrayList<>();
        for (int j = 0; j < coefficients.length; j++) {
            if (coefficients[j] != 0 && Double.isFinite(coefficients[j])) {
                nonzero.add(j);
            }
        }
        nonzero.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(coefficients[j])).thenComparingInt(j -> j));
        int shown = Math.min(nonzero.size(), MAX_BARS);
        String title = "Nonzero coefficients at λ = " + sig3(lambda);
        if (nonzero.isEmpty()) {
            title += ": none";
        } else if (shown < nonzero.size()) {
            title += " (top " + shown + " of " + nonzero.size() + ")";
        }
        List<String> names = new ArrayList<>();
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int longest = 0;
        for (int r = 0; r < shown; r++) {
            int j = nonzero.get(r);
            String name = unique(label(featureNames, j), used);
            names.add(name);
            longest = Math.max(longest, name.length());
            double v = coefficients[j];
            pos.add(v > 0 ? v : 0.0);
            neg.add(v < 0 ? v : 0.0);
        }
        if (names.isEmpty()) {
            names.add("(none)");
            pos.add(0.0);
            neg.add(0.0);
            longest = names.get(0).length();
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle("feature").yAxisTitle("coefficient").build();
        var st = chart.getStyler();
        styleAxes(st);
        st.setLegendVisible(false);
        st.setOverlapped(true);
        st.setAvailableSpaceFill(0.7);
        st.setPlotGridVerticalLinesVisible(false);
        // Rotate the names when they would not fit side by side under their bars (~8 px per char).
        double slot = (WIDTH - 150.0) / names.size();
        if (longest * 8.0 > slot * 0.9) {
            st.setXAxisLabelRotation(90);
        }
        boolean anyPos = pos.stream().anyMatch(v -> v > 0);
        boolean anyNeg = neg.stream().anyMatch(v -> v < 0);
        double lo = anyNeg ? neg.stream().mapToDouble(Double::doubleValue).min().getAsDouble() : 0;
        double hi = anyPos ? pos.stream().mapToDouble(Double::doubleValue).max().getAsDouble() : 0;
        if (hi > lo) {
            // See addTickAnchor: a hidden series keeps XChart from putting y ticks at the bar heights.
            double anchor = lo + TICK_ANCHOR * (hi - lo);
            CategorySeries a = chart.addSeries(" anchor", names, java.util.Collections.nCopies(names.size(), anchor));
            a.setEnabled(false);
            a.setShowInLegend(false);
        }
        if (anyPos || !anyNeg) {
            CategorySeries s = chart.addSeries("positive", names, pos);
            s.setFillColor(POSITIVE);
        }
        if (anyNeg) {
            CategorySeries s = chart.addSeries("negative", names, neg);
            s.setFillColor(NEGATIVE);
        }
        if (!anyPos && !anyNeg) {
            st.setYAxisMin(-1.0);
            st.setYAxisMax(1.0);
        }
        st.setYAxisDecimalPattern(decimalPattern(hi > lo ? lo : -1, hi > lo ? hi : 1));
        return chart;
    }

    // ---------------------------------------------------------------- helpers

    private static void styleAxes(AxesChartStyler st) {
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(true);
        st.setPlotBorderColor(new Color(160, 160, 160));
        st.setPlotGridLinesColor(GRID);
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        st.setChartTitleFont(TITLE_FONT);
        st.setChartTitleBoxVisible(false);
        st.setAxisTitleFont(AXIS_TITLE_FONT);
        st.setAxisTickLabelsFont(TICK_FONT);
        st.setLegendFont(LEGEND_FONT);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendBackgroundColor(Color.WHITE);
        st.setLegendBorderColor(new Color(200, 200, 200));
        st.setLegendSeriesLineLength(28);
        st.setChartFontColor(Color.BLACK);
        st.setAxisTickLabelsColor(Color.BLACK);
        st.setLocale(Locale.ROOT);
        st.setToolTipsEnabled(false);
        st.setChartPadding(12);
    }

    /**
     * XChart 3.8 puts the ticks at the data values themselves (unrounded, e.g. "-4.605170185988091")
     * whenever the distinct values on an axis, in insertion order, happen to be equally spaced —
     * as log(λ) on a geometric λ grid is, or a single point is. A hidden (disabled) first series with
     * one point at an irrational fraction of each range breaks that spacing, so the ordinary "nice"
     * ticks are used; disabled series are neither drawn nor counted in the axis ranges.
     */
    private static void addTickAnchor(XYChart chart, double[] xRange, double[] yRange) {
        XYSeries a = chart.addSeries(" anchor",
                new double[] {xRange[0] + TICK_ANCHOR * (xRange[1] - xRange[0])},
                new double[] {yRange[0] + TICK_ANCHOR * (yRange[1] - yRange[0])});
        a.setEnabled(false);
        a.setShowInLegend(false);
    }

    private static void decimalPatterns(AxesChartStyler st, double[] xRange, double[] yRange) {
        st.setXAxisDecimalPattern(decimalPattern(xRange[0], xRange[1]));
        st.setYAxisDecimalPattern(decimalPattern(yRange[0], yRange[1]));
    }

    /**
     * Tick-label pattern for an axis spanning [lo, hi]. XChart's own choice drops the leading zero
     * below 0.1 (".08"); this keeps it and gives enough decimals for the tick step.
     */
    static String decimalPattern(double lo, double hi) {
        double mag = Math.max(Math.abs(lo), Math.abs(hi));
        double span = hi > lo ? hi - lo : Math.max(mag, 1.0);
        if (mag >= 1e6 || (mag > 0 && mag < 1e-4) || span < 1e-5) {
            return "0.##E0";
        }
        int decimals = (int) Math.max(0, Math.min(10, 3 - Math.floor(Math.log10(span))));
        return decimals == 0 ? "0" : "0." + "#".repeat(decimals);
    }

    /** Indices of the positive, finite λ values (the only ones with a logarithm). */
    private static int[] positiveLambdaIndices(double[] lambdas) {
        int[] ks = java.util.stream.IntStream.range(0, lambdas.length)
                .filter(k -> lambdas[k] > 0 && Double.isFinite(lambdas[k])).toArray();
        if (ks.length == 0) {
            throw new IllegalArgumentException("no positive lambda to plot against log(lambda)");
        }
        return ks;
    }

    /** [min, max] over both arrays. */
    private static double[] range(double[] a, double[] b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] arr : List.of(a, b)) {
            for (double v : arr) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return new double[] {lo, hi};
    }

    /**
     * Pads degenerate (zero-width) ranges so XChart still draws a sensible axis; in place, so
     * the caller's lines can span the axis.
     */
    private static void applyRange(AxesChartStyler st, double[] xRange, double[] yRange) {
        if (!(xRange[1] > xRange[0])) {
            double pad = Math.max(0.5, Math.abs(xRange[0]) * 0.1);
            xRange[0] -= pad;
            xRange[1] += pad;
            st.setXAxisMin(xRange[0]);
            st.setXAxisMax(xRange[1]);
        }
        if (!(yRange[1] > yRange[0])) {
            double pad = yRange[0] == 0 ? 1.0 : Math.abs(yRange[0]) * 0.1;
            yRange[0] -= pad;
            yRange[1] += pad;
            st.setYAxisMin(yRange[0]);
            st.setYAxisMax(yRange[1]);
        }
    }

    /** Coefficient j of a row; missing or non-finite entries count as 0. */
    private static double coef(double[] row, int j) {
        return row != null && j < row.length && Double.isFinite(row[j]) ? row[j] : 0.0;
    }

    private static String label(List<String> featureNames, int j) {
        String name = featureNames != null && j < featureNames.size() ? featureNames.get(j) : null;
        if (name == null || name.isBlank()) {
            name = "x" + (j + 1);
        }
        name = name.strip();
        return name.length() > MAX_LABEL_CHARS ? name.substring(0, MAX_LABEL_CHARS - 1) + "…" : name;
    }

    /** XChart needs distinct series/category names. */
    private static String unique(String name, Set<String> used) {
        String n = name;
        for (int i = 2; !used.add(n); i++) {
            n = name + " (" + i + ")";
        }
        return n;
    }

    /** Three significant digits, e.g. 0.0123, 1.23, 1.23e-05. */
    static String sig3(double v) {
        if (v == 0) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }

    static void save(Chart<?, ?> chart, Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
