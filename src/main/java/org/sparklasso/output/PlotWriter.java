package org.sparklasso.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sparklasso.path.FittedModel;

/**
 * Renders the run's plots on the driver (headless) and copies them into {@code plots/} of the
 * output: coefficient paths (when more than one λ was fitted), the cross-validation curve (with
 * cross-validation) and the nonzero coefficients of the chosen model (or of the smallest λ).
 */
public final class PlotWriter {
    private PlotWriter() {
    }

    /** The cross-validation plot's y-axis label for a {@code typeMeasure} (package-private for tests). */
    static String measureLabel(String measure) {
        return switch (measure) {
            case "mae" -> "mean absolute error";
            case "deviance" -> "deviance";
            case "class" -> "misclassification error";
            case "auc" -> "AUC";
            default -> "mean squared error";
        };
    }

    /** One name per coefficient: the feature, with its class for multinomial models. */
    private static List<String> coefficientNames(List<String> features, TrainReport r, int classes) {
        if (classes == 1) {
            return features;
        }
        List<String> out = new java.util.ArrayList<>();
        for (int k = 0; k < classes; k++) {
            for (String f : features) {
                out.add(f + " [" + r.classNames().get(k) + "]");
            }
        }
        return out;
    }

    /** Writes the plots; the group lasso's paths coloured by group ({@code groupOf}: each feature's group, or null). */
    public static void write(TrainReport r, List<String> featureNames, String[] groupOf, AtomicOutput out)
            throws IOException {
        Path dir = Files.createTempDirectory("spark-lasso-plots");
        try {
            List<FittedModel> fits = r.fits();
            featureNames = coefficientNames(featureNames, r, fits.get(0).classes());
            if (fits.size() > 1) {
                double[] lambdas = fits.stream().mapToDouble(FittedModel::lambda).toArray();
                double[][] coefs = fits.stream().map(FittedModel::coefficients).toArray(double[][]::new);
                PathPlots.coefficientPaths(lambdas, coefs, featureNames, groupOf, dir.resolve("coefficient_paths.png"));
            }
            if (r.cv() != null) {
                var s = r.cv().summary();
                PathPlots.cvCurve(s.lambdas(), s.cvm(), s.cvsd(), s.lambdaMin(), s.lambda1se(),
                        measureLabel(r.cv().typeMeasure()), dir.resolve("cv_curve.png"));
            }
            FittedModel shown = r.chosen() >= 0 ? fits.get(r.chosen()) : fits.get(fits.size() - 1);
            PathPlots.nonzeroCoefficients(featureNames, shown.coefficients(), shown.lambda(),
                    dir.resolve("nonzero_coefficients.png"));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    out.copyFromLocal(f, "plots/" + f.getFileName());
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
