package org.sparklasso.output;

import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dmg.pmml.DataDictionary;
import org.dmg.pmml.DataField;
import org.dmg.pmml.DataType;
import org.dmg.pmml.Header;
import org.dmg.pmml.MiningField;
import org.dmg.pmml.MiningFunction;
import org.dmg.pmml.MiningSchema;
import org.dmg.pmml.OpType;
import org.dmg.pmml.Output;
import org.dmg.pmml.OutputField;
import org.dmg.pmml.PMML;
import org.dmg.pmml.ResultFeature;
import org.dmg.pmml.Value;
import org.dmg.pmml.Version;
import org.dmg.pmml.regression.NumericPredictor;
import org.dmg.pmml.regression.RegressionModel;
import org.dmg.pmml.regression.RegressionTable;
import org.jpmml.model.JAXBSerializer;
import org.sparklasso.api.ModelData;
import org.sparklasso.spec.Family;

/**
 * A {@link ModelData} as a PMML 4.4 {@code RegressionModel} (jpmml-model's class model): gaussian a
 * regression with normalization none; binomial a classification with {@code logit} (the modelled,
 * second class's table first, the reference class's table with intercept 0 second, as the
 * specification's binary logit reads them); multinomial {@code softmax} with one table per class.
 * Only nonzero coefficients are written; every feature is a {@code DataField} (so a consumer supplies
 * the same record as to {@code score}); the output declares the prediction and, for classification,
 * each class's probability.
 */
public final class PmmlWriter {
    private PmmlWriter() {
    }

    /**
     * The PMML document of {@code model}.
     *
     * @param target      the label's name (the target field)
     * @param application the application and version named in the header
     */
    public static String toXml(ModelData model, String target, String application, String version) {
        DataDictionary dictionary = new DataDictionary();
        MiningSchema schema = new MiningSchema();
        boolean classification = model.family() != Family.GAUSSIAN;
        DataField label = new DataField(target, classification ? OpType.CATEGORICAL : OpType.CONTINUOUS,
                classification ? DataType.STRING : DataType.DOUBLE);
        if (classification) {
            for (String c : model.classNames()) {
                label.addValues(new Value(c));
            }
        }
        dictionary.addDataFields(label);
        schema.addMiningFields(new MiningField(target).setUsageType(MiningField.UsageType.TARGET));
        for (String f : model.featureNames()) {
            dictionary.addDataFields(new DataField(f, OpType.CONTINUOUS, DataType.DOUBLE));
            schema.addMiningFields(new MiningField(f));
        }
        RegressionModel regression = new RegressionModel(classification ? MiningFunction.CLASSIFICATION
                : MiningFunction.REGRESSION, schema, null)
                .setModelName("spark-lasso " + model.family().key() + " at lambda " + model.lambda());
        switch (model.family()) {
            case GAUSSIAN -> regression.setNormalizationMethod(RegressionModel.NormalizationMethod.NONE)
                    .addRegressionTables(table(model, 0));
            case BINOMIAL -> regression.setNormalizationMethod(RegressionModel.NormalizationMethod.LOGIT)
                    .addRegressionTables(table(model, 0).setTargetCategory(model.classNames().get(1)),
                            new RegressionTable(0.0).setTargetCategory(model.classNames().get(0)));
            case MULTINOMIAL -> {
                regression.setNormalizationMethod(RegressionModel.NormalizationMethod.SOFTMAX);
                for (int k = 0; k < model.blocks(); k++) {
                    regression.addRegressionTables(table(model, k).setTargetCategory(model.classNames().get(k)));
                }
            }
            default -> throw new IllegalStateException(model.family().key());
        }
        regression.setOutput(output(model, classification));
        PMML pmml = new PMML(Version.PMML_4_4.getVersion(), new Header().setApplication(
                new org.dmg.pmml.Application(application).setVersion(version)), dictionary).addModels(regression);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new JAXBSerializer().serializePretty(pmml, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write PMML: " + e.getMessage(), e);
        }
    }

    /** Class k's intercept and nonzero coefficients (written exactly: Java's shortest round-trip decimal). */
    private static RegressionTable table(ModelData model, int k) {
        RegressionTable table = new RegressionTable(model.intercepts()[k]);
        List<NumericPredictor> predictors = new ArrayList<>();
        for (int j = 0; j < model.numFeatures(); j++) {
            double b = model.coefficient(k, j);
            if (b != 0) {
                predictors.add(new NumericPredictor(model.featureNames().get(j), b));
            }
        }
        return table.addNumericPredictors(predictors.toArray(new NumericPredictor[0]));
    }

    private static Output output(ModelData model, boolean classification) {
        Output output = new Output();
        if (!classification) {
            return output.addOutputFields(new OutputField("prediction", OpType.CONTINUOUS, DataType.DOUBLE)
                    .setResultFeature(ResultFeature.PREDICTED_VALUE));
        }
        output.addOutputFields(new OutputField("prediction", OpType.CATEGORICAL, DataType.STRING)
                .setResultFeature(ResultFeature.PREDICTED_VALUE));
        for (String c : model.classNames()) {
            output.addOutputFields(new OutputField("probability_" + c, OpType.CONTINUOUS, DataType.DOUBLE)
                    .setResultFeature(ResultFeature.PROBABILITY).setValue(c));
        }
        return output;
    }
}
