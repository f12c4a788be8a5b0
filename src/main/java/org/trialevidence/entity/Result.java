package org.trialevidence.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;
import org.trialevidence.seeding.TrialSeed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One reported outcome of a trial: an endpoint in a population at an analysis, per-arm values and the comparison
 * between two arms. The statistics the API filters and sorts on are columns; per-arm values, sources and curation
 * notes are JSON value objects in the curated shape. An update writes the columns that changed only: the stored
 * view is written after a read model's build or patch beside writes and without their lock, and writing the whole
 * row as it was read would undo a write that committed meanwhile.
 */
@Entity
@DynamicUpdate
@Table(name = "result", indexes = {
        @Index(name = "result_trial", columnList = "trial_id"),
        @Index(name = "result_estimate", columnList = "estimate")})
public class Result extends PanacheEntityBase {
    @Id
    public String id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Trial trial;
    public int position;
    public String endpoint;
    public String timepoint;
    public String populationType;
    public String populationLabel;
    /** The curated record's version (see {@code TrialRecord}), for ETags and If-Match. */
    public long version;

    @ElementCollection
    @CollectionTable(name = "result_biomarker", joinColumns = @JoinColumn(name = "result_id"))
    @Column(name = "biomarker")
    public Set<String> populationBiomarkers = new LinkedHashSet<>();

    public String analysisType;
    public String assessor;
    @Column(length = 1000)
    public String analysisDescription;

    @ManyToOne(fetch = FetchType.LAZY)
    public Arm experimentalArm;
    @ManyToOne(fetch = FetchType.LAZY)
    public Arm controlArm;
    public String effectMeasure;
    @Column(precision = 12, scale = 6)
    public BigDecimal estimate;
    @Column(precision = 12, scale = 6)
    public BigDecimal ciLower;
    @Column(precision = 12, scale = 6)
    public BigDecimal ciUpper;
    @Column(precision = 6, scale = 4)
    public BigDecimal ciLevel;
    public String pValueText;
    @Column(precision = 30, scale = 20)
    public BigDecimal pValue;
    public String pValueComparator;
    /** The CI excludes 1; null without a CI. */
    public Boolean significant;
    /** Another result reports the same quantity with a different value, or a source disputes this one. */
    public boolean conflicting;

    @Column(length = 4000)
    public String rawText;
    // @Basic on the JSON lists: without it Hibernate's bytecode enhancer takes a List field for a mapped collection and
    // tracks only its size, so a write assigning another list of the same size (a conflict moved) was never stored.
    @Basic
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<TrialSeed.ArmValue> armValues = new ArrayList<>();
    @Basic
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<TrialSeed.Source> sources = new ArrayList<>();
    @Basic
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<TrialSeed.Correction> corrections = new ArrayList<>();
    @Basic
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> conflictsWith = new ArrayList<>();
    @Basic
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<TrialSeed.DisputingStatement> disputedBy = new ArrayList<>();
    @Basic
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> notes = new ArrayList<>();
    /** Set when the value looks copied from another row. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public TrialSeed.Suspect suspect;

    /**
     * The result's API representation, derived from the columns above and rewritten when the read model of a
     * dataset too large to keep in memory is built: such datasets serve pages from it with one indexed read
     * instead of loading the entity graph.
     */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String viewJson;

    /**
     * The arms this result reports values for or compares (what arm, drug and drug-class filters match): those of its
     * values, then its comparison's, from its trial's arms. Derived, not stored: the table that held them (dropped by
     * migration V7) was two rows a result and about a third of the index entries seeding wrote (docs/benchmarks.md).
     */
    public List<Arm> arms() {
        Set<String> armIds = new LinkedHashSet<>();
        armValues.forEach(value -> armIds.add(value.arm()));
        if (experimentalArm != null) {
            armIds.add(experimentalArm.armId);
            armIds.add(controlArm.armId);
        }
        return armIds.stream().map(trial::arm).toList();
    }
}
