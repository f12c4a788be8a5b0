package org.trialevidence.readmodel;

import io.quarkus.logging.Log;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.dataset.DatasetVersions;

import java.util.Optional;
import java.util.Set;

/**
 * Holds an in-memory read model of the dataset version the database holds, and moves it on when the version moves:
 * by patching the trials the change log names since the version it holds (a write on this replica, or on another
 * one), by building it from every trial when the log cannot say (first start, a gap in the log, another seed).
 * A version older than the one held is never built. Readers get the model of one version, never half of one.
 */
public final class ReadModel<M> {
    /** How a model is read from the database; both run inside one consistent read of the version they are given. */
    public interface Source<M> {
        M build(String version);

        /** The model of the version with the trials read again and every other trial kept from current; null when it cannot be patched. */
        M patch(M current, Set<String> trialIds, String version);

        /** Work after the read's transaction ended (writing derived columns), given the model just installed. */
        default void installed(M model) {
        }
    }

    /** A model and the dataset version it is of. */
    public record Versioned<M>(M model, String version) { }

    private final String name;
    private final DatasetService dataset;
    private final Source<M> source;
    private volatile Versioned<M> current;

    public ReadModel(String name, DatasetService dataset, Source<M> source) {
        this.name = name;
        this.dataset = dataset;
        this.source = source;
    }

    /** The model of the dataset's current version. */
    public Versioned<M> current() {
        Versioned<M> held = current;
        String version = dataset.version();
        // A model newer than the version this replica last read from the database is current too.
        return held != null && !DatasetVersions.isBefore(held.version(), version) ? held : catchUp(version);
    }

    /** The database holds this version (or a newer one): brings the model up to it unless it is there already. */
    public void changedTo(String version) {
        catchUp(version);
    }

    /** Reads every trial again, whatever the model held: the full build a patched model must equal. */
    public Versioned<M> rebuild() {
        return update(null);
    }

    private synchronized Versioned<M> catchUp(String version) {
        Versioned<M> held = current;
        if (held != null && !DatasetVersions.isBefore(held.version(), version)) {
            return held;
        }
        return update(held);
    }

    private synchronized Versioned<M> update(Versioned<M> held) {
        long started = System.nanoTime();
        boolean[] patched = {false};
        DatasetService.Snapshot<M> read = dataset.consistently(DatasetService.LONG_TRANSACTION_SECONDS, () -> {
            String version = dataset.versionInDatabase();
            if (held != null && held.version().equals(version)) {
                patched[0] = true;
                return held.model();
            }
            Optional<Set<String>> changed = held == null ? Optional.empty() : dataset.trialsChanged(held.version(), version);
            M model = changed.map(trials -> source.patch(held.model(), trials, version)).orElse(null);
            patched[0] = model != null;
            return model != null ? model : source.build(version);
        });
        Versioned<M> next = new Versioned<>(read.value(), read.version());
        current = next;
        source.installed(next.model());
        Log.infof("%s read model of dataset %s %s in %d ms", name, next.version(),
                patched[0] ? "patched from " + held.version() : "built", (System.nanoTime() - started) / 1_000_000);
        return next;
    }
}
