package org.trialevidence.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.util.Optional;

/** The service's own settings, {@code evidence.*} in application.properties (names as written there). */
@ConfigMapping(prefix = "evidence")
public interface EvidenceConfig {
    /** {@code evidence.data-dir}: the H2 database, the signing keys and the kept read models. */
    Path dataDir();

    /** {@code evidence.seed-dir}: the curated trials and their JSON Schema. */
    @WithDefault("seed-data")
    Path seedDir();

    /** {@code evidence.reviews-dir}: the review texts every excerpt is checked against; without it, excerpts are not checked. */
    Optional<Path> reviewsDir();

    Auth auth();

    ReadModel readModel();

    Seeding seeding();

    interface Auth {
        /** {@code evidence.auth.create-local-key}: create the signing key pair in the data directory when it is missing. */
        boolean createLocalKey();
    }

    interface Seeding {
        /**
         * {@code evidence.seeding.trials-per-transaction}: an empty database is seeded in transactions of this many
         * trials (one huge transaction took H2 minutes to commit at 100,000 trials); it is marked seeded after the last.
         */
        @WithDefault("1000")
        int trialsPerTransaction();

        /**
         * {@code evidence.seeding.store-behind-from}: an empty database seeded with at least this many trials is
         * served from the read models made from the files while the records are written behind them (curation waits
         * for the write); a smaller one is served once written.
         */
        @WithDefault("10000")
        int storeBehindFrom();
    }

    interface ReadModel {
        /** {@code evidence.read-model.keep-views-up-to}: up to this many results the index keeps every view in memory. */
        @WithDefault("50000")
        int keepViewsUpTo();

        /**
         * Whether a read model of this many results keeps every view in memory; if not, pages read the views stored in
         * the results' rows, and seeding stores them. The one rule seeding, builds and patches all follow.
         */
        default boolean keepsViews(long results) {
            return results <= keepViewsUpTo();
        }

        /** {@code evidence.read-model.keep-on-disk-from}: from this many rows a read model is kept in the data directory. */
        @WithDefault("10000")
        int keepOnDiskFrom();
    }
}
