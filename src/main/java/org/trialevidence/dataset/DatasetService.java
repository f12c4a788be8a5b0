package org.trialevidence.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The version of the dataset the database holds. */
@ApplicationScoped
public class DatasetService {
    /** How long a version read from the database is trusted before it is read again. */
    static final long RECHECK_NANOS = 1_000_000_000L;
    /** Seeding and read-model builds of a large dataset outlast the default 60 s transaction timeout. */
    public static final int LONG_TRANSACTION_SECONDS = 3600;

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

    /** A write on this replica: its readers see the new version at once, not a second later. */
    public void changedTo(String newVersion) {
        version = newVersion;
        readAt = System.nanoTime();
    }

    @Transactional
    String readVersion() {
        DatasetState state = DatasetState.current();
        return state == null ? "" : state.version;
    }
}
