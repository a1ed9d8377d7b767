package org.sparklasso.path;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs one task per cross-validation fold, each in its own driver thread, so that their data
 * passes can be shared through a {@link org.sparklasso.pass.PassBatcher}; every task leaves
 * the batcher when it ends, whether it succeeds or fails.
 */
final class LockstepFolds {
    private LockstepFolds() {
    }

    static <T> List<T> run(int folds, IntFunction<T> task, Runnable leave) {
        ExecutorService pool = Executors.newFixedThreadPool(folds, r -> {
            Thread t = new Thread(r, "cv-fold");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int k = 0; k < folds; k++) {
                int fold = k;
                futures.add(pool.submit(() -> {
                    try {
                        return task.apply(fold);
                    } finally {
                        leave.run();
                    }
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during cross-validation", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
