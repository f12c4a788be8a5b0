package org.trialevidence.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * The audit trail: one row per write, in the same transaction as the write, so that what is stored and what the
 * trail says cannot part. Documents are the whole trial (seed-data shape, results included) before and after.
 */
@Entity
@Table(name = "change_log", indexes = {@Index(name = "change_log_trial", columnList = "trialId, id"),
        @Index(name = "change_log_dataset_version", columnList = "datasetVersion")})
public class ChangeRecord extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String trialId;
    /** Set when the change was made through the result's own resource. */
    public String resultId;
    public String action;
    @Column(length = 200)
    public String actor;
    public Instant changedAt;
    @Column(length = 2000)
    public String reason;
    /** The trial's version after the change. */
    public long trialVersion;
    /** The dataset version the change produced. */
    public String datasetVersion;
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String documentBefore;
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String documentAfter;
}
