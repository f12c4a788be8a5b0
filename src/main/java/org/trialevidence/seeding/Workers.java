package org.trialevidence.seeding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Daemon threads, one per processor, that run work on each item of a list and hand back the results in the list's
 * order: seed-data is read and checked, and written, on every processor. Closing stops what still runs.
 */
public final class Workers implements AutoCloseable {
    private final ExecutorService pool;

    public Workers(String name) {
        pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The work's result for each item, in the items' order; the first failure in that order is thrown as it was. */
    public <T, R> List<R> map(List<T> items, Function<T, R> work) {
        List<Future<R>> running = items.stream().map(item -> pool.submit((Callable<R>) () -> work.apply(item))).toList();
        List<R> results = new ArrayList<>();
        try {
            for (Future<R> result : running) {
                results.add(result.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
