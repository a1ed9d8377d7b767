package org.sparklasso.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The shared passes of {@link PassBatcher}: one pass per round, requests in model order whatever the arrival. */
class PassBatcherTest {

    @Test
    void eachPassSeesEveryLiveModelInModelOrderAndAnswersEachItsOwn() throws Exception {
        int models = 5;
        List<List<Integer>> passes = Collections.synchronizedList(new ArrayList<>());
        PassBatcher<Integer, Integer> batcher = new PassBatcher<>(batch -> {
            passes.add(List.copyOf(batch));
            return batch.stream().map(q -> q * 10).toList();
        }, models, Comparator.naturalOrder());
        ExecutorService pool = Executors.newFixedThreadPool(models);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (int m = 0; m < models; m++) {
                int model = models - 1 - m;   // threads start in reverse model order
                answers.add(pool.submit(() -> {
                    go.await();
                    List<Integer> mine = new ArrayList<>();
                    for (int round = 0; round <= model; round++) {   // model m stays for m + 1 rounds
                        Thread.sleep((model * 7L + round * 3L) % 5);   // arrivals in a scrambled order
                        mine.add(batcher.submit(model));
                    }
                    batcher.leave();
                    return mine;
                }));
            }
            go.countDown();
            for (int m = 0; m < models; m++) {
                int model = models - 1 - m;
                assertEquals(Collections.nCopies(model + 1, model * 10), answers.get(m).get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(List.of(0, 1, 2, 3, 4), List.of(1, 2, 3, 4), List.of(2, 3, 4), List.of(3, 4),
                List.of(4)), passes);
    }
}
