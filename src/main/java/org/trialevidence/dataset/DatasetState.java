package org.trialevidence.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The one row that says which version of the dataset the database holds. Kept in the database, not in memory,
 * so that every replica reading the same database reports the same version, and every write changes it. The
 * row exists from the first migration on, so that seeding and writes can lock it: they are serialised across
 * replicas, and the version moves one revision at a time.
 */
@Entity
@Table(name = "dataset_state")
public class DatasetState extends PanacheEntityBase {
    public static final long SINGLETON = 1L;

    @Id
    public Long id = SINGLETON;
    /** Changes with every write: the seed-data content hash, then that hash and the revision. */
    public String version;
    /** The content hash of the seed-data directory the database was seeded from. */
    public String seedVersion;
    /** Writes since seeding. */
    public long revision;
    public boolean seeded;
    public Instant loadedAt;
    public Instant changedAt;
    /** Whether excerpts and numbers were checked against the reviews when the data was seeded. */
    public boolean sourceFidelityChecked;

    public static DatasetState current() {
        return findById(SINGLETON);
    }

    /** The row, locked until the transaction ends: one seeding or write at a time, across every replica. */
    public static DatasetState lockForWrite() {
        return findById(SINGLETON, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Records a write: a new revision and with it a new version, so that ETags and read models move on. */
    public void advance(Instant at) {
        revision++;
        version = seedVersion + "." + revision;
        changedAt = at;
    }
}
