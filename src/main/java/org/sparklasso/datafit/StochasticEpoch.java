package org.sparklasso.datafit;

import java.io.Serializable;

/**
 * One epoch of local proximal stochastic gradient (solver {@code sgd}): every partition runs it
 * on its own rows from the same start, and the pass returns the partitions' models averaged by
 * training weight (local SGD with model averaging once per epoch: Zinkevich, Weimer, Smola and Li,
 * "Parallelized stochastic gradient descent", NIPS 2010; Stich, "Local SGD converges fast and
 * communicates little", ICLR 2019).
 *
 * <p>Within a partition, each block's training rows are shuffled by a generator seeded from
 * (seed, epoch, partition, block, excluded fold) and cut into mini-batches of
 * m = ⌈miniBatchFraction · rows⌉; each mini-batch makes one step {@code b ← prox(b − α·∇̂, α)}
 * with ∇̂ its weighted mean gradient and α = {@link #step}. A partition returns the average of its
 * iterates weighted by step number. The same seed and partitioning give the same result.
 *
 * @param epoch             1-based epoch number (part of the sampler's seed; the steps decay as 1/√epoch)
 * @param stepSize          the user's α₀, or NaN: each partition estimates its own ({@link #step})
 * @param miniBatchFraction a mini-batch's share of a block's training rows, in (0, 1]
 * @param seed              the sampler's seed
 * @param prox              the penalty's prox
 */
public record StochasticEpoch(int epoch, double stepSize, double miniBatchFraction, long seed, ProximalMap prox)
        implements Serializable {

    /**
     * The step of a mini-batch of m rows: the user's α₀/√epoch, or {@code 1 / ((L + T/m) · √epoch)}
     * with L the smoothness of the loss and T the rows' mean smoothness (κ·mean ‖x̃‖², κ the datafit's
     * curvature bound), both measured on the partition's first rows: L + T/m bounds the expected
     * smoothness of a mini-batch gradient sampled without replacement (Gower, Loizou, Qian,
     * Sailanbayev, Shulgin and Richtárik, "SGD: general analysis and improved rates", ICML 2019,
     * Proposition 3.8, with the rows' mean smoothness for their largest). Small mini-batches are
     * noisy: a step of 1/L diverges once m is near p.
     */
    public double step(int m, double smoothness, double rowSmoothness) {
        double base = stepSize > 0 ? stepSize : 1 / (smoothness + rowSmoothness / m);
        return base / Math.sqrt(epoch);
    }
}
