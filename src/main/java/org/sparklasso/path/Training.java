package org.sparklasso.path;

import org.sparklasso.spec.FitSpec;

import org.sparklasso.input.LoadedData;

/** Picks the trainer of the configured family. */
public final class Training {
    private Training() {
    }

    public static GaussianTrainer.Result train(LoadedData data, FitSpec config) {
        return config.family().isClassification() ? GlmTrainer.train(data, config)
                : GaussianTrainer.train(data, config);
    }
}
