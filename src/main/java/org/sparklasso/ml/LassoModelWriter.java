package org.sparklasso.ml;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.ml.util.MLWriter;
import org.sparklasso.output.ModelDataTable;
import org.sparklasso.output.ModelDirectory;

/**
 * Saves a {@link LassoModel} as Spark ML does its own: the params as JSON under {@code metadata/}
 * (the JSON of Spark's {@code DefaultParamsWriter}, so {@code DefaultParamsReader} and a
 * {@code PipelineModel} holding it read it) and the fitted values as Parquet under {@code data/}
 * ({@link ModelDataTable}). Both are written from the driver through Hadoop's FileSystem, without
 * a Spark job each (DefaultParamsWriter.saveMetadata runs one to write one line of text).
 */
final class LassoModelWriter extends MLWriter {
    private static final String METADATA = "metadata";

    private final LassoModel<?> model;

    LassoModelWriter(LassoModel<?> model) {
        this.model = model;
    }

    @Override
    public void saveImpl(String path) {
        String json = DefaultParamsWriter$.MODULE$.getMetadataToSave(model, sparkSession());
        Path metadata = new Path(path, METADATA);
        try {
            FileSystem fs = metadata.getFileSystem(sparkSession().sparkContext().hadoopConfiguration());
            try (OutputStream out = fs.create(new Path(metadata, "part-00000"), false)) {
                out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
            }
            fs.create(new Path(metadata, "_SUCCESS"), false).close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model's metadata to " + metadata + ": "
                    + e.getMessage(), e);
        }
        ModelDataTable.write(sparkSession(), model.data(), new Path(path, ModelDirectory.DATA).toString());
    }
}
