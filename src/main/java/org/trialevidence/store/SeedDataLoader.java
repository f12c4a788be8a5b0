package org.trialevidence.store;

import org.trialevidence.config.EvidenceConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
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
import org.trialevidence.dataset.StoringBehind;
import org.trialevidence.entity.SeededTrials;
import org.trialevidence.entity.Trial;
import org.trialevidence.seeding.ReviewTexts;
import org.trialevidence.seeding.SeedDataReader;
import org.trialevidence.seeding.SeedDataset;
import org.trialevidence.seeding.TrialValidation;
import org.trialevidence.seeding.Workers;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Seeds an empty database from seed-data at start-up, all or nothing: the whole directory is validated first
 * (a fault stops start-up, naming file and JSON path), then written. A database that holds a dataset already is
 * kept as it is: curated changes survive restarts. Replicas starting together on one empty database seed it once:
 * the transaction that locks the dataset row holds it while the trials are written, a chunk per transaction of their
 * own, and marks the database seeded when the last is committed; a seeding that stops half way leaves rows without
 * that mark, and the next seeding removes them first. The read models are built before the service reports ready:
 * after a seeding, from the trials as they were written, instead of read back. A small dataset is served once it is
 * stored; from evidence.seeding.store-behind-from trials, the models are made from the files first and served while
 * the trials are written behind them (dataset.StoringBehind): at 100,000 trials the write is three quarters of the
 * first start.
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
    @Inject
    StoredTrials storedTrials;
    private volatile boolean loaded;
    /** The service is stopping: a dataset still being stored is left to the next start. */
    private volatile boolean stopping;

    SeedDataLoader(EvidenceConfig config, Event<DatasetChanged> datasetChanged) {
        this.config = config;
        this.datasetChanged = datasetChanged;
    }

    /**
     * The version served first; whether this process seeded it and its models, made from seeding, are still to be
     * installed; whether it is served while being written behind them.
     */
    private record Served(String version, boolean installSeeded, boolean storingBehind) { }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        keepDocumentsInline();
        CompletableFuture<Served> served = new CompletableFuture<>();
        // The transaction that locks the dataset row is held by the thread that writes the trials, and a dataset written
        // behind its read models is served before that thread is done: it runs on a thread of its own.
        Thread storing = new Thread(() -> seedOrKeep(served), "seed-data-storing");
        storing.setDaemon(true);
        storing.start();
        Served first;
        try {
            first = served.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
        long written = System.nanoTime();
        if (first.installSeeded()) {
            // Committed: the models of what was written are of this version.
            seededTrials.seeded(first.version());
        }
        datasetService.changedTo(first.version());
        datasetChanged.fire(new DatasetChanged(first.version()));
        Log.infof("Dataset %s ready: %s in %d ms, read models built in %d ms", first.version(),
                first.storingBehind() ? "made from seed-data (being stored)" : "stored",
                (written - started) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
        if (!first.storingBehind()) {
            // Before ready: the pause of a full collection is not taken by requests.
            giveBackStartupHeap();
        }
        loaded = true;
    }

    /** Best effort: a refusal of the JVM's (a flag constraint, a flag it does not have) leaves the heap as it is, and the service up. */
    private static void giveBackStartupHeap() {
        try {
            Log.infof("Gave back the heap start-up used: %s", StartupHeap.giveBack().describe());
        } catch (RuntimeException refused) {
            Log.warnf(refused, "Could not give back the heap start-up used; serving with it");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Seeds an empty database, or keeps the dataset a database holds; completes {@code served} with the version to
     * serve once it may be: when the dataset is committed, or, when it is written behind its read models, once they
     * are installed. A failure after that stops the service: it would serve a dataset the database does not hold.
     */
    private void seedOrKeep(CompletableFuture<Served> served) {
        try {
            String version = QuarkusTransaction.requiringNew().timeout(DatasetService.LONG_TRANSACTION_SECONDS).call(() -> {
                DatasetState state = DatasetState.lockForWrite();
                if (state == null) {
                    throw new IllegalStateException("the database has no dataset_state row: its migrations did not run");
                }
                if (!state.seeded) {
                    return seed(state, served).version;
                }
                Log.infof("Database holds dataset %s (seeded from seed-data %s at %s, %d changes since); seed-data is not read again",
                        state.version, state.seedVersion, state.loadedAt, state.revision);
                served.complete(new Served(state.version, false, false));
                return state.version;
            });
            if (storedTrials.madeFromFiles()) {
                storedTrials.stored();
                Log.infof("Dataset %s is stored: curation is open", version);
                giveBackStartupHeap();
            }
            served.complete(new Served(version, true, false));
        } catch (RuntimeException | Error failure) {
            if (served.completeExceptionally(failure)) {
                return;
            }
            loaded = false;
            if (stopping) {
                Log.infof("The service stopped before the dataset served was stored: the next start seeds the database again");
                return;
            }
            Log.errorf(failure, "The dataset served could not be stored: stopping (the next start seeds the database again)");
            Quarkus.asyncExit(1);
        }
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

    /** The chunks of a seeding, of evidence.seeding.trials-per-transaction trials each. */
    private List<Chunk> chunks(SeedDataset dataset) {
        int trials = dataset.files().size();
        int perTransaction = config.seeding().trialsPerTransaction();
        List<Chunk> chunks = new ArrayList<>();
        for (int from = 0; from < trials; from += perTransaction) {
            chunks.add(new Chunk(from, Math.min(from + perTransaction, trials)));
        }
        return chunks;
    }

    /**
     * Makes every trial from its file as seeding writes it and hands it to {@code action}, a chunk of trials per
     * transaction, chunks on every processor at once (Hibernate and H2 spend most of a large seeding in CPU); returns
     * when every chunk is done, or throws the first failure (the rest are stopped). Logs each chunk as {@code done}.
     */
    private void eachTrial(SeedDataset dataset, String threads, String done, BiConsumer<TrialValidation.Checked, Trial> action) {
        AtomicInteger trials = new AtomicInteger();
        try (Workers workers = new Workers(threads)) {
            workers.map(chunks(dataset), chunk -> {
                QuarkusTransaction.requiringNew().timeout(DatasetService.LONG_TRANSACTION_SECONDS).run(() ->
                        dataset.forEach(chunk.from(), chunk.to(), checked ->
                                action.accept(checked, RecordStore.seededProjection(checked.trial(), dataset.conflictsByResult()))));
                Log.debugf("Seeding: %d of %d trials %s", trials.addAndGet(chunk.to() - chunk.from()), dataset.files().size(), done);
                return chunk;
            });
        }
    }

    /**
     * Writes every trial (a failure leaves what was committed to the next start to remove). Unless they were made
     * already, the read models make their rows of each trial before it is inserted; then each trial takes what the
     * models keep in its rows (see SeededTrials).
     */
    private void writeTrials(SeedDataset dataset, Instant now, boolean modelsMade) {
        eachTrial(dataset, "seed-data-writer", "stored", (checked, trial) -> {
            if (!modelsMade) {
                seededTrials.written(trial);
            }
            seededTrials.storing(trial);
            store.insertSeeded(checked, trial, SEED_ACTOR, now);
        });
    }

    /** The read models make their rows of every trial; nothing is written (the transactions only read the reviews the views name). */
    private void makeModels(SeedDataset dataset) {
        eachTrial(dataset, "seed-data-models", "made into the read models", (checked, trial) -> seededTrials.written(trial));
    }

    public boolean isLoaded() {
        return loaded;
    }

    private DatasetState seed(DatasetState state, CompletableFuture<Served> served) {
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
        // As precise as the database keeps it: a dataset served before it is stored names the time the database will hold.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
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
        boolean behind = dataset.files().size() >= config.seeding().storeBehindFrom();
        if (behind) {
            makeModels(dataset);
            Function<String, Optional<TrialValidation.Checked>> files = dataset.trialsById();
            storedTrials.beingStored(new StoringBehind.Storing(dataset.version(), now, reviews.isPresent()),
                    id -> files.apply(id).map(checked -> RecordStore.seededProjection(checked.trial(), dataset.conflictsByResult())));
            seededTrials.seeded(dataset.version());
            served.complete(new Served(dataset.version(), false, true));
            Log.infof("Serving dataset %s (%d trials) from the read models made from seed-data while it is stored; curation waits for it (%d ms after validation)",
                    dataset.version(), dataset.files().size(), (System.nanoTime() - validated) / 1_000_000);
        }
        writeTrials(dataset, now, behind);
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
