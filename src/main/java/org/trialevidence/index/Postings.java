package org.trialevidence.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For each term, the rows that carry it, as an ascending array of row numbers: a query reads the postings of its
 * terms (no copy for a single term) instead of a bit set over every row.
 */
public final class Postings {
    private final Map<String, Rows> rowsByTerm = new HashMap<>();

    /** Rows are added in ascending order while an index is built; a row added twice for a term is kept once. */
    public void add(String term, int row) {
        if (term != null) {
            rowsByTerm.computeIfAbsent(term, key -> new Rows()).add(row);
        }
    }

    public void addAll(Collection<String> terms, int row) {
        terms.forEach(term -> add(term, row));
    }

    /** Rows carrying any of the terms; null for no terms, which means no restriction. */
    public RowSet restriction(Collection<String> terms) {
        return terms.isEmpty() ? null : anyOf(terms);
    }

    /** Rows carrying any of the terms. */
    public RowSet anyOf(Collection<String> terms) {
        if (terms.size() == 1) {
            Rows rows = rowsByTerm.get(terms.iterator().next());
            return rows == null ? RowSet.EMPTY : rows.view();
        }
        List<RowSet> sets = new ArrayList<>(terms.size());
        for (String term : terms) {
            Rows rows = rowsByTerm.get(term);
            if (rows != null) {
                sets.add(rows.view());
            }
        }
        return RowSet.union(sets);
    }

    /**
     * These postings after a patch: each term's rows renumbered (the replaced ones dropped), with the fresh rows'
     * postings (already in the new numbering) merged in. Terms no row carries any more are dropped, as a build
     * would never have added them.
     */
    public Postings patched(Renumbering renumbering, Postings fresh) {
        Postings patched = new Postings();
        rowsByTerm.forEach((term, rows) -> {
            Rows renumbered = rows.patched(renumbering, fresh.rowsByTerm.get(term));
            if (renumbered.size > 0) {
                patched.rowsByTerm.put(term, renumbered);
            }
        });
        fresh.rowsByTerm.forEach(patched.rowsByTerm::putIfAbsent);
        return patched;
    }

    /** An ascending list of rows that grows while the index is built. */
    public static final class Rows {
        private int[] rows = new int[4];
        private int size;

        public void add(int row) {
            if (size > 0 && rows[size - 1] >= row) {
                if (rows[size - 1] == row) {
                    return;
                }
                throw new IllegalArgumentException("rows are added in ascending order: " + row + " after " + rows[size - 1]);
            }
            if (size == rows.length) {
                rows = java.util.Arrays.copyOf(rows, Math.max(4, size * 2));
            }
            rows[size++] = row;
        }

        /** These rows renumbered, with the fresh ones (in the new numbering; none when null) merged in. */
        public Rows patched(Renumbering renumbering, Rows fresh) {
            if (fresh == null ? renumbering.keepsAll(rows, size, rows, 0) : renumbering.keepsAll(rows, size, fresh.rows, fresh.size)) {
                // The same rows before and after: shared by both versions (a list is never changed once built).
                return this;
            }
            int[] kept = renumbering.renumbered(rows, size);
            Rows patched = new Rows();
            patched.rows = fresh == null ? kept : Renumbering.merged(kept, kept.length, fresh.rows, fresh.size);
            patched.size = patched.rows.length;
            return patched;
        }

        /** The rows so far, sharing this list's array (a new set each time: a query may note its sorted order on it). */
        public RowSet view() {
            return RowSet.of(rows, size);
        }
    }
}
