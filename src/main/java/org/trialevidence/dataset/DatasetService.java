package org.trialevidence.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The version of the dataset the database holds. */
@ApplicationScoped
public class DatasetService {
    /** How long a version read from the database is trusted before it is read again. */
    static final long RECHECK_NANOS = 1_000_000_000L;

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

    @Transactional
    String readVersion() {
        DatasetState state = DatasetState.current();
        return state == null ? "" : state.version;
    }
}
