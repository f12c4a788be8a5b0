package org.trialevidence.index;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** For each term, the rows that carry it, as a bit set over row numbers. */
public final class Postings {
    private final Map<String, BitSet> rowsByTerm = new HashMap<>();

    public void add(String term, int row) {
        if (term != null) {
            rowsByTerm.computeIfAbsent(term, key -> new BitSet()).set(row);
        }
    }

    public void addAll(Collection<String> terms, int row) {
        terms.forEach(term -> add(term, row));
    }

    /** Keeps only the rows carrying one of the terms; no terms means no restriction. */
    public void narrow(BitSet rows, Collection<String> terms) {
        if (!terms.isEmpty()) {
            rows.and(anyOf(terms));
        }
    }

    /** Rows carrying any of the terms (a new set the caller may change). */
    public BitSet anyOf(Collection<String> terms) {
        BitSet rows = new BitSet();
        for (String term : terms) {
            BitSet posting = rowsByTerm.get(term);
            if (posting != null) {
                rows.or(posting);
            }
        }
        return rows;
    }
}
