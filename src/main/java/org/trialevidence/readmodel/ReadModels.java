package org.trialevidence.readmodel;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.trialevidence.api.AnswerCache;
import org.trialevidence.dataset.DatasetChanged;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.entity.SeededTrials;
import org.trialevidence.entity.Trial;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The read models of this process: each is kept in the data directory when the service stops, for the next start.
 * While the service runs, a watch reads the dataset version a few times a second and brings the models held up to
 * it: another replica's write is served within a fraction of a second, and reads on the event loop always find the
 * version recent, instead of a burst of them going to worker threads (each reading the version) every second.
 * The first models of a database this process seeds are made from the trials as seeding writes them.
 */
@ApplicationScoped
public class ReadModels implements SeededTrials {
    static final long WATCH_MILLIS = 250;
    private final List<ReadModel<?>> models = new CopyOnWriteArrayList<>();
    /** The models being made from what this process seeds, while it seeds. */
    private volatile List<Seeding<?>> seeding = List.of();
    @Inject
    DatasetService dataset;
    @Inject
    AnswerCache answers;
    private ScheduledExecutorService watch;
    private final ExecutorService builders = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "read-model-build");
        thread.setDaemon(true);
        return thread;
    });

    void onStart(@Observes StartupEvent start) {
        watch = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "read-model-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(this::followDataset, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void followDataset() {
        try {
            String version = dataset.readVersion();
            models.forEach(model -> model.followDataset(version));
            dataset.changedTo(version);
        } catch (RuntimeException e) {
            // The database is away for a moment (or shutting down): requests read the version themselves meanwhile.
            Log.debugf(e, "dataset version not read by the watch");
        }
    }

    public void register(ReadModel<?> model) {
        models.add(model);
    }

    /** A model being made from what seeding writes. */
    private record Seeding<M>(ReadModel<M> model, ReadModel.FromSeeding<M> collector) {
        static <M> Seeding<M> of(ReadModel<M> model, int resultCount) {
            ReadModel.FromSeeding<M> collector = model.fromSeeding(resultCount);
            return collector == null ? null : new Seeding<>(model, collector);
        }

        void install(String version) {
            model.installSeeded(collector, version);
        }
    }

    /** How many results the seeding of this process writes. */
    private volatile int seedingResults;

    @Override
    public void begin(int resultCount) {
        seedingResults = resultCount;
        List<Seeding<?>> collecting = new ArrayList<>();
        for (ReadModel<?> model : models) {
            Seeding<?> one = Seeding.of(model, resultCount);
            if (one != null) {
                collecting.add(one);
            }
        }
        seeding = List.copyOf(collecting);
    }

    @Override
    public void written(Trial trial) {
        seeding.forEach(model -> model.collector().add(trial));
    }

    @Override
    public void storing(Trial trial) {
        models.forEach(model -> model.storing(trial, seedingResults));
    }

    /** Each model is built from what it collected, in a thread of its own, and installed; then what they held is dropped. */
    @Override
    public void seeded(String version) {
        List<Seeding<?>> collected = seeding;
        seeding = List.of();
        allAtOnce(collected.stream().map(model -> (Runnable) () -> model.install(version)).toList());
    }

    /** The names of the models whose model held is the one made from what this process seeded (tests ask it). */
    public Set<String> heldFromSeeding() {
        return models.stream().filter(ReadModel::holdsSeeded).map(ReadModel::name).collect(Collectors.toSet());
    }

    /**
     * The database holds a new version: every model is brought up to it before this returns, each in a thread of its
     * own (independent models; a first build of a large dataset takes a minute or more each). A failure of one is
     * thrown once every model is done, the others' failures suppressed in it.
     */
    void onDatasetChanged(@Observes DatasetChanged changed) {
        allAtOnce(models.stream().map(model -> (Runnable) () -> model.changedTo(changed.version())).toList());
    }

    private void allAtOnce(List<Runnable> tasks) {
        List<CompletableFuture<Void>> all = tasks.stream().map(task -> CompletableFuture.runAsync(task, builders)).toList();
        RuntimeException failure = null;
        for (CompletableFuture<Void> model : all) {
            try {
                model.join();
            } catch (CompletionException failed) {
                RuntimeException cause = failed.getCause() instanceof RuntimeException runtime ? runtime : failed;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (watch != null) {
            watch.shutdownNow();
        }
        models.forEach(ReadModel::keep);
    }

    /** Forgets every model held and answer kept, and starts each model again as a new process does: from what is kept when it is of this database. */
    public void restart() {
        models.forEach(ReadModel::keep);
        models.forEach(ReadModel::forget);
        answers.clear();
    }
}
