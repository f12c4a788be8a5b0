package org.trialevidence.trial;

import jakarta.persistence.Embeddable;

/**
 * A name a trial is found by: its id, its acronym or a curated alias, with the key lookups compare and the skeleton
 * that look-alike names share (for uniqueness).
 */
@Embeddable
public record TrialAlias(String name, String nameKey, String nameSkeleton, boolean curated) {
    public static TrialAlias of(String name, boolean curated) {
        return new TrialAlias(name, TrialNames.key(name), TrialNames.skeleton(name), curated);
    }
}
