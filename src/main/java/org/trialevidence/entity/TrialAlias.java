package org.trialevidence.entity;

import org.trialevidence.seeding.TrialNames;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/**
 * A name a trial is found by: its id, its acronym or a curated alias, with the key lookups compare and the skeleton
 * that look-alike names share (for uniqueness).
 */
@Embeddable
public record TrialAlias(String name, String nameKey, String nameSkeleton, boolean curated) {
    public static TrialAlias of(String name, boolean curated) {
        return new TrialAlias(name, TrialNames.key(name), TrialNames.skeleton(name), curated);
    }

    /** The skeleton follows from the name, and rows older than it have none: two names are equal without it. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TrialAlias alias && Objects.equals(name, alias.name) && Objects.equals(nameKey, alias.nameKey) && curated == alias.curated;
    }

    /**
     * The hash the record had before the skeleton was added: {@code Trial.names} is a hash set without an order of its
     * own, and serves aliases in the order of these hashes, which a new component would reshuffle.
     */
    @Override
    public int hashCode() {
        return (31 * Objects.hashCode(name) + Objects.hashCode(nameKey)) * 31 + Boolean.hashCode(curated);
    }
}
