package org.sparklasso;

import org.sparklasso.api.Lasso;

import org.sparklasso.path.TrainingResult;

import java.nio.file.Path;
import org.sparklasso.input.DataLoader;
import org.sparklasso.input.LoadedData;
import org.sparklasso.cli.ConfigParser;
import org.sparklasso.cli.JobConfig;

/** Runs the loader and trainer in the shared session, from train-style arguments. */
public final class TestFits {
    private TestFits() {
    }

    /** Repository root (Surefire sets sparklasso.basedir). */
    public static Path root() {
        return Path.of(System.getProperty("sparklasso.basedir", "."));
    }

    public static String resource(String relative) {
        return root().resolve(relative).toString();
    }

    /** A test data set (src/test/resources/data/NAME, a csv with a header) as a DataFrame, types inferred. */
    public static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> dataFrame(String name) {
        return SparkTestSession.get().read().option("header", "true").option("inferSchema", "true")
                .csv(resource("src/test/resources/data/" + name));
    }

    /** Reads and packs the input of {@code config} as the train command does. */
    public static LoadedData load(JobConfig config) {
        return new DataLoader(SparkTestSession.get(), config.readSpec(), config.blockSpec()).load();
    }

    /** Parses {@code args} (an output is added when missing) and fits. */
    public static TrainingResult fit(String... args) {
        String[] full = args;
        if (!String.join(" ", args).contains("--output")) {
            full = java.util.Arrays.copyOf(args, args.length + 2);
            full[args.length] = "--output";
            full[args.length + 1] = "/nonexistent/unused";
        }
        JobConfig config = ConfigParser.parse(full);
        LoadedData data = load(config);
        try {
            return Lasso.fit(data, config.fitSpec());
        } finally {
            data.release(false);
        }
    }
}
