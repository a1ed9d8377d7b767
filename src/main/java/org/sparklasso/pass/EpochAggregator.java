package org.sparklasso.pass;

import java.io.Serializable;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.Function2;
import org.sparklasso.block.Block;

/**
 * A pass's evaluation sums and, in the same pass, the stochastic epochs of the models that asked
 * for one ({@link LocalSgd}): so that solver {@code sgd} spends one pass per epoch and shares the
 * evaluation passes' batcher with every other model (a second batcher could deadlock lockstep folds).
 *
 * @param <A> the evaluation's aggregator
 */
final class EpochAggregator<A> implements Serializable {
    private static final long serialVersionUID = 1L;

    private A evaluation;
    private final LocalSgd epochs;

    EpochAggregator(A evaluation, LocalSgd epochs) {
        this.evaluation = evaluation;
        this.epochs = epochs;
    }

    A evaluation() {
        return evaluation;
    }

    LocalSgd epochs() {
        return epochs;
    }

    /** Adds a block to the evaluation ({@code add}) and runs the epochs' steps over it. */
    EpochAggregator<A> add(Block block, Function<A, A> add) throws Exception {
        evaluation = add.call(evaluation);
        epochs.visit(block);
        return this;
    }

    /** The merge of two partial results, the evaluations' by {@code merge}. */
    static <A> Function2<EpochAggregator<A>, EpochAggregator<A>, EpochAggregator<A>> merging(
            Function2<A, A, A> merge) {
        return (x, y) -> {
            x.evaluation = merge.call(x.evaluation, y.evaluation);
            x.epochs.merge(y.epochs);
            return x;
        };
    }
}
