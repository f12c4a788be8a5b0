package org.trialevidence.store;

import org.trialevidence.config.EvidenceConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialevidence.dataset.DatasetChanged;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.dataset.DatasetState;
import org.trialevidence.dataset.Review;
import org.trialevidence.entity.SeededTrials;
import org.trialevidence.entity.Trial;
import org.trialevidence.seeding.ReviewTexts;
import org.trialevidence.seeding.SeedDataReader;
import org.trialevidence.seeding.SeedDataset;
import org.trialevidence.seeding.Workers;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeds an empty database from seed-data at start-up, all or nothing: the whole directory is validated first
 * (a fault stops start-up, naming file and JSON path), then written. A database that holds a dataset already is
 * kept as it is: curated changes survive restarts. Replicas starting together on one empty database seed it once:
 * the transaction that locks the dataset row holds it while the trials are written, a chunk per transaction of their
 * own, and marks the database seeded when the last is committed. Nothing is served before that mark; a seeding that
 * stops half way leaves rows without it, and the next seeding removes them first. The read models are built before
 * the service reports ready: after a seeding, from the trials as they were written, instead of read back.
 */
@ApplicationScoped
public class SeedDataLoader {
    static final String SEED_ACTOR = "seed-data";
    /** Documents up to this size stay in their rows in H2 (the largest real trial record is 17 kB, a result view 1-5 kB). */
    static final int INLINE_LOB_BYTES = 64 * 1024;
    /** The tables seeding writes in its chunk transactions, each before those its rows refer to. */
    private static final List<String> SEEDED_TABLES = List.of("result_biomarker", "result", "arm_drug", "arm",
            "trial_alias", "trial_biomarker", "trial", "result_conflict", "result_record", "trial_record", "review");

    private final EvidenceConfig config;
    private final Event<DatasetChanged> datasetChanged;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;
    @Inject
    RecordStore store;
    @Inject
    EntityManager entityManager;
    @Inject
    DatasetService datasetService;
    @Inject
    SeededTrials seededTrials;
    private volatile boolean loaded;

    SeedDataLoader(EvidenceConfig config, Event<DatasetChanged> datasetChanged) {
        this.config = config;
        this.datasetChanged = datasetChanged;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        keepDocumentsInline();
        boolean[] seeded = {false};
        String version = QuarkusTransaction.requiringNew().timeout(DatasetService.LONG_TRANSACTION_SECONDS).call(() -> {
            DatasetState state = DatasetState.lockForWrite();
            if (state == null) {
                throw new IllegalStateException("the database has no dataset_state row: its migrations did not run");
            }
            if (!state.seeded) {
                seeded[0] = true;
                return seed(state).version;
            } else {
                Log.infof("Database holds dataset %s (seeded from seed-data %s at %s, %d changes since); seed-data is not read again",
                        state.version, state.seedVersion, state.loadedAt, state.revision);
            }
            return state.version;
        });
        long written = System.nanoTime();
        if (seeded[0]) {
            // Committed: the models of what was written are of this version.
            seededTrials.seeded(version);
        }
        datasetService.changedTo(version);
        datasetChanged.fire(new DatasetChanged(version));
        loaded = true;
        Log.infof("Dataset %s ready: stored in %d ms, read models built in %d ms", version,
                (written - started) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
    }

    /**
     * An embedded H2 file database keeps a CLOB of more than 256 bytes (H2's default for file databases) in its LOB
     * store: every stored document, and every result's view, becomes a separate LOB that is copied from a temporary one
     * on insert and cleaned up after, which made seeding and the first read-model build of 90,000 results three times
     * slower than with the documents kept in their rows (see docs/benchmarks.md). Set once, before an empty database
     * is seeded; H2 keeps the setting in the database file. The statement commits, so it runs in its own transaction,
     * before the seeding transaction locks the dataset row. Other databases are left alone.
     */
    private void keepDocumentsInline() {
        if (!"h2".equals(dbKind)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            DatasetState state = DatasetState.current();
            if (state != null && !state.seeded) {
                entityManager.createNativeQuery("SET MAX_LENGTH_INPLACE_LOB " + INLINE_LOB_BYTES).executeUpdate();
            }
        });
    }

