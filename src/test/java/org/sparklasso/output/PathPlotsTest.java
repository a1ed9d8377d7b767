package org.sparklasso.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plots: every PNG decodes at the documented size and is not blank ({@link #assertPlot}), and
 * shows its data where its data belong ({@link PlotContent}): the cv mean markers at their
 * (log λ, cvm), the λ.min and λ.1se lines at their λ, each legend feature's colour along its
 * coefficient path, each nonzero coefficient's bar with its sign and height. The same charts with
 * their axes but no data fail those content assertions (checked here, so they stay able to fail);
 * plus the edge cases (one λ, one feature, all zeros, 500 features, tiny and huge scales).
 */
public class PathPlotsTest {
    @TempDir
    Path dir;

    /** Decodes the PNG and checks its size and that it is not blank. */
    public static void assertPlot(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " was not written");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " does not decode as an image");
        assertEquals(PathPlots.WIDTH, img.getWidth());
        assertEquals(PathPlots.HEIGHT, img.getHeight());
        int nonWhite = 0;
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colors.add(rgb);
                if (rgb != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        assertTrue(nonWhite > 1000, png + ": only " + nonWhite + " non-white pixels");
        assertTrue(colors.size() >= 5, png + ": only " + colors.size() + " colours");
        // Corners are background: white, not transparent/black.
        assertEquals(0xFFFFFF, img.getRGB(0, 0) & 0xFFFFFF);
    }

    private static double[] lambdas(int k, double max, double ratio) {
        double[] l = new double[k];
        for (int i = 0; i < k; i++) {
            l[i] = max * Math.pow(ratio, k == 1 ? 0 : (double) i / (k - 1));
        }
        return l;
    }

    /** Lasso-like paths: feature j enters at its own λ and grows linearly as λ falls. */
    private static double[][] paths(double[] lambdas, int p, long seed) {
        Random rnd = new Random(seed);
        double[] enter = new double[p];
        double[] slope = new double[p];
        for (int j = 0; j < p; j++) {
            enter[j] = lambdas[0] * Math.pow(10, -3 * rnd.nextDouble());
            slope[j] = (rnd.nextBoolean() ? 1 : -1) * (0.5 + 3 * rnd.nextDouble());
        }
        double[][] b = new double[lambdas.length][p];
        for (int k = 0; k < lambdas.length; k++) {
            for (int j = 0; j < p; j++) {
                b[k][j] = slope[j] * Math.max(0, Math.log(enter[j] / lambdas[k]));
            }
        }
        return b;
    }

    private static List<String> names(int p) {
        List<String> n = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            n.add(j == 3 ? "a_rather_long_feature_name_that_gets_truncated" : String.format("feature_%02d", j + 1));
        }
        return n;
    }

    @Test
    void syntheticPathCvCurveAndBars() throws IOException {
        int k = 30;
        int p = 15;
        double[] lambdas = lambdas(k, 2.0, 1e-3);
        double[][] b = paths(lambdas, p, 7);
        List<String> names = names(p);

        Path paths = dir.resolve("paths.png");
        PathPlots.coefficientPaths(lambdas, b, names, paths);
        assertPlot(paths);

        double[] cvm = cvm(lambdas);
        double[] cvsd = cvsd(k);
        Path cv = dir.resolve("cv.png");
        PathPlots.cvCurve(lambdas, cvm, cvsd, lambdas[18], lambdas[12], "mean squared error", cv);
        assertPlot(cv);

        Path bars = dir.resolve("bars.png");
        PathPlots.nonzeroCoefficients(names, b[20], lambdas[20], bars);
        assertPlot(bars);
    }

    private static double[] cvm(double[] lambdas) {
        double[] cvm = new double[lambdas.length];
        for (int i = 0; i < cvm.length; i++) {
            double t = Math.log(lambdas[i]);
            cvm[i] = 1.0 + 0.08 * (t + 3) * (t + 3);
        }
        return cvm;
    }

    private static double[] cvsd(int k) {
        double[] cvsd = new double[k];
        for (int i = 0; i < k; i++) {
            cvsd[i] = 0.05 + 0.01 * i;
        }
        return cvsd;
    }

    @Test
    void plotsShowTheirDataWhereTheDataPutIt() throws IOException {
        int k = 30;
        int p = 15;
        double[] lambdas = lambdas(k, 2.0, 1e-3);
        double[][] b = paths(lambdas, p, 7);
        List<String> names = names(p);
        Path paths = dir.resolve("paths.png");
        PathPlots.coefficientPaths(lambdas, b, names, paths);
        PlotContent.assertCoefficientPaths(paths, lambdas, b, names);

        double[] cvm = cvm(lambdas);
        double[] cvsd = cvsd(k);
        Path cv = dir.resolve("cv.png");
        PathPlots.cvCurve(lambdas, cvm, cvsd, lambdas[18], lambdas[12], "mean squared error", cv);
        PlotContent.assertCvCurve(cv, lambdas, cvm, cvsd, lambdas[18], lambdas[12], "mean squared error");

        Path bars = dir.resolve("bars.png");
        PathPlots.nonzeroCoefficients(names, b[20], lambdas[20], bars);
        PlotContent.assertNonzeroBars(bars, b[20], lambdas[20], names);
    }

    /** Disables every series and pins the axes where the data put them: axes, grid and legend only. */
    private static void axesOnly(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, double xMin, double xMax,
                                 double yMin, double yMax) {
        var st = (org.knowm.xchart.style.AxesChartStyler) chart.getStyler();
        st.setXAxisMin(xMin);
        st.setXAxisMax(xMax);
        st.setYAxisMin(yMin);
        st.setYAxisMax(yMax);
        chart.getSeriesMap().values().forEach(s -> s.setEnabled(false));
    }

    @Test
    void aPlotWithAxesButNoDataFailsTheContentAssertions() throws IOException {
        int k = 30;
        double[] lambdas = lambdas(k, 2.0, 1e-3);
        double lx0 = Math.log(lambdas[k - 1]);
        double lx1 = Math.log(lambdas[0]);
        double[][] b = paths(lambdas, 15, 7);
        List<String> names = names(15);
        Path paths = dir.resolve("empty-paths.png");
        var pathChart = PathPlots.coefficientPathsChart(lambdas, b, names);
        double lo = 0;
        double hi = 0;
        for (double[] row : b) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        axesOnly(pathChart, lx0, lx1, lo, hi);
        PathPlots.save(pathChart, paths);
        assertPlot(paths); // the old, weaker check passes on it
        assertThrows(AssertionError.class, () -> PlotContent.assertCoefficientPaths(paths, lambdas, b, names));

        double[] cvm = cvm(lambdas);
        double[] cvsd = cvsd(k);
        var cvChart = PathPlots.cvCurveChart(lambdas, cvm, cvsd, lambdas[18], lambdas[12], "mean squared error");
        double ylo = Double.POSITIVE_INFINITY;
        double yhi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            ylo = Math.min(ylo, cvm[i] - cvsd[i]);
            yhi = Math.max(yhi, cvm[i] + cvsd[i]);
        }
        axesOnly(cvChart, lx0, lx1, ylo, yhi);
        Path cv = dir.resolve("empty-cv.png");
        PathPlots.save(cvChart, cv);
        assertPlot(cv);
        assertThrows(AssertionError.class, () -> PlotContent.assertCvCurve(cv, lambdas, cvm, cvsd, lambdas[18],
                lambdas[12], "mean squared error"));
        // the markers without the λ lines fail too
        var noLines = PathPlots.cvCurveChart(lambdas, cvm, cvsd, lambdas[18], lambdas[12], "mean squared error");
        noLines.getSeriesMap().values().stream().filter(s -> s.getName().startsWith("lambda."))
                .forEach(s -> s.setEnabled(false));
        Path markersOnly = dir.resolve("markers-only-cv.png");
        PathPlots.save(noLines, markersOnly);
        assertThrows(AssertionError.class, () -> PlotContent.assertCvCurve(markersOnly, lambdas, cvm, cvsd,
                lambdas[18], lambdas[12], "mean squared error"));

        var barChart = PathPlots.nonzeroCoefficientsChart(names, b[20], lambdas[20]);
        barChart.getSeriesMap().values().forEach(s -> s.setEnabled(false));
        barChart.getStyler().setYAxisMin(-5.0);
        barChart.getStyler().setYAxisMax(5.0);
        Path bars = dir.resolve("empty-bars.png");
        PathPlots.save(barChart, bars);
        assertThrows(AssertionError.class, () -> PlotContent.assertNonzeroBars(bars, b[20], lambdas[20], names));
    }

    @Test
    void allZeroCoefficients() throws IOException {
        double[] lambdas = lambdas(10, 1.0, 0.01);
        double[][] zeros = new double[10][4];
        Path paths = dir.resolve("zero-paths.png");
        PathPlots.coefficientPaths(lambdas, zeros, names(4), paths);
        assertPlot(paths);

        Path bars = dir.resolve("zero-bars.png");
        PathPlots.nonzeroCoefficients(names(4), new double[4], 1.0, bars);
        assertPlot(bars);
    }

    @Test
    void singleLambdaAndSingleFeature() throws IOException {
        double[] one = {0.5};
        Path paths = dir.resolve("one-lambda.png");
        PathPlots.coefficientPaths(one, new double[][] {{1.5, -0.7, 0.0}}, List.of("a", "b", "c"), paths);
        assertPlot(paths);

        Path cv = dir.resolve("one-lambda-cv.png");
        PathPlots.cvCurve(one, new double[] {2.0}, new double[] {0.3}, 0.5, 0.5, "deviance", cv);
        assertPlot(cv);

        Path single = dir.resolve("one-feature.png");
        double[] lambdas = lambdas(5, 1.0, 0.1);
        PathPlots.coefficientPaths(lambdas, new double[][] {{0}, {0.1}, {0.2}, {0.3}, {0.4}}, null, single);
        assertPlot(single);

        Path bar = dir.resolve("one-bar.png");
        PathPlots.nonzeroCoefficients(null, new double[] {-0.25}, 0.1, bar);
        assertPlot(bar);
    }

    @Test
    void manyFeaturesAreTruncated() throws IOException {
        double[] lambdas = lambdas(40, 5.0, 1e-3);
        int p = 500;
        double[][] b = paths(lambdas, p, 11);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("gene_" + j);
        }
        Path paths = dir.resolve("many-paths.png");
        PathPlots.coefficientPaths(lambdas, b, names, paths);
        assertPlot(paths);

        Path bars = dir.resolve("many-bars.png");
        PathPlots.nonzeroCoefficients(names, b[39], lambdas[39], bars);
        assertPlot(bars);
    }

    @Test
    void tinyAndHugeScales() throws IOException {
        double[] lambdas = lambdas(25, 1e-4, 1e-3);
        double[][] b = paths(lambdas, 6, 3);
        for (double[] row : b) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= 1e-6;
            }
        }
        Path paths = dir.resolve("tiny-paths.png");
        PathPlots.coefficientPaths(lambdas, b, names(6), paths);
        assertPlot(paths);

        double[] cvm = new double[25];
        double[] cvsd = new double[25];
        for (int i = 0; i < 25; i++) {
            cvm[i] = 3e7 + 1e6 * Math.abs(i - 15);
            cvsd[i] = 4e5;
        }
        Path cv = dir.resolve("huge-cv.png");
        PathPlots.cvCurve(lambdas, cvm, cvsd, lambdas[15], lambdas[10], "mean squared error", cv);
        assertPlot(cv);
    }

    @Test
    void rejectsInputsWithoutAPositiveLambda() {
        assertThrows(IllegalArgumentException.class,
                () -> PathPlots.coefficientPaths(new double[] {0.0}, new double[][] {{1.0}}, null, dir.resolve("x.png")));
        assertThrows(IllegalArgumentException.class,
                () -> PathPlots.cvCurve(new double[] {1.0, 0.5}, new double[] {1.0}, null, 1.0, 1.0, "mse",
                        dir.resolve("y.png")));
    }

    @Test
    void threeSignificantDigits() {
        assertEquals("0.0123", PathPlots.sig3(0.012345));
        assertEquals("1.5", PathPlots.sig3(1.5));
        assertEquals("1.23e-05", PathPlots.sig3(1.2345e-5));
        assertEquals("0", PathPlots.sig3(0));
    }

    @Test
    void tickLabelPatternsKeepTheLeadingZero() {
        assertEquals("0.####", PathPlots.decimalPattern(0, 0.19));
        assertEquals("0.###", PathPlots.decimalPattern(-6.2, 0.7));
        assertEquals("0", PathPlots.decimalPattern(0, 5000));
        assertEquals("0.##E0", PathPlots.decimalPattern(0, 3e-6));
    }
}
