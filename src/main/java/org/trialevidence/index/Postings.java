package org.trialevidence.index;

import org.roaringbitmap.RoaringBitmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * For each term, the rows that carry it, as a compressed bitmap ({@link RowSet}): a query reads the postings of its
 * terms (no copy for a single term) and combines them container by container.
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
            if (!renumbered.isEmpty()) {
                patched.rowsByTerm.put(term, renumbered);
            }
        });
        fresh.rowsByTerm.forEach(patched.rowsByTerm::putIfAbsent);
        return patched;
    }

    /**
     * The inverse of these postings: each row's terms, in their natural order. For writing an index out without
     * holding the rows it was built from; a build from rows carrying these terms makes the same postings.
     */
    public TermsByRow byRow(int rowCount) {
        Map<String, Rows> sorted = new TreeMap<>(rowsByTerm);
        int[] start = new int[rowCount + 1];
        sorted.values().forEach(rows -> rows.rows.forEach((int row) -> start[row + 1]++));
        for (int row = 0; row < rowCount; row++) {
            start[row + 1] += start[row];
        }
        String[] terms = new String[start[rowCount]];
        int[] filled = new int[rowCount];
        sorted.forEach((term, rows) -> rows.rows.forEach((int row) -> terms[start[row] + filled[row]++] = term));
        return new TermsByRow(start, terms);
    }

    /** Each row's terms: those of row r are {@code terms[start[r]]} to {@code terms[start[r + 1] - 1]}. */
    public static final class TermsByRow {
        private final int[] start;
        private final String[] terms;

        private TermsByRow(int[] start, String[] terms) {
            this.start = start;
            this.terms = terms;
        }

        public List<String> of(int row) {
            return List.of(Arrays.copyOfRange(terms, start[row], start[row + 1]));
        }

        /** The row's one term, or null for none; a row of several is refused (the postings are not of one term a row). */
        public String only(int row) {
            int count = start[row + 1] - start[row];
            if (count > 1) {
                throw new IllegalStateException("row " + row + " has " + count + " terms where one is expected");
            }
            return count == 0 ? null : terms[start[row]];
        }
    }

    /** The rows of one term: added in ascending order while an index is built, never changed after. */
    public static final class Rows {
        private final RoaringBitmap rows;
        private int last = -1;

        public Rows() {
            this(new RoaringBitmap());
        }

        private Rows(RoaringBitmap rows) {
            this.rows = rows;
        }

        public void add(int row) {
            if (row <= last) {
                if (row == last) {
                    return;
                }
                throw new IllegalArgumentException("rows are added in ascending order: " + row + " after " + last);
            }
            rows.add(row);
            last = row;
        }

        /** These rows renumbered, with the fresh ones (in the new numbering; none when null) merged in. */
        public Rows patched(Renumbering renumbering, Rows fresh) {
            RoaringBitmap freshRows = fresh == null ? new RoaringBitmap() : fresh.rows;
            if (renumbering.keepsAll(rows, freshRows)) {
                // The same rows before and after: shared by both versions (a posting is never changed once built).
                return this;
            }
            RoaringBitmap patched = renumbering.renumbered(rows);
            patched.or(freshRows);
            return new Rows(patched);
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }

        public boolean contains(int row) {
            return rows.contains(row);
        }

        /** The rows, sharing this posting's bitmap (a new set each time: a query may note its sorted order on it). */
        public RowSet view() {
            return RowSet.of(rows);
        }
    }
}
