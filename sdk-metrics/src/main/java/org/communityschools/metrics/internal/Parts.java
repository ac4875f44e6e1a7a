package org.communityschools.metrics.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs the independent parts of a batch calculation on a host's {@link Executor} and the calling thread, and
 * returns their results in part order. One task per part after the first is handed to the executor; each task, and
 * the calling thread in a loop, claims the next part not yet started, so the calling thread does every part the
 * executor has not started (a busy, bounded or rejecting executor, or one whose only thread is the caller, cannot
 * deadlock the calculation) and then waits only for the parts under way. No other thread is used. The first failure
 * of a part is rethrown on the calling thread once every started part has ended.
 */
final class Parts {
    private Parts() {}

    /**
     * The results of {@code part.apply(0)} to {@code part.apply(parts - 1)}, in that order.
     *
     * @param executor where the parts after the first may run
     * @param parts the number of parts, at least 1
     * @param part computes one part from its position
     * @param <T> the result of a part
     * @return each part's result, in part order
     */
    static <T> List<T> run(Executor executor, int parts, IntFunction<? extends T> part) {
        if (parts == 1) {
            return List.of(part.apply(0));
        }
        Object[] out = new Object[parts];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(parts);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable claimOne = () -> {
            int i = next.getAndIncrement();
            if (i < parts) {
                compute(i, part, out, failure, ended);
            }
        };
        for (int t = 1; t < parts; t++) {
            try {
                executor.execute(claimOne);
            } catch (RejectedExecutionException e) {
                break; // the calling thread takes the rest
            }
        }
        for (int i = next.getAndIncrement(); i < parts; i = next.getAndIncrement()) {
            compute(i, part, out, failure, ended);
        }
        boolean interrupted = false;
        while (true) {
            try {
                ended.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the parts under way are short and write into this call's arrays: wait for them
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException("a part of the calculation failed", f);
        }
        List<T> results = new ArrayList<>(parts);
        for (Object o : out) {
            @SuppressWarnings("unchecked")
            T t = (T) o;
            results.add(t);
        }
        return Collections.unmodifiableList(results);
    }

    private static <T> void compute(int i, IntFunction<? extends T> part, Object[] out, AtomicReference<Throwable> failure,
                                    CountDownLatch ended) {
        try {
            if (failure.get() == null) {
                out[i] = part.apply(i);
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        } finally {
            ended.countDown();
        }
    }
}
