package org.trialevidence.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The version of the dataset the database holds. */
@ApplicationScoped
public class DatasetService {
    /** How long a version read from the database is trusted before it is read again. */
    static final long RECHECK_NANOS = 1_000_000_000L;
    /** Seeding and read-model builds of a large dataset outlast the default 60 s transaction timeout. */
    public static final int LONG_TRANSACTION_SECONDS = 3600;

    @Inject
    EntityManager entityManager;
    @Inject
    StoringBehind storingBehind;

    private volatile String version;
    private volatile long readAt;

    /**
     * The current version, read from the database at most once a second: another replica's write is seen within
     * a second, and a busy server does not query the version on every request.
     */
    public String version() {
        long now = System.nanoTime();
        if (version == null || now - readAt > RECHECK_NANOS) {
            version = readVersion();
            readAt = now;
        }
        return version;
    }

    /**
     * The version as last read or written when that was within the last second (what {@link #version()} would
     * answer without reading the database), else empty. Never blocks: a request on the event loop uses the read
     * models as they are when this matches their version, and moves to a worker thread (where {@link #version()}
     * reads the database) when it does not.
     */
    public Optional<String> recentVersion() {
        String known = version;
        return known != null && System.nanoTime() - readAt <= RECHECK_NANOS ? Optional.of(known) : Optional.empty();
    }

    /** The version as last read or written, however long ago (null before the first), without reading the database. */
    public String lastKnownVersion() {
        return version;
    }

    /**
     * Readers see this version from now on: a write on this replica, or one the read models' watch read, once the read
     * models hold it (until then, reads answer from the version before instead of waiting for the models to catch up).
     */
    public synchronized void changedTo(String newVersion) {
        // Never back: the watch may publish a version it read before a write here published the next one, and readers
        // told the older one would answer 304 to the ETag of numbers that write changed.
        if (version == null || !DatasetVersions.isEarlierRevision(newVersion, version)) {
            version = newVersion;
        }
        readAt = System.nanoTime();
    }

    /** What a read saw, and the one dataset version it saw it in. */
    public record Snapshot<T>(T value, String version) { }

    private static final int READ_ATTEMPTS = 5;

    /**
     * Runs a read of several statements (a read-model build, a record with its arms and results) so that it sees
     * one version of the dataset without locking out writers: a write commits the records and the new version
     * together, so an unchanged version before and after the read means nothing changed in between. Otherwise, or
     * when the read tripped over rows a write had just replaced, it runs again; the last attempt locks writes out.
     */
    public <T> Snapshot<T> consistently(int timeoutSeconds, Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            // A read that keeps losing the race against writes holds them off for its last attempt.
            boolean holdWrites = attempt == READ_ATTEMPTS;
            try {
                Snapshot<T> snapshot = QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
                    Optional<String> beingStored = versionBeingStored();
                    if (beingStored.isPresent()) {
                        // Nothing writes until the dataset is stored: a read of trials made from their files sees one version.
                        return new Snapshot<>(read.get(), beingStored.get());
                    }
                    if (holdWrites) {
                        DatasetState.lockForWrite();
                    }
                    String before = versionInDatabase();
                    T value = read.get();
                    return versionInDatabase().equals(before) ? new Snapshot<>(value, before) : null;
                });
                if (snapshot != null) {
                    return snapshot;
                }
            } catch (PersistenceException changedUnderfoot) {
                if (holdWrites) {
                    throw changedUnderfoot;
                }
            }
        }
    }

    /** Write-path catch-up beyond this many versions reads everything again: one query per version is not cheaper. */
    static final int CATCH_UP_VERSIONS = 1000;

    /**
     * The trials whose records changed from one version to a later one, as the change log says (a write records its
     * trial and every trial whose conflict lists it changed, with the version it made); empty when the log cannot
     * say: another seeding, too many versions apart, or a version missing from the log. Runs in the caller's
     * transaction.
     */
    public Optional<Set<String>> trialsChanged(String from, String to) {
        Optional<List<String>> versions = DatasetVersions.between(from, to, CATCH_UP_VERSIONS);
        if (versions.isEmpty() || versions.get().isEmpty()) {
            return versions.map(none -> Set.of());
        }
        Set<String> logged = new HashSet<>();
        Set<String> trials = new HashSet<>();
        entityManager.createQuery("select c.datasetVersion, c.trialId from ChangeRecord c where c.datasetVersion in :versions", Object[].class)
                .setParameter("versions", versions.get()).getResultList().forEach(entry -> {
                    logged.add((String) entry[0]);
                    if (entry[1] != null) {
                        trials.add((String) entry[1]);
                    }
                });
        return logged.containsAll(versions.get()) ? Optional.of(trials) : Optional.empty();
    }

    /** The version the database holds, read in the caller's transaction (while it is being stored, the version being stored). */
    public String versionInDatabase() {
        return versionBeingStored().orElseGet(() -> entityManager.createQuery("select s.version from DatasetState s where s.id = :id", String.class)
                .setParameter("id", DatasetState.SINGLETON).getSingleResult());
    }

    /** The version a first start serves while it is written behind the read models (the database holds none of it yet). */
    private Optional<String> versionBeingStored() {
        return storingBehind.inProgress().map(StoringBehind.Storing::version);
    }

    /** When the database was seeded: tells one database from another seeded from the same seed-data. */
    public String seededAt() {
        return storingBehind.inProgress().map(storing -> storing.loadedAt().toString()).orElseGet(() -> QuarkusTransaction.joiningExisting().call(() -> {
            DatasetState state = DatasetState.current();
            return state == null || state.loadedAt == null ? "" : state.loadedAt.toString();
        }));
    }

    /** Reads the version from the database now, without telling readers (see {@link #changedTo}). */
    public String readVersion() {
        return versionBeingStored().orElseGet(() -> QuarkusTransaction.joiningExisting().call(() -> {
            DatasetState state = DatasetState.current();
            return state == null ? "" : state.version;
        }));
    }
}
