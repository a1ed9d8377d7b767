package org.sparklasso.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.sparklasso.solver.LeastSquaresOracle;
import org.sparklasso.solver.LeastSquaresOracle.Evaluation;

/**
 * Lets several solvers, each running in its own driver thread (the full model and every
 * cross-validation fold model), share data passes: each solver asks for its points and waits;
 * when every live solver has asked, one pass evaluates all the points and wakes them. The
 * solvers stay plain sequential code, and K folds cost the passes of the slowest fold, not K
 * times as many.
 */
public final class PassBatcher {
    private final BlockPasses passes;
    private int participants;
    private final List<Pending> pending = new ArrayList<>();

    private static final class Pending {
        final BlockPasses.Request request;
        Evaluation[] result;
        RuntimeException failure;
        boolean done;

        Pending(BlockPasses.Request request) {
            this.request = request;
        }
    }

    /** @param participants number of solvers that will call {@link #oracle} until they {@link #leave}. */
    public PassBatcher(BlockPasses passes, int participants) {
        this.passes = passes;
        this.participants = participants;
    }

    /** A solver's view: its evaluations go through the shared passes. */
    public LeastSquaresOracle oracle(ModelSpec spec) {
        return new LeastSquaresOracle() {
            @Override
            public Evaluation[] evaluate(double[]... points) {
                return submit(new BlockPasses.Request(spec, points));
            }

            @Override
            public int passes() {
                return passes.counter().passes();
            }
        };
    }

    private synchronized Evaluation[] submit(BlockPasses.Request request) {
        Pending mine = new Pending(request);
        pending.add(mine);
        if (pending.size() >= participants) {
            runPass();
        }
        while (!mine.done) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a data pass", e);
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** A solver is finished: the others no longer wait for it. */
    public synchronized void leave() {
        participants--;
        if (!pending.isEmpty() && pending.size() >= participants) {
            runPass();
        }
    }

    private void runPass() {
        List<Pending> batch = new ArrayList<>(pending);
        pending.clear();
        try {
            Evaluation[][] results = passes.evaluate(batch.stream().map(b -> b.request).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result = results[i];
            }
        } catch (RuntimeException e) {
            for (Pending b : batch) {
                b.failure = e;
            }
        }
        for (Pending b : batch) {
            b.done = true;
        }
        notifyAll();
    }
}
