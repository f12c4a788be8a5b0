package org.trialevidence.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** One result of a curated trial, in its seed-data shape, with its own version and soft-delete flag. */
@Entity
@Table(name = "result_record", indexes = @Index(name = "result_record_trial", columnList = "trialId"))
public class ResultRecord extends PanacheEntityBase {
    @Id
    public String id;
    public String trialId;
    /** Order within the trial, as curated. */
    public int position;
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String document;
    public long version;
    public boolean deleted;
    public Instant changedAt;
    @Column(length = 200)
    public String changedBy;

    /**
     * The results this one's curator declared in conflict with it. Kept relationally so that the other side of a
     * conflict can be found by index when either side changes: the API shows a conflict on both results.
     */
    @ElementCollection
    @CollectionTable(name = "result_conflict", joinColumns = @JoinColumn(name = "result_id"),
            indexes = @Index(name = "result_conflict_other", columnList = "conflicts_with"))
    @Column(name = "conflicts_with")
    public Set<String> declaredConflicts = new LinkedHashSet<>();
}
