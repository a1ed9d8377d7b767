package org.sparklasso.ml;

import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLWriter;
import org.sparklasso.output.ModelDataTable;
import org.sparklasso.output.ModelDirectory;

/**
 * Saves a {@link LassoModel} as Spark ML does its own: the params as JSON under {@code metadata/}
 * (Spark's {@code DefaultParamsWriter}, so a {@code PipelineModel} holding it saves too) and the
 * fitted values as Parquet under {@code data/} ({@link ModelDataTable}).
 */
final class LassoModelWriter extends MLWriter {
    private final LassoModel<?> model;

    LassoModelWriter(LassoModel<?> model) {
        this.model = model;
    }

    @Override
    public void saveImpl(String path) {
        DefaultParamsWriter$.MODULE$.saveMetadata(model, path, sparkSession());
        ModelDataTable.write(sparkSession(), model.data(), new org.apache.hadoop.fs.Path(path, ModelDirectory.DATA)
                .toString());
    }
}
