package org.sparklasso.datafit;

import java.io.Serializable;

/**
 * A penalty's prox as the executors apply it after each stochastic step:
 * {@code b ← argmin_z g(z) + ‖z − b‖² / (2·step)}, in place. Serializable: it travels with the
 * pass to the executors (a penalty's {@code prox} method, bound to the penalty).
 */
@FunctionalInterface
public interface ProximalMap extends Serializable {
    void apply(double[] b, double step);
}
