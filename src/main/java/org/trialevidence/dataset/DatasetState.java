package org.trialevidence.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The one row that says which version of the dataset the database holds. Kept in the database, not in memory,
 * so that every replica reading the same database reports the same version, and a write can change it.
 */
@Entity
@Table(name = "dataset_state")
public class DatasetState extends PanacheEntityBase {
    public static final long SINGLETON = 1L;

    @Id
    public Long id = SINGLETON;
    public String version;
    public Instant loadedAt;
    /** Whether excerpts and numbers were checked against the reviews when the data was loaded. */
    public boolean sourceFidelityChecked;

    public static DatasetState current() {
        return findById(SINGLETON);
    }
}
