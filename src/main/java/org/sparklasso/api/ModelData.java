package org.sparklasso.api;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.sparklasso.input.LabelEncoder;
import org.sparklasso.input.LoadedData;
import org.sparklasso.path.FittedModel;
import org.sparklasso.path.TrainingResult;
import org.sparklasso.spec.Family;

/**
 * One fitted model as scoring, saving and export need it: the family, the features and classes by
 * name, the chosen λ's intercepts and coefficients on the original scale of the features, and the
 * path it was chosen from. The one value behind the Spark ML models, {@code score}, the saved model
 * and the PMML file.
 *
 * @param featureNames   one name per feature, in coefficient order
 * @param classNames     the label's classes in class-index order (binomial: the second is the modelled
 *                       one, as in glmnet), or null for gaussian
 * @param numericClasses whether every class name is a number (predictions are then that number)
 * @param intercepts     one per modelled class: 1 for gaussian and binomial, K for multinomial
 * @param coefficients   intercepts.length blocks of p coefficients (class-major)
 * @param summary        the λ path and cross-validation the model was chosen from
 */
public record ModelData(Family family, List<String> featureNames, List<String> classNames, boolean numericClasses,
                        double lambda, double[] intercepts, double[] coefficients, PathSummary summary)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public ModelData {
        featureNames = List.copyOf(featureNames);
        classNames = classNames == null ? null : List.copyOf(classNames);
        if (coefficients.length != intercepts.length * featureNames.size()) {
            throw new IllegalArgumentException(coefficients.length + " coefficients for " + intercepts.length
                    + " class(es) of " + featureNames.size() + " features");
        }
    }

    /**
     * The model a fit keeps: cross-validation's choice (lambdaChoice; relax: the chosen blend), else the
     * last model of the path (the smallest λ; a single given λ is that λ).
     */
    public static ModelData of(TrainingResult result, LoadedData data, Family family) {
        List<FittedModel> kept = result.relaxed() != null ? result.relaxed().written()
                : result.chosen() >= 0 ? List.of(result.fits().get(result.chosen())) : result.fits();
        FittedModel m = kept.get(kept.size() - 1);
        LabelEncoder classes = data.classes();
        return new ModelData(family, data.featureNames(), classes == null ? null : classes.classNames(),
                classes != null && classes.numeric(), m.lambda(), m.intercepts().clone(), m.coefficients().clone(),
                PathSummary.of(result));
    }

    /** The same model with its predictions given as numbers ({@code true}) or as the class names. */
    public ModelData withNumericClasses(boolean numeric) {
        return new ModelData(family, featureNames, classNames, numeric, lambda, intercepts, coefficients, summary);
    }

    public int numFeatures() {
        return featureNames.size();
    }

    /** Modelled classes: 1 for gaussian and binomial, K for multinomial. */
    public int blocks() {
        return intercepts.length;
    }

    /** Features with a nonzero coefficient in any class. */
    public int nnz() {
        int p = numFeatures();
        int nnz = 0;
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < blocks(); k++) {
                if (coefficients[k * p + j] != 0) {
                    nnz++;
                    break;
                }
            }
        }
        return nnz;
    }

    /**
     * The same model on the features {@code keep} only (in that order): scoring then reads only the
     * features that matter, e.g. the nonzero ones, and predicts the same.
     */
    public ModelData restrictedTo(int[] keep) {
        int p = numFeatures();
        double[] beta = new double[blocks() * keep.length];
        List<String> names = new java.util.ArrayList<>(keep.length);
        for (int i = 0; i < keep.length; i++) {
            names.add(featureNames.get(keep[i]));
            for (int k = 0; k < blocks(); k++) {
                beta[k * keep.length + i] = coefficients[k * p + keep[i]];
            }
        }
        return new ModelData(family, names, classNames, numericClasses, lambda, intercepts, beta, summary);
    }

    /** The features with a nonzero coefficient in any class, in feature order. */
    public int[] nonzeroFeatures() {
        int p = numFeatures();
        return java.util.stream.IntStream.range(0, p).filter(j -> {
            for (int k = 0; k < blocks(); k++) {
                if (coefficients[k * p + j] != 0) {
                    return true;
                }
            }
            return false;
        }).toArray();
    }

    /** Class k's coefficient of feature j. */
    public double coefficient(int k, int j) {
        return coefficients[k * numFeatures() + j];
    }

    /**
     * The linear predictor of each modelled class at {@code x}: intercept + coefficients · x (one value
     * for gaussian and binomial, K for multinomial); sparse vectors cost their stored entries.
     *
     * @throws IllegalArgumentException when x does not have this model's number of features
     */
    public double[] margins(Vector x) {
        int p = numFeatures();
        if (x.size() != p) {
            throw new IllegalArgumentException("a feature vector of size " + x.size() + "; the model has " + p
                    + " features");
        }
        double[] m = intercepts.clone();
        if (x instanceof SparseVector sv) {
            int[] idx = sv.indices();
            double[] val = sv.values();
            for (int k = 0; k < m.length; k++) {
                int base = k * p;
                for (int i = 0; i < idx.length; i++) {
                    m[k] += coefficients[base + idx[i]] * val[i];
                }
            }
        } else {
            double[] val = x.toArray();
            for (int k = 0; k < m.length; k++) {
                int base = k * p;
                double sum = 0;
                for (int j = 0; j < p; j++) {
                    sum += coefficients[base + j] * val[j];
                }
                m[k] += sum;
            }
        }
        return m;
    }

    /**
     * Class probabilities from {@link #margins}: binomial [1 − σ(m), σ(m)], multinomial the softmax
     * (shifted by the largest margin, so it cannot overflow).
     */
    public double[] probabilities(double[] margins) {
        if (family == Family.BINOMIAL) {
            double m = margins[0];
            double p1 = m >= 0 ? 1 / (1 + Math.exp(-m)) : Math.exp(m) / (1 + Math.exp(m));
            return new double[] {1 - p1, p1};
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : margins) {
            max = Math.max(max, v);
        }
        double[] p = new double[margins.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.exp(margins[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
