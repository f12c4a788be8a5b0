package org.trialevidence.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;
import org.trialevidence.seeding.TrialSeed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A study as curated. Columns the read models index are relational (the database indexes only what its own queries
 * use: migration V6); value objects that are only ever shown with the trial (approvals, safety, sources) are kept as
 * JSON in the shape curators write them.
 * The JSON values are treated as immutable (a change replaces the value), which spares Hibernate a
 * serialize-to-copy of each one on every load and flush.
 */
@Entity
@Table(name = "trial", indexes = {
        @Index(name = "trial_study_type", columnList = "studyType"),
        @Index(name = "trial_acronym", columnList = "acronym")})
public class Trial extends PanacheEntityBase {
    @Id
    public String id;
    public String acronym;
    /** Lower-case acronym, aliases, title and population, for the free-text filter. */
    @Column(length = 8000)
    public String searchText;
    public String title;
    public String studyType;
    public String phase;
    @Column(length = 4000)
    public String designNotes;
    public String sponsor;
    public String yearsConducted;
    public String status;
    public String setting;
    @Column(length = 1000)
    public String lineOfTherapy;
    @Column(length = 2000)
    public String population;
    public String menopausalStatus;
    /** The curated record's version (see {@code TrialRecord}), for ETags and If-Match. */
    public long version;

    @ElementCollection
    @CollectionTable(name = "trial_alias", joinColumns = @JoinColumn(name = "trial_id"))
    public Set<TrialAlias> names = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "trial_biomarker", joinColumns = @JoinColumn(name = "trial_id"))
    @Column(name = "biomarker")
    public Set<String> biomarkers = new LinkedHashSet<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public TrialSeed.Enrolment enrolment;
    // @Basic on the JSON lists: without it Hibernate's bytecode enhancer takes a List field for a mapped collection and
    // tracks only its size, so a write assigning another list of the same size (a conflict moved) was never stored.
    @Basic
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<TrialSeed.Approval> approvals = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public TrialSeed.SourcedText guideline;
    @Basic
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<TrialSeed.Safety> safety = new ArrayList<>();
    @Basic
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<TrialSeed.Source> sources = new ArrayList<>();
    @Basic
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> curationNotes = new ArrayList<>();
    @Basic
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<TrialSeed.ContrastOverride> contrastOverrides = new ArrayList<>();

    @OneToMany(mappedBy = "trial", cascade = jakarta.persistence.CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Arm> arms = new ArrayList<>();

    @OneToMany(mappedBy = "trial", cascade = jakarta.persistence.CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Result> results = new ArrayList<>();

    /**
     * The aliases as curated, without the id and acronym that {@link #names} also holds for lookup, in alphabetical
     * order: the names read back from the database come in no order of their own (the curated order is kept in the
     * trial's document), and a trial must list them alike however it was read.
     */
    public List<String> aliases() {
        return names.stream().filter(TrialAlias::curated).map(TrialAlias::name).sorted().toList();
    }

    public Arm arm(String armId) {
        return arms.stream().filter(arm -> arm.armId.equals(armId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " has no arm " + armId));
    }
}
