package org.sparklasso.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dmg.pmml.DataField;
import org.dmg.pmml.PMML;
import org.dmg.pmml.regression.NumericPredictor;
import org.dmg.pmml.regression.RegressionModel;
import org.dmg.pmml.regression.RegressionTable;
import org.jpmml.model.JAXBSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.sparklasso.SparkTestSession;
import org.sparklasso.TestFits;
import org.sparklasso.cli.Main;
import org.sparklasso.ml.LassoModel;
import org.sparklasso.ml.LassoModels;

/**
 * model.pmml read back with jpmml-model's parser (not an evaluator: the PMML semantics of the
 * regression tables are applied here, written from the specification) reproduces the saved model's
 * predictions on the sample to 1e-12, for each family; only nonzero coefficients are written and every
 * feature is a DataField.
 */
class PmmlExportTest {

    @BeforeAll
    static void session() {
        SparkTestSession.get();
    }

    @ParameterizedTest
    @CsvSource({
        "diabetes_folds.csv, gaussian, progression, fold",
        "breast_cancer.csv, binomial, label, ''",
        "iris.csv, multinomial, label, ''"})
    void pmmlReproducesThePredictions(String file, String family, String label, String drop, @TempDir Path dir)
            throws Exception {
        String out = dir.resolve("out").toString();
        List<String> args = new ArrayList<>(List.of("train", "--input",
                TestFits.resource("src/test/resources/data/" + file), "--family", family, "--labelCol", label,
                "--nfolds", "3", "--nlambda", "30", "--plots", "false", "--output", out));
        if (!drop.isEmpty()) {
            args.addAll(List.of("--foldCol", drop));
        }
        assertEquals(0, Main.run(args.toArray(new String[0])));
        PMML pmml;
        try (InputStream in = Files.newInputStream(Path.of(out, "model.pmml"))) {
            pmml = (PMML) new JAXBSerializer().deserialize(in);
        }
        assertEquals("4.4", pmml.getVersion());
        RegressionModel model = (RegressionModel) pmml.getModels().get(0);
        LassoModel<?> saved = LassoModels.load(SparkTestSession.get(), "model", out);
        List<String> fields = pmml.getDataDictionary().getDataFields().stream().map(DataField::requireName).toList();
        assertEquals(label, fields.get(0), "the target first");
        assertEquals(saved.featureNames(), fields.subList(1, fields.size()), "every feature, by name");
        int written = 0;
        for (RegressionTable t : model.getRegressionTables()) {
            for (NumericPredictor np : t.getNumericPredictors()) {
                assertNotEquals(0.0, np.requireCoefficient().doubleValue(), "only nonzero coefficients");
                written++;
            }
        }
        assertTrue(written > 0);

        Dataset<Row> raw = TestFits.dataFrame(file);
        Dataset<Row> df = new VectorAssembler().setInputCols(saved.featureNames().toArray(new String[0]))
                .setOutputCol("features").transform(raw);
        String column = family.equals("gaussian") ? "prediction" : "probability";
        for (Row r : saved.transform(df).select("features", column).collectAsList()) {
            double[] x = ((Vector) r.get(0)).toArray();
            Map<String, Double> record = new HashMap<>();
            for (int j = 0; j < x.length; j++) {
                record.put(saved.featureNames().get(j), x[j]);
            }
            double[] pmmlOut = evaluate(model, record);
            double[] expected = family.equals("gaussian") ? new double[] {r.getDouble(1)} : ((Vector) r.get(1)).toArray();
            if (family.equals("binomial")) {
                // tables: the modelled (second) class first; its probability is the model's class 1
                expected = new double[] {expected[1], expected[0]};
            }
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], pmmlOut[k], 1e-12 * Math.max(1, Math.abs(expected[k])), file + " k=" + k);
            }
        }
    }

    /** The PMML 4.4 RegressionModel semantics: y_k = intercept + Σ b·x per table, then the normalization. */
    private static double[] evaluate(RegressionModel model, Map<String, Double> record) {
        List<RegressionTable> tables = model.getRegressionTables();
        double[] y = new double[tables.size()];
        for (int k = 0; k < y.length; k++) {
            RegressionTable t = tables.get(k);
            y[k] = t.requireIntercept().doubleValue();
            for (NumericPredictor np : t.getNumericPredictors()) {
                y[k] += np.requireCoefficient().doubleValue() * record.get(np.requireField());
            }
        }
        switch (model.getNormalizationMethod()) {
            case NONE:
                return y;
            case LOGIT: {
                double p = 1 / (1 + Math.exp(-y[0]));
                return new double[] {p, 1 - p};
            }
            case SOFTMAX: {
                double max = Double.NEGATIVE_INFINITY;
                for (double v : y) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                double[] p = new double[y.length];
                for (int k = 0; k < y.length; k++) {
                    p[k] = Math.exp(y[k] - max);
                    sum += p[k];
                }
                for (int k = 0; k < y.length; k++) {
                    p[k] /= sum;
                }
                return p;
            }
            default:
                throw new AssertionError(model.getNormalizationMethod());
        }
    }
}
