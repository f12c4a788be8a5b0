package org.trialevidence.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import org.trialevidence.errors.ProblemException;

import java.time.Instant;
import java.util.Optional;

/**
 * A seeded dataset served before the database holds it. A first start on a large seed-data directory (from
 * {@code evidence.seeding.store-behind-from} trials) makes the read models from the validated files and serves them
 * while the records are written behind, in the transaction that holds the dataset row; the database holds none of
 * the dataset until that transaction commits. Meanwhile the version is the one being stored, what a read would find
 * in the database is the trial as seeding writes it (store.StoredTrials), and curation answers 503: it needs the
 * records stored.
 */
@ApplicationScoped
public class StoringBehind {
    /**
     * The dataset being stored: its version, when it was loaded (the time the database will record), and whether the
     * excerpts were checked against the reviews.
     */
    public record Storing(String version, Instant loadedAt, boolean sourceFidelityChecked) { }

    private volatile Storing storing;

    /** From now until {@link #stored()}, the dataset is served from memory and the database does not hold it yet. */
    public void begin(Storing dataset) {
        storing = dataset;
    }

    /** The database committed the dataset: reads go to it again. */
    public void stored() {
        storing = null;
    }

    /** Refuses what needs the dataset stored (curation: its records, history and writes) while it is being stored. */
    public void requireStored(String what) {
        Storing being = storing;
        if (being != null) {
            throw ProblemException.unavailableYet("The dataset " + being.version() + " is being written to the database after a first start from "
                    + "seed-data; " + what + " once it is. Results, trials and analyses are served meanwhile.");
        }
    }

    /** The dataset being written behind the read models, or empty when the database holds the dataset served. */
    public Optional<Storing> inProgress() {
        return Optional.ofNullable(storing);
    }
}
