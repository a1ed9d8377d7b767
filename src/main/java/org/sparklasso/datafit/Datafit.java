package org.sparklasso.datafit;

import java.io.Serializable;

/**
 * The per-observation loss of a generalized linear model, as a function of its K margins
 * {@code f} (K = 1 except for the multinomial family): value, residual {@code r = −∂ℓ/∂f} and the
 * diagonal of {@code ∂²ℓ/∂f²} (for Newton steps). Runs on executors, once per row.
 */
public interface Datafit extends Serializable {

    /** Number of margins K per observation. */
    int margins();

    /** ℓ(y, f); writes {@code r = −∂ℓ/∂f} into {@code r} (length K). */
    double lossAndResidual(double y, double[] f, double[] r);

    /** Writes ∂²ℓ/∂f² (K×K, row-major) into {@code h}. */
    void hessian(double y, double[] f, double[] h);

    /** The predicted class (argmax of the margins). */
    int predict(double[] f);
}
