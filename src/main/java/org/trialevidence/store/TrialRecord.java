package org.trialevidence.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A trial as curated: the source of truth that the query tables are projected from. The document is the trial's
 * seed-data record without its results, which are records of their own (each with a version, deletable alone).
 * A deleted trial keeps its row, so that it can be restored and its history read.
 */
@Entity
@Table(name = "trial_record")
public class TrialRecord extends PanacheEntityBase {
    @Id
    public String id;
    /** The seed-data JSON of the trial, {@code results} left empty. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String document;
    /** Starts at 1; every change to the trial or to one of its results (or to what they show) adds one. */
    public long version;
    public boolean deleted;
    public Instant changedAt;
    @Column(length = 200)
    public String changedBy;
}
