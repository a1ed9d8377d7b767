package org.sparklasso.ml;

import java.util.function.BiFunction;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsReader.Metadata;
import org.apache.spark.ml.util.MLReader;
import org.sparklasso.api.ModelData;
import org.sparklasso.output.ModelDataTable;
import org.sparklasso.output.ModelDirectory;
import scala.Option;

/**
 * Loads what {@link LassoModelWriter} saved: the params from {@code metadata/} (the class must match),
 * the fitted values from {@code data/}.
 *
 * @param <M> the model class
 */
final class LassoModelReader<M extends LassoModel<M>> extends MLReader<M> {
    private final Class<M> type;
    private final BiFunction<String, ModelData, M> factory;

    LassoModelReader(Class<M> type, BiFunction<String, ModelData, M> factory) {
        this.type = type;
        this.factory = factory;
    }

    @Override
    public M load(String path) {
        Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, sparkSession(), type.getName());
        ModelData data = ModelDataTable.read(sparkSession(), new org.apache.hadoop.fs.Path(path, ModelDirectory.DATA)
                .toString(), "model");
        M model = factory.apply(metadata.uid(), data);
        metadata.getAndSetParams(model, Option.empty());
        return model;
    }
}
