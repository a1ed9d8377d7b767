package org.sparklasso.path;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.sparklasso.TestFits;

/**
 * Binomial path and cross-validation against glmnet / cv.glmnet with the same fold column and λ
 * sequence (tools/fixtures/make_classification_fixtures.R): the path's objective per λ (1e-6), and
 * cvm for deviance, misclassification and AUC (1e-6), with cvsd, lambda.min and lambda.1se for AUC.
 */
class ClassificationCrossValidationTest {

    @Test
    void binomialPathAndCrossValidationMatchCvGlmnet() throws IOException {
        JsonNode fx = new ObjectMapper().readTree(TestFits.root().resolve(
                "src/test/resources/fixtures/classification/glmnet_path_cv_binomial_breast_cancer_std-true_alpha-1.json")
                .toFile());
        GaussianTrainer.Result r = TestFits.fit("--input", TestFits.resource(fx.get("foldsDataset").asText()),
                "--labelCol", "label", "--family", "binomial", "--foldCol", "fold", "--typeMeasure", "auc",
                "--tol", "1e-11");
        JsonNode lambdas = fx.get("lambda");
        assertEquals(lambdas.size(), r.fits().size(), "path length");
        for (int l = 0; l < lambdas.size(); l++) {
            assertEquals(lambdas.get(l).asDouble(), r.fits().get(l).lambda(), 1e-10 * lambdas.get(l).asDouble());
            double objective = fx.get("objective").get(l).asDouble();
            assertEquals(objective, r.fits().get(l).solve().objective(), 1e-6 * objective, "objective at λ " + l);
        }
        JsonNode cv = fx.get("cvExactLambda");
        for (String measure : new String[] {"deviance", "class", "auc"}) {
            double[] ours = r.cv().otherMeasures().get(measure);
            JsonNode theirs = cv.get(measure).get("cvm");
            for (int l = 0; l < theirs.size(); l++) {
                assertEquals(theirs.get(l).asDouble(), ours[l], 1e-6 * Math.abs(theirs.get(l).asDouble()) + 1e-12,
                        measure + " cvm at λ " + l);
            }
        }
        JsonNode auc = cv.get("auc");
        for (int l = 0; l < auc.get("cvsd").size(); l++) {
            assertEquals(auc.get("cvsd").get(l).asDouble(), r.cv().summary().cvsd()[l], 1e-6, "auc cvsd at λ " + l);
        }
        assertEquals(auc.get("lambdaMin").asDouble(), r.cv().summary().lambdaMin(), 1e-12);
        assertEquals(auc.get("lambda1se").asDouble(), r.cv().summary().lambda1se(), 1e-12);
    }
}
