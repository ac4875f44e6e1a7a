package org.communityschools.core.internal.read;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Work that a read does on a second thread while its own thread goes on (the largest groupings of the indexes built
 * at the end of a load), or on its own thread when the read is to use one thread. The tasks must only read data that
 * no thread changes any more. Closing it ends the thread.
 */
final class SideThread implements AutoCloseable {
    private final ExecutorService pool;

    /** A second thread named {@code name} when {@code threads > 1}, else none (every task runs when submitted). */
    SideThread(int threads, String name) {
        this.pool = threads > 1 ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Starts {@code task}; its result when the supplier is called (rethrowing what it threw). */
    <T> Supplier<T> run(Callable<T> task) {
        if (pool == null) {
            T value = call(task);
            return () -> value;
        }
        Future<T> f = pool.submit(task);
        return () -> {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the indexes", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
