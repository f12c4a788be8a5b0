package org.trialevidence.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For each term, the rows that carry it, as an ascending array of row numbers: a query reads the postings of its
 * terms (no copy for a single term) instead of a bit set over every row.
 */
public final class Postings {
    /** The rows of the unions kept, at most: a few umbrella terms' unions even at 100,000 trials, 4 MB. */
    static final long UNION_ROWS = 1 << 20;
    private final Map<String, Rows> rowsByTerm = new HashMap<>();
    /**
     * Unions of terms asked for before, the least recently asked dropped first: every query naming an umbrella term
     * (metastatic, CDK4/6i) asks for the union of its children's rows, which at 100,000 trials was most of the query's
     * time. Asked only once the postings are built (an index never changes them after). Guarded by itself.
     */
    private final LinkedHashMap<Set<String>, RowSet> unions = new LinkedHashMap<>(16, 0.75f, true);
    private long unionRows;

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
        Set<String> key = Set.copyOf(terms);
        synchronized (unions) {
            RowSet kept = unions.get(key);
            if (kept != null) {
                return kept.view();
            }
        }
        List<RowSet> sets = new ArrayList<>(terms.size());
        for (String term : terms) {
            Rows rows = rowsByTerm.get(term);
            if (rows != null) {
                sets.add(rows.view());
            }
        }
        RowSet union = RowSet.union(sets);
        keep(key, union);
        return union.view();
    }

    private void keep(Set<String> key, RowSet union) {
        synchronized (unions) {
            RowSet replaced = unions.put(key, union);
            unionRows += union.cardinality() - (replaced == null ? 0 : replaced.cardinality());
            var eldest = unions.values().iterator();
            while (unionRows > UNION_ROWS && eldest.hasNext()) {
                unionRows -= eldest.next().cardinality();
                eldest.remove();
            }
        }
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
