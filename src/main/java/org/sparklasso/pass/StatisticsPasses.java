package org.sparklasso.pass;

import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.apache.spark.broadcast.Broadcast;
import org.sparklasso.block.Block;
import org.sparklasso.block.Standardization;
import org.sparklasso.datafit.CovarianceStatistics;
import org.sparklasso.kernel.FeatureMoments;
import org.sparklasso.kernel.GramStatistics;

/**
 * The passes that sum the data's statistics per fold: feature moments (means and variances, for
 * the standardization) and coordinate statistics (the weighted Gram matrix, Xᵀy and column sums,
 * for coordinate descent on the covariance form). The executors add each fold's rows of a block
 * into that fold's sums ({@link FeatureMoments}, {@link GramStatistics}); the driver merges the
 * partitions' sums and, for the Gram statistics, finishes them into {@link CovarianceStatistics}.
 */
final class StatisticsPasses {
    private StatisticsPasses() {
    }

    /** One pass: weighted means and variances of features and label, per fold. */
    static FeatureMoments[] moments(PassEngine engine) {
        int numFeatures = engine.numFeatures();
        int k = engine.numFolds();
        return engine.aggregate(() -> zeros(k, FeatureMoments[]::new, () -> new FeatureMoments(numFeatures)),
                (acc, block) -> addByFold(block, acc, Block::addMoments),
                (a, b) -> mergeByFold(a, b, FeatureMoments::merge), 8L * k * numFeatures * 3);
    }

    /**
     * One pass: every fold's coordinate statistics of the features {@code features} (strictly
     * increasing; null: all) in the global coordinates {@code s}, as statistics over those
     * features alone (renumbered 0..|features|−1). With features, a working-set solver's
     * restricted problem.
     */
    static CovarianceStatistics covariance(PassEngine engine, Standardization s, int[] features) {
        Standardization restricted = features == null ? s : s.restrictedTo(features);
        int numFeatures = restricted.numFeatures();
        int k = engine.numFolds();
        GramStatistics[] g;
        try (PassEngine.Shared shared = engine.shared()) {
            Broadcast<double[][]> bc = shared.broadcast(
                    new double[][] {restricted.center(), restricted.scale(), {restricted.yCenter()}});
            Broadcast<int[]> selected = features == null ? null : shared.broadcast(features);
            g = engine.aggregate(() -> zeros(k, GramStatistics[]::new, () -> new GramStatistics(numFeatures)),
                    (acc, whole) -> {
                        double[][] c = bc.value();
                        Block block = selected == null ? whole : whole.selectColumns(selected.value());
                        return addByFold(block, acc, (rows, sums) -> rows.addGram(c[0], c[1], c[2][0], sums));
                    },
                    (a, b) -> mergeByFold(a, b, GramStatistics::merge), 8L * k * numFeatures * numFeatures);
        }
        // the sums are allocated on first use (small zero values for the tasks): allocate any that no
        // row reached now, on this thread, rather than lazily in the fold solvers' threads that read them
        for (GramStatistics stats : g) {
            stats.gram();
            stats.xy();
            stats.xSum();
        }
        return new CovarianceStatistics(restricted, g);
    }

    /** K fresh sums, one per fold (the zero value of a per-fold pass). */
    private static <T> T[] zeros(int k, IntFunction<T[]> array, Supplier<T> zero) {
        T[] sums = array.apply(k);
        for (int f = 0; f < k; f++) {
            sums[f] = zero.get();
        }
        return sums;
    }

    /**
     * Executor side: each fold's rows of {@code block} added to that fold's sums (the whole block
     * when there is one fold; empty folds skipped).
     */
    private static <T> T[] addByFold(Block block, T[] acc, BiConsumer<Block, T> add) {
        int k = acc.length;
        if (k == 1) {
            add.accept(block, acc[0]);
        } else {
            int[][] rows = block.rowsByFold(k);
            for (int f = 0; f < k; f++) {
                if (rows[f].length > 0) {
                    add.accept(block.subset(rows[f]), acc[f]);
                }
            }
        }
        return acc;
    }

    /** Fold f's sums of {@code b} merged into fold f's of {@code a}. */
    private static <T> T[] mergeByFold(T[] a, T[] b, BiConsumer<T, T> merge) {
        for (int f = 0; f < a.length; f++) {
            merge.accept(a[f], b[f]);
        }
        return a;
    }
}
