package org.sparklasso.pass;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Lets several solvers, each running in its own driver thread (the full model and every
 * cross-validation fold model), share data passes: each solver submits its request and waits;
 * when every live solver has submitted, one pass serves all the requests and wakes them. The
 * solvers stay plain sequential code, and K folds cost the passes of the slowest fold, not K
 * times as many. Driver side only.
 *
 * <p>A batch is put in a fixed order (by model) before its pass, not left in the order the threads
 * happened to arrive: a model's sums must not depend on its column in the pass's matrix product
 * (a BLAS may round edge columns differently), so that a run is reproducible bit for bit.
 *
 * @param <Q> request (points of one model)
 * @param <R> response
 */
public final class PassBatcher<Q, R> {
    private final Function<List<Q>, List<R>> pass;
    private final Comparator<? super Q> order;
    private int participants;
    private final List<Pending<Q, R>> pending = new ArrayList<>();

    private static final class Pending<Q, R> {
        final Q request;
        R result;
        RuntimeException failure;
        boolean done;

        Pending(Q request) {
            this.request = request;
        }
    }

    /**
     * @param pass         one data pass answering a batch of requests, in order
     * @param participants number of solvers that will submit until they {@link #leave}
     * @param order        the order of the requests within a pass (by model; ties keep arrival order)
     */
    public PassBatcher(Function<List<Q>, List<R>> pass, int participants, Comparator<? super Q> order) {
        this.pass = pass;
        this.order = order;
        this.participants = participants;
    }

    /** Submits a request and waits until a pass has answered it. */
    public synchronized R submit(Q request) {
        Pending<Q, R> mine = new Pending<>(request);
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
        List<Pending<Q, R>> batch = new ArrayList<>(pending);
        pending.clear();
        batch.sort((a, b) -> order.compare(a.request, b.request));
        try {
            List<R> results = pass.apply(batch.stream().map(b -> b.request).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result = results.get(i);
            }
        } catch (RuntimeException e) {
            for (Pending<Q, R> b : batch) {
                b.failure = e;
            }
        }
        for (Pending<Q, R> b : batch) {
            b.done = true;
        }
        notifyAll();
    }
}
