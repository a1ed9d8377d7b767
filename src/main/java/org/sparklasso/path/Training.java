package org.sparklasso.path;

import org.sparklasso.input.LoadedData;
import org.sparklasso.cli.JobConfig;

/** Picks the trainer of the configured family. */
public final class Training {
    private Training() {
    }

    public static GaussianTrainer.Result train(LoadedData data, JobConfig config) {
        return config.family().isClassification() ? GlmTrainer.train(data, config)
                : GaussianTrainer.train(data, config);
    }
}
