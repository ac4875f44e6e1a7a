package org.communityschools.core.internal.read;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Independent tasks that a read runs at its end (the groupings of the indexes), shared by its own thread and, when the
 * read is to use more than one, a second thread: each thread takes the next task not yet started, so that both stay
 * busy until the last task and end about together, whichever tasks turn out long. Add the longest first. The tasks must
 * only read data that no thread changes any more. One per read; {@link #add} and {@link #run} from one thread.
 */
final class SharedTasks {
    private final int threads;
    private final String name;
    private final List<Callable<?>> tasks = new ArrayList<>();
    private final List<Object> results = new ArrayList<>();
    private boolean ran;

    /** Tasks for this thread and, when {@code threads > 1}, a second thread named {@code name}. */
    SharedTasks(int threads, String name) {
        this.threads = threads;
        this.name = name;
    }

    /** Adds {@code task}; its result, once {@link #run} has returned. */
    <T> Supplier<T> add(Callable<T> task) {
        int i = tasks.size();
        tasks.add(task);
        return () -> {
            if (!ran) {
                throw new IllegalStateException("the tasks have not run");
            }
            @SuppressWarnings("unchecked")
            T value = (T) results.get(i);
            return value;
        };
    }

    /** Runs every task, on this thread and the second one; returns when all are done, rethrowing what one threw. */
    void run() {
        Object[] out = new Object[tasks.size()];
        AtomicInteger next = new AtomicInteger();
        Callable<Void> worker = () -> {
            for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
                out[i] = tasks.get(i).call();
            }
            return null;
        };
        ExecutorService pool = threads > 1 && out.length > 1 ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            Future<Void> side = pool == null ? null : pool.submit(worker);
            call(worker);
            if (side != null) {
                await(side, "building the indexes"); // also makes the side thread's results visible here
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        results.addAll(java.util.Arrays.asList(out));
        ran = true;
    }

    /**
     * The result of {@code task}, waited for; what it threw is thrown as it was (a checked exception wrapped), an
     * interruption as an {@link IllegalStateException} naming what was being {@code done}, the interrupt flag kept.
     */
    static <T> T await(Future<T> task, String done) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + done, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void call(Callable<Void> task) {
        try {
            task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
