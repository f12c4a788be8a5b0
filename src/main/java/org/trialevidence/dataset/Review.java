package org.trialevidence.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A source review every served number is quoted from (registered in seed-data/sources.json). */
@Entity
@Table(name = "review")
public class Review extends PanacheEntityBase {
    @Id
    public String document;
    public String title;
    @Column(length = 2000)
    public String citation;
}
