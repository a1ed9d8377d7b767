package org.sparklasso.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sparklasso.path.FittedModel;
import org.sparklasso.path.RelaxedPath;
import org.sparklasso.solver.SolverResult;

/**
 * Renders {@code metrics.json}. Run-level keys first; then the per-λ keys ({@code lambda},
 * {@code nnz}, {@code objective}, …) of the models in coefficients/: scalars for one model (the
 * one chosen by cross-validation, or a single λ), arrays (largest λ first) for several. {@code fits}
 * always lists every fitted λ of the path as one object each, with the same keys.
 */
public final class MetricsWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsWriter() {
    }

    /** metrics.json of {@code r}, with {@code provenance} ({@link Provenance}) as its last key when not null. */
    public static String toJson(TrainReport r, Map<String, Object> provenance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", r.family());
        m.put("alpha", r.alpha());
        m.put("standardize", r.standardize());
        m.put("fitIntercept", r.fitIntercept());
        m.put("n", r.n());
        m.put("weightSum", r.weightSum());
        m.put("p", r.p());
        m.put("activeFeatures", r.activeFeatures());
        m.put("solver", r.solver());
        m.put("convergenceCriterion", r.family().equals("gaussian") ? "dualityGap" : "kkt");
        if (r.classNames() != null) {
            m.put("classes", r.classNames());
            if (r.family().equals("binomial")) {
                Map<String, Integer> mapping = new LinkedHashMap<>();   // class 0 first, in every run
                mapping.put(r.classNames().get(0), 0);
                mapping.put(r.classNames().get(1), 1);
                m.put("labelMapping", mapping);
            }
        }
        m.put("tol", r.tol());
        m.putAll(r.featureTerms());
        m.put("lambdaMax", finiteOrNull(r.lambdaMax()));
        m.put("pathLength", r.fits().size());
        m.put("computedPath", r.computedPath());
        if (r.cv() != null) {
            m.put("nfolds", r.cv().nfolds());
            m.put("typeMeasure", r.cv().typeMeasure());
            m.put("lambdaMin", r.cv().summary().lambdaMin());
            m.put("lambda1se", r.cv().summary().lambda1se());
            m.put("lambdaChoice", r.lambdaChoice());
            m.put("lambdaChosen", r.fits().get(r.chosen()).lambda());
            m.put("cvMeanChosen", r.cv().summary().cvm()[r.chosen()]);
            m.put("cvStdChosen", r.cv().summary().cvsd()[r.chosen()]);
            if (!r.cv().otherMeasures().isEmpty()) {
                Map<String, Object> atChosen = new LinkedHashMap<>();
                r.cv().otherMeasures().forEach((k, v) -> atChosen.put(k, finiteOrNull(v[r.chosen()])));
                if (atChosen.containsKey("deviance")) {
                    atChosen.put("logLoss", finiteOrNull(r.cv().otherMeasures().get("deviance")[r.chosen()] / 2));
                    atChosen.put("accuracy", finiteOrNull(1 - r.cv().otherMeasures().get("class")[r.chosen()]));
                }
                m.put("cvMeasuresChosen", atChosen);
            }
        } else {
            m.put("nfolds", 0);
        }
        if (r.relaxed() != null) {
            m.put("relax", relaxed(r.relaxed()));
        }
        List<Map<String, Object>> written = new ArrayList<>();
        double[] gammas = r.writtenGammas();
        for (FittedModel f : r.written()) {
            Map<String, Object> one = perLambda(f);
            if (gammas != null) {
                one.put("gamma", gammas[written.size()]);
            }
            written.add(one);
        }
        for (String key : written.isEmpty() ? List.<String>of() : written.get(0).keySet()) {
            Function<Map<String, Object>, Object> get = fit -> fit.get(key);
            m.put(key, written.size() == 1 ? get.apply(written.get(0)) : written.stream().map(get).toList());
        }
        List<Map<String, Object>> fits = new ArrayList<>();
        for (FittedModel f : r.fits()) {
            fits.add(perLambda(f));
        }
        m.put("dataPasses", r.dataPasses());
        m.put("loadSeconds", r.loadSeconds());
        m.put("trainSeconds", r.trainSeconds());
        m.put("partitions", r.partitions());
        m.put("blas", r.blas());
        m.put("fits", fits);
        if (provenance != null) {
            m.put("provenance", provenance);
        }
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The relaxed lasso: its γ values and, with cross-validation, cv.glmnet(relax=TRUE)'s choice. */
    private static Map<String, Object> relaxed(RelaxedPath r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gammas", r.gammas());
        if (r.cv() != null) {
            double[] lambdas = r.cv().get(0).lambdas();
            m.put("lambdaMin", lambdas[r.min()[0]]);
            m.put("gammaMin", r.gammas()[r.min()[1]]);
            m.put("lambda1se", lambdas[r.oneSe()[0]]);
            m.put("gamma1se", r.gammas()[r.oneSe()[1]]);
            m.put("lambdaChosen", lambdas[r.chosenLambda()]);
            m.put("gammaChosen", r.gammas()[r.chosenGamma()]);
            m.put("cvMeanChosen", r.cv().get(r.chosenGamma()).cvm()[r.chosenLambda()]);
            m.put("cvStdChosen", r.cv().get(r.chosenGamma()).cvsd()[r.chosenLambda()]);
            m.put("table", "cv_relaxed/");
        }
        return m;
    }

    private static Map<String, Object> perLambda(FittedModel f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lambda", f.lambda());
        m.put("nnz", f.nnz());
        m.put("sparsityRatio", f.sparsityRatio());
        m.put("nonzeroFraction", f.nonzeroFraction());
        m.put("intercept", f.classes() == 1 ? (Object) f.intercept() : f.intercepts());
        m.put("objective", f.solve().objective());
        m.put("dualityGap", f.solve().gap());
        m.put("relativeGap", f.solve().relativeGap());
        m.put("converged", f.solve().converged());
        SolverResult.Approximate approximate = f.solve().approximate();
        if (approximate != null) {
            // a solver that cannot certify its answer says how it stopped and what thresholding gives
            m.put("stoppingRule", approximate.stoppingRule());
            m.put("nnzThresholded", f.thresholdedNnz());
            m.put("objectiveThresholded", approximate.thresholdedObjective());
        }
        m.put("iterations", f.solve().iterations());
        m.put("solverPasses", f.solve().passes());
        f.quality().forEach((k, v) -> m.put(k, finiteOrNull(v)));
        m.put("devRatio", f.devRatio());
        return m;
    }

    private static Double finiteOrNull(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
