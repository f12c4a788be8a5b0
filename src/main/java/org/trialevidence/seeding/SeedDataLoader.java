package org.trialevidence.seeding;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialevidence.dataset.DatasetChanged;
import org.trialevidence.dataset.DatasetState;
import org.trialevidence.dataset.Review;
import org.trialevidence.trial.Trial;
import jakarta.persistence.EntityManager;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads seed-data into the database at start-up, all or nothing: the whole directory is validated first
 * (a fault stops start-up, naming file and JSON path), then written in one transaction; the read models are
 * built before the service reports ready.
 */
@ApplicationScoped
public class SeedDataLoader {
    private final Path seedDirectory;
    private final Optional<Path> reviewsDirectory;
    private static final int FLUSH_EVERY = 200;
    /** All or nothing means one transaction, however large the dataset; the default 60 s is too short for 100,000 trials. */
    public static final int LOAD_TIMEOUT_SECONDS = 3600;
    private final Event<DatasetChanged> datasetChanged;
    private volatile boolean loaded;

    SeedDataLoader(@ConfigProperty(name = "evidence.seed-dir", defaultValue = "seed-data") Path seedDirectory,
                   @ConfigProperty(name = "evidence.reviews-dir") Optional<Path> reviewsDirectory,
                   Event<DatasetChanged> datasetChanged) {
        this.seedDirectory = seedDirectory;
        this.datasetChanged = datasetChanged;
        this.reviewsDirectory = reviewsDirectory;
    }

    void onStart(@Observes StartupEvent event) {
        Optional<ReviewTexts> reviews = reviewsDirectory.flatMap(ReviewTexts::load);
        if (reviews.isEmpty()) {
            Log.warnf("Source reviews not found at %s: excerpts and numbers are NOT checked against them in this run",
                    reviewsDirectory.map(Path::toAbsolutePath).map(Path::toString).orElse("(evidence.reviews-dir not set)"));
        }
        long started = System.nanoTime();
        SeedDataset dataset = new SeedDataReader().read(seedDirectory, reviews);
        long validated = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(LOAD_TIMEOUT_SECONDS).run(() -> writeDataset(dataset, reviews.isPresent()));
        long written = System.nanoTime();
        datasetChanged.fire(new DatasetChanged(dataset.version()));
        loaded = true;
        Log.infof("Loaded seed-data %s from %s: %d trials, %d results (read and validated in %d ms, written in %d ms, read models built in %d ms)",
                dataset.version(), seedDirectory.toAbsolutePath(), dataset.trials().size(),
                dataset.trials().stream().mapToInt(trial -> trial.results().size()).sum(),
                (validated - started) / 1_000_000, (written - validated) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
    }

    public boolean isLoaded() {
        return loaded;
    }

    /** The schema is created empty at every start (in-memory H2), so loading is plain inserts. */
    private static void writeDataset(SeedDataset dataset, boolean fidelityChecked) {
        for (RegisteredSource source : dataset.sources()) {
            Review review = new Review();
            review.document = source.document();
            review.title = source.title();
            review.citation = source.citation();
            review.persist();
        }
        Map<String, Set<String>> conflicts = symmetricConflicts(dataset);
        EntityManager entityManager = Trial.getEntityManager();
        int written = 0;
        for (TrialSeed seed : dataset.trials()) {
            TrialAssembler.assemble(seed, conflicts).persist();
            // Keeps the persistence context small on large datasets; inserts go out in JDBC batches.
            if (++written % FLUSH_EVERY == 0) {
                entityManager.flush();
                entityManager.clear();
            }
        }
        DatasetState state = new DatasetState();
        state.version = dataset.version();
        state.loadedAt = Instant.now();
        state.sourceFidelityChecked = fidelityChecked;
        state.persist();
    }

    /** A conflict named on either side is shown on both. */
    private static Map<String, Set<String>> symmetricConflicts(SeedDataset dataset) {
        Map<String, Set<String>> conflicts = new HashMap<>();
        dataset.trials().stream().flatMap(trial -> trial.results().stream()).forEach(result -> {
            for (String other : result.conflictsWith()) {
                conflicts.computeIfAbsent(result.id(), id -> new LinkedHashSet<>()).add(other);
                conflicts.computeIfAbsent(other, id -> new LinkedHashSet<>()).add(result.id());
            }
        });
        return conflicts;
    }
}
