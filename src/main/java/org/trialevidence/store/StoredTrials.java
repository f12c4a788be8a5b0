package org.trialevidence.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.trialevidence.dataset.StoringBehind;
import org.trialevidence.entity.Trial;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.seeding.SeedDataException;

import java.util.Optional;
import java.util.function.Function;

/**
 * Trials as the database holds them, or, while a first start serves the dataset before it is stored
 * (dataset.StoringBehind), as seeding writes them: made again from their files, each read again and checked against
 * the bytes validated. The reads that need a trial's entities (a trial's record, a page of stored views, an analysis's
 * arms) take it from here.
 */
@ApplicationScoped
public class StoredTrials {
    @Inject
    StoringBehind storingBehind;
    private volatile Function<String, Optional<Trial>> beingStored;

    /**
     * The trial with that id (in the caller's transaction when read from the database), or null when there is none.
     * A trial made from its file whose file changed since this start validated it is not served: the trial as validated
     * is not held in memory, and the file as it is now was not validated (503 until the database holds the dataset).
     */
    public Trial trial(String id) {
        Function<String, Optional<Trial>> seeded = beingStored;
        if (seeded == null) {
            return Trial.findById(id);
        }
        try {
            return seeded.apply(id).orElse(null);
        } catch (SeedDataException changed) {
            throw ProblemException.unavailableYet("Trial " + id + " is made from its seed-data file until the database holds the dataset, and "
                    + changed.violations().get(0).file() + " changed since this start validated it. The trial is served again once the dataset "
                    + "is stored; if the file is still changed when it is written, the service stops and the next start validates seed-data again.");
        }
    }

    /** Whether trials are made from their files: the database does not hold them yet. */
    public boolean madeFromFiles() {
        return beingStored != null;
    }

    /**
     * Until {@link #stored()}, the dataset is served before the database holds it: trials are made from their files by
     * this lookup, and {@link StoringBehind} tells the rest of the service.
     */
    void beingStored(StoringBehind.Storing dataset, Function<String, Optional<Trial>> trialsById) {
        beingStored = trialsById;
        storingBehind.begin(dataset);
    }

    /** The database committed the dataset: it is read from there again. */
    void stored() {
        storingBehind.stored();
        beingStored = null;
    }
}
