package org.trialevidence.index;

import org.trialevidence.vocabulary.VocabularyKind;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** One {@link Postings} per controlled vocabulary, for filters by term and for usage counts. */
public final class VocabularyPostings {
    private final Map<VocabularyKind, Postings> byKind = new EnumMap<>(VocabularyKind.class);

    public VocabularyPostings() {
        for (VocabularyKind kind : VocabularyKind.values()) {
            byKind.put(kind, new Postings());
        }
    }

    public Postings of(VocabularyKind kind) {
        return byKind.get(kind);
    }

    /** These postings after a patch, see {@link Postings#patched}. */
    public VocabularyPostings patched(Renumbering renumbering, VocabularyPostings fresh) {
        VocabularyPostings patched = new VocabularyPostings();
        byKind.forEach((kind, postings) -> patched.byKind.put(kind, postings.patched(renumbering, fresh.of(kind))));
        return patched;
    }

    /** How many rows use any of the codes. */
    public int countUsing(VocabularyKind kind, Set<String> codes) {
        return of(kind).anyOf(codes).cardinality();
    }
}
