package org.sparklasso.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

/**
 * Assertions on what a plot PNG shows, not only that it decodes: each series' colour is found
 * where its data put it. The data → pixel mapping is XChart's own, from the same chart laid out
 * again ({@code PathPlots.*Chart} with the same inputs, labels and names included: they move the
 * plot area; painted off-screen); the pixels checked
 * are those of the decoded PNG. Positions are allowed a few pixels (antialiasing, marker size),
 * colours a few units per channel. A plot with its axes but without its data fails every one
 * of these (see PathPlotsTest).
 */
public final class PlotContent {
    /** Search radius around an expected position, in pixels. */
    static final int RADIUS = 3;
    /** Per-channel colour tolerance. */
    static final int COLOUR_TOL = 12;

    private PlotContent() {
    }

    static BufferedImage decode(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), png + " was not written");
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, png + " does not decode as an image");
        assertEquals(PathPlots.WIDTH, img.getWidth(), "width of " + png);
        assertEquals(PathPlots.HEIGHT, img.getHeight(), "height of " + png);
        return img;
    }

    /**
     * Whether a pixel shows colour {@code c} drawn over the white background with at least 60 %
     * coverage (antialiased edges of thin lines blend with white): pixel = a·c + (1 − a)·white,
     * a ≥ 0.6, every channel within {@link #COLOUR_TOL} of that.
     */
    static boolean matches(int rgb, Color c) {
        int[] px = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
        int[] col = {c.getRed(), c.getGreen(), c.getBlue()};
        double num = 0;
        double den = 0;
        for (int i = 0; i < 3; i++) {
            num += (255.0 - px[i]) * (255.0 - col[i]);
            den += (255.0 - col[i]) * (255.0 - col[i]);
        }
        double a = Math.min(1, num / den);
        if (a < 0.6) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (Math.abs(px[i] - (a * col[i] + (1 - a) * 255)) > COLOUR_TOL) {
                return false;
            }
        }
        return true;
    }

    /** Whether a pixel of colour {@code c} lies within {@code r} pixels of (x, y). */
    static boolean near(BufferedImage img, double x, double y, Color c, int r) {
        int cx = (int) Math.round(x);
        int cy = (int) Math.round(y);
        for (int yy = Math.max(0, cy - r); yy <= Math.min(img.getHeight() - 1, cy + r); yy++) {
            for (int xx = Math.max(0, cx - r); xx <= Math.min(img.getWidth() - 1, cx + r); xx++) {
                if (matches(img.getRGB(xx, yy), c)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Data → pixel mapping of a laid-out chart, as XChart's plot content draws it: the plot
     * area's bounds (not the axes', which XChart's own {@code getScreenXFromChart} uses and which
     * differ by a few pixels in x) and the axes' ranges, with the data spanning the central
     * {@code plotContentSize} of each. Read by reflection from XChart 3.8 internals.
     */
    record Mapping(double x0, double w, double xMin, double xMax, double y0, double h, double yMin, double yMax,
                   double content) {
        double x(double v) {
            return x0 + (w - content * w) / 2 + (v - xMin) / (xMax - xMin) * content * w;
        }

        double y(double v) {
            return y0 + h - (h - content * h) / 2 - (v - yMin) / (yMax - yMin) * content * h;
        }
    }

    /** The y-axis label the job gives a cross-validation measure (the layout depends on the label's glyphs). */
    public static String measureLabel(String typeMeasure) {
        return PlotWriter.measureLabel(typeMeasure);
    }

    /** Lays the chart out (XChart computes its axes and plot bounds while painting) and reads its mapping. */
    static Mapping layOut(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        BitmapEncoder.getBufferedImage(chart);
        try {
            Class<?> c = org.knowm.xchart.internal.chartpart.Chart.class;
            Field plotField = c.getDeclaredField("plot");
            plotField.setAccessible(true);
            Rectangle2D b = ((org.knowm.xchart.internal.chartpart.Plot_<?, ?>) plotField.get(chart)).getBounds();
            Method getX = c.getDeclaredMethod("getXAxis");
            Method getY = c.getDeclaredMethod("getYAxis");
            getX.setAccessible(true);
            getY.setAccessible(true);
            Object xAxis = getX.invoke(chart);
            Object yAxis = getY.invoke(chart);
            Method min = xAxis.getClass().getDeclaredMethod("getMin");
            Method max = xAxis.getClass().getDeclaredMethod("getMax");
            min.setAccessible(true);
            max.setAccessible(true);
            double content = ((org.knowm.xchart.style.AxesChartStyler) chart.getStyler()).getPlotContentSize();
            return new Mapping(b.getX(), b.getWidth(), (double) min.invoke(xAxis), (double) max.invoke(xAxis),
                    b.getY(), b.getHeight(), (double) min.invoke(yAxis), (double) max.invoke(yAxis), content);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("XChart internals changed: " + e, e);
        }
    }

    /**
     * The cross-validation plot shows the mean error marker at every (log λ, cvm) and the λ.min
     * and λ.1se lines (their own colours, dashed) at log λ.min and log λ.1se over the error band's
     * height.
     */
    public static void assertCvCurve(Path png, double[] lambdas, double[] cvm, double[] cvsd, double lambdaMin,
                                     double lambda1se, String measureLabel) throws IOException {
        BufferedImage img = decode(png);
        XYChart chart = PathPlots.cvCurveChart(lambdas, cvm, cvsd, lambdaMin, lambda1se, measureLabel);
        Mapping map = layOut(chart);
        int missed = 0;
        StringBuilder where = new StringBuilder();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < lambdas.length; i++) {
            double sx = map.x(Math.log(lambdas[i]));
            double sy = map.y(cvm[i]);
            double sd = cvsd == null ? 0 : cvsd[i];
            lo = Math.min(lo, cvm[i] - sd);
            hi = Math.max(hi, cvm[i] + sd);
            if (!near(img, sx, sy, PathPlots.CV_POINT, RADIUS)) {
                missed++;
                where.append(String.format(" λ[%d] at (%.0f, %.0f)", i, sx, sy));
            }
        }
        assertEquals(0, missed, png + ": no cv mean marker at" + where);
        double top = map.y(hi);
        double bottom = map.y(lo);
        assertVerticalLine(img, map.x(Math.log(lambdaMin)), top, bottom, PathPlots.LAMBDA_MIN_LINE,
                png + ": lambda.min line");
        assertVerticalLine(img, map.x(Math.log(lambda1se)), top, bottom, PathPlots.LAMBDA_1SE_LINE,
                png + ": lambda.1se line");
    }

    /**
     * A (dashed) vertical line of colour {@code c} at x from y = top to bottom: at least 20 % of
     * those rows hold the colour within 2 pixels of x (the dashes cover 43–57 %, less their
     * antialiased ends and what the markers hide; seen: 29 % for the dotted λ.1se line), and the
     * same band 10 pixels to either side holds less than half as much.
     */
    static void assertVerticalLine(BufferedImage img, double x, double top, double bottom, Color c, String what) {
        int rows = 0;
        double[] shifts = {0, -10, 10};
        int[] hits = new int[shifts.length];
        for (int y = (int) Math.ceil(top); y <= (int) Math.floor(bottom); y++) {
            rows++;
            for (int s = 0; s < shifts.length; s++) {
                int cx = (int) Math.round(x + shifts[s]);
                for (int xx = cx - 2; xx <= cx + 2; xx++) {
                    if (xx >= 0 && xx < img.getWidth() && matches(img.getRGB(xx, y), c)) {
                        hits[s]++;
                        break;
                    }
                }
            }
        }
        assertTrue(rows > 20, what + ": only " + rows + " rows between " + top + " and " + bottom);
        assertTrue(hits[0] >= 0.2 * rows, what + " at x=" + Math.round(x) + ": " + hits[0] + " of " + rows + " rows");
        for (int s = 1; s < shifts.length; s++) {
            assertTrue(hits[s] < 0.5 * hits[0], what + " also at x=" + Math.round(x + shifts[s]) + ": not a line at x");
        }
    }

    /**
     * The coefficient-path plot shows, for each of the (up to) {@value PathPlots#PATH_LEGEND_FEATURES}
     * features with the largest |coefficient| (those in the legend, in that order), its palette
     * colour along its path: at ≥ 70 % of the λ where it is nonzero (other paths drawn later may
     * cover some), and at one λ at least.
     */
    public static void assertCoefficientPaths(Path png, double[] lambdas, double[][] coefficients, List<String> names)
            throws IOException {
        BufferedImage img = decode(png);
        XYChart chart = PathPlots.coefficientPathsChart(lambdas, coefficients, names);
        Mapping map = layOut(chart);
        int p = coefficients[0].length;
        double[] maxAbs = new double[p];
        for (double[] row : coefficients) {
            for (int j = 0; j < p; j++) {
                maxAbs[j] = Math.max(maxAbs[j], Math.abs(row[j]));
            }
        }
        List<Integer> ranked = new ArrayList<>(IntStream.range(0, p).filter(j -> maxAbs[j] > 0).boxed().toList());
        ranked.sort(Comparator.comparingDouble((Integer j) -> -maxAbs[j]).thenComparingInt(j -> j));
        assertTrue(!ranked.isEmpty(), "test data: some coefficient must be nonzero");
        double zeroY = map.y(0);
        for (int r = 0; r < Math.min(ranked.size(), PathPlots.PATH_LEGEND_FEATURES); r++) {
            int j = ranked.get(r);
            Color c = PathPlots.PALETTE[r % PathPlots.PALETTE.length];
            int checked = 0;
            int hit = 0;
            for (int k = 0; k < lambdas.length; k++) {
                double sy = map.y(coefficients[k][j]);
                if (coefficients[k][j] == 0 || Math.abs(sy - zeroY) <= RADIUS) {
                    continue; // on the zero line, where every path starts
                }
                checked++;
                if (near(img, map.x(Math.log(lambdas[k])), sy, c, RADIUS)) {
                    hit++;
                }
            }
            if (checked > 0) {
                assertTrue(hit >= 1 && hit >= 0.7 * checked,
                        png + ": path of feature " + j + " (colour " + c + ") at " + hit + " of " + checked + " λ");
            }
        }
    }

    /**
     * The bar chart shows one bar per nonzero coefficient (largest |value| first, at most
     * {@value PathPlots#MAX_BARS}): along the row just beside the zero line, left to right, the
     * runs of the positive and negative colours are the bars in that order, and each bar ends at
     * its value's height.
     */
    public static void assertNonzeroBars(Path png, double[] coefficients, double lambda, List<String> names)
            throws IOException {
        BufferedImage img = decode(png);
        CategoryChart chart = PathPlots.nonzeroCoefficientsChart(names, coefficients, lambda);
        Mapping map = layOut(chart);
        Integer[] order = IntStream.range(0, coefficients.length).filter(j -> coefficients[j] != 0).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer j) -> -Math.abs(coefficients[j])).thenComparingInt(j -> j));
        int shown = Math.min(order.length, PathPlots.MAX_BARS);
        double zeroY = map.y(0);
        // bars shorter than 6 pixels cannot be told from the zero line: not counted
        List<Double> visible = new ArrayList<>();
        for (int r = 0; r < shown; r++) {
            double v = coefficients[order[r]];
            if (Math.abs(map.y(v) - zeroY) >= 6) {
                visible.add(v);
            }
        }
        List<int[]> runs = new ArrayList<>(); // {start, end, sign}
        int start = -1;
        int sign = 0;
        for (int x = 0; x <= img.getWidth(); x++) {
            int s = 0;
            if (x < img.getWidth()) {
                if (matches(img.getRGB(x, (int) Math.round(zeroY) - 3), PathPlots.POSITIVE)) {
                    s = 1;
                } else if (matches(img.getRGB(x, (int) Math.round(zeroY) + 3), PathPlots.NEGATIVE)) {
                    s = -1;
                }
            }
            if (s != sign) {
                if (sign != 0 && x - start >= 3) {
                    runs.add(new int[] {start, x - 1, sign});
                }
                start = x;
                sign = s;
            }
        }
        assertEquals(visible.size(), runs.size(), png + ": bars found beside the zero line");
        assertTrue(shown == 0 || !visible.isEmpty(), "test data: some bar must be taller than 6 pixels");
        for (int r = 0; r < visible.size(); r++) {
            double v = visible.get(r);
            int[] run = runs.get(r);
            assertEquals(v > 0 ? 1 : -1, run[2], png + ": sign of bar " + r);
            int mid = (run[0] + run[1]) / 2;
            Color c = v > 0 ? PathPlots.POSITIVE : PathPlots.NEGATIVE;
            // the bar's far end: the last pixel of its colour going away from the zero line
            int y = (int) Math.round(zeroY) + (v > 0 ? -3 : 3);
            int step = v > 0 ? -1 : 1;
            while (y + step >= 0 && y + step < img.getHeight() && matches(img.getRGB(mid, y + step), c)) {
                y += step;
            }
            double expected = map.y(v);
            assertEquals(expected, y, RADIUS, png + ": end of bar " + r + " (value " + v + ")");
        }
    }
}
