package org.trialevidence.trial;

import jakarta.persistence.Embeddable;

/** A name a trial is found by: its id, its acronym or a curated alias, with the key lookups compare. */
@Embeddable
public record TrialAlias(String name, String nameKey, boolean curated) {
    public static TrialAlias of(String name, boolean curated) {
        return new TrialAlias(name, TrialNames.key(name), curated);
    }
}
