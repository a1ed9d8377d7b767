package org.sparklasso.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sparklasso.model.FittedModel;

/**
 * Renders {@code metrics.json}. Run-level keys first; per-λ keys ({@code lambda}, {@code nnz},
 * {@code objective}, …) are scalars when one λ was fitted and arrays (largest λ first) when
 * several were; {@code fits} always lists one object per λ with the same keys.
 */
public final class MetricsWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsWriter() {
    }

    public static String toJson(TrainReport r) {
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
        m.put("tol", r.tol());
        m.put("lambdaMax", finiteOrNull(r.lambdaMax()));
        List<Map<String, Object>> fits = new ArrayList<>();
        for (FittedModel f : r.fits()) {
            fits.add(perLambda(f));
        }
        for (String key : fits.isEmpty() ? List.<String>of() : fits.get(0).keySet()) {
            Function<Map<String, Object>, Object> get = fit -> fit.get(key);
            m.put(key, fits.size() == 1 ? get.apply(fits.get(0)) : fits.stream().map(get).toList());
        }
        m.put("dataPasses", r.dataPasses());
        m.put("loadSeconds", r.loadSeconds());
        m.put("trainSeconds", r.trainSeconds());
        m.put("partitions", r.partitions());
        m.put("blas", r.blas());
        m.put("fits", fits);
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> perLambda(FittedModel f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lambda", f.lambda());
        m.put("nnz", f.nnz());
        m.put("sparsityRatio", f.sparsityRatio());
        m.put("intercept", f.intercept());
        m.put("objective", f.solve().objective());
        m.put("dualityGap", f.solve().gap());
        m.put("relativeGap", f.solve().relativeGap());
        m.put("converged", f.solve().converged());
        m.put("iterations", f.solve().iterations());
        m.put("solverPasses", f.solve().passes());
        m.put("mse", f.mse());
        m.put("r2", f.r2());
        return m;
    }

    private static Double finiteOrNull(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
