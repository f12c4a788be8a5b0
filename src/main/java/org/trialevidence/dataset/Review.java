package org.trialevidence.dataset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
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
    /**
     * The source's text, for a source registered through the API (excerpts are checked against it); the reviews
     * seed-data registers keep theirs in the reviews directory.
     */
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String sourceText;
    @Column(length = 200)
    public String registeredBy;
    public Instant registeredAt;

    /** Every source, seeded reviews and registered ones, by document id. */
    public static List<Review> inOrder() {
        return list("order by document");
    }

    /** The sources registered through the API (they carry their text), by document id. */
    public static List<Review> registered() {
        return list("registeredBy is not null order by document");
    }
}