    /**
     * Removes the rows a seeding that did not finish committed (the process stopped between two of its transactions):
     * the database is not marked seeded, so nothing served them, and this seeding writes every trial again. Children
     * before the tables they refer to. Native statements: JPQL bulk deletes leave collection tables alone.
     */
    private void removeUnfinishedSeeding() {
        QuarkusTransaction.requiringNew().timeout(DatasetService.LONG_TRANSACTION_SECONDS).run(() -> {
            long left = ((Number) entityManager.createNativeQuery("select count(*) from trial_record").getSingleResult()).longValue();
            long reviews = ((Number) entityManager.createNativeQuery("select count(*) from review").getSingleResult()).longValue();
            if (left == 0 && reviews == 0) {
                return;
            }
            for (String table : SEEDED_TABLES) {
                entityManager.createNativeQuery("delete from " + table).executeUpdate();
            }
            Log.warnf("Removed the %d trials of a seeding that did not finish: seeding again", left);
        });
    }

    /** The trials of the files from {@code from} (inclusive) to {@code to} (exclusive), written in one transaction. */
    private record Chunk(int from, int to) { }

    /**
     * Writes every trial, a chunk per transaction, chunks on every processor at once (Hibernate and H2 spend most of
     * a large seeding in CPU); returns when all are committed, or throws the first failure (the rest are stopped,
     * and the next start removes what they committed). The read models make their rows of each trial before it is
     * inserted: when pages of the dataset are read from the database, the results model puts each view it makes in
     * the result's row, so that the view is made once and stored with the row (see SeededTrials).
     */
    private void writeTrials(SeedDataset dataset, Instant now) {
        int trials = dataset.files().size();
        int perTransaction = config.seeding().trialsPerTransaction();
        AtomicInteger stored = new AtomicInteger();
        List<Chunk> chunks = new ArrayList<>();
        for (int from = 0; from < trials; from += perTransaction) {
            chunks.add(new Chunk(from, Math.min(from + perTransaction, trials)));
        }
        try (Workers writers = new Workers("seed-data-writer")) {
            writers.map(chunks, chunk -> {
                QuarkusTransaction.requiringNew().timeout(DatasetService.LONG_TRANSACTION_SECONDS).run(() ->
                        dataset.forEach(chunk.from(), chunk.to(), checked -> {
                            Trial trial = RecordStore.seededProjection(checked.trial(), dataset.conflictsByResult());
                            seededTrials.written(trial);
                            store.insertSeeded(checked, trial, SEED_ACTOR, now);
                        }));
                Log.debugf("Seeding: %d of %d trials stored", stored.addAndGet(chunk.to() - chunk.from()), trials);
                return chunk;
            });
        }
    }

    public boolean isLoaded() {
        return loaded;
    }

    private DatasetState seed(DatasetState state) {
        Optional<ReviewTexts> reviews = config.reviewsDir().flatMap(ReviewTexts::load);
        if (reviews.isEmpty()) {
            Log.warnf("Source reviews not found at %s: excerpts and numbers are NOT checked against them in this run",
                    config.reviewsDir().map(Path::toAbsolutePath).map(Path::toString).orElse("(evidence.reviews-dir not set)"));
        }
        long started = System.nanoTime();
        SeedDataset dataset = new SeedDataReader().read(config.seedDir(), reviews);
        long validated = System.nanoTime();
        Log.infof("Validated seed-data %s: %d trials, %d results in %d ms", dataset.version(), dataset.files().size(), dataset.resultCount(),
                (validated - started) / 1_000_000);
        Instant now = Instant.now();
        removeUnfinishedSeeding();
        // Committed before the trials: their views name each source's review (SourceViews reads the reviews once).
        QuarkusTransaction.requiringNew().run(() -> dataset.sources().forEach(source -> {
            Review review = new Review();
            review.document = source.document();
            review.title = source.title();
            review.citation = source.citation();
            review.persist();
        }));
        seededTrials.begin(dataset.resultCount());
        writeTrials(dataset, now);
        DatasetState seeded = entityManager.merge(state);
        seeded.seeded = true;
        seeded.seedVersion = dataset.version();
        seeded.version = dataset.version();
        seeded.revision = 0;
        seeded.loadedAt = now;
        seeded.changedAt = now;
        seeded.sourceFidelityChecked = reviews.isPresent();
        Log.infof("Seeded the database from %s (seed-data %s): %d trials, %d results written in %d ms",
                config.seedDir().toAbsolutePath(), dataset.version(), dataset.files().size(), dataset.resultCount(),
                (System.nanoTime() - validated) / 1_000_000);
        return seeded;
    }
}
