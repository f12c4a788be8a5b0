package org.trialevidence.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** One arm of a trial; its drugs carry their drug class so that class filters are plain joins. */
@Entity
@Table(name = "arm")
public class Arm extends PanacheEntityBase {
    @Id
    @GeneratedValue
    public Long pk;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Trial trial;
    /** The arm's id within its trial, as curated. */
    public String armId;
    public String label;
    public String role;
    public String dose;
    public int position;

    @ElementCollection
    @CollectionTable(name = "arm_drug", joinColumns = @JoinColumn(name = "arm_pk"))
    @OrderColumn(name = "position")
    public List<ArmDrug> drugs = new ArrayList<>();
}
