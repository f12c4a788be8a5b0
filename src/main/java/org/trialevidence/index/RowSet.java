package org.trialevidence.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * A set of row numbers: every row of the index, or an ascending array. Queries make these from postings without
 * copying them (a single term's rows are its posting itself) and combine them by merging, smallest first, so a
 * query costs in proportion to the rows its terms carry, not to the size of the dataset.
 */
public final class RowSet {
    /** Ascending rows, or null for every row 0..size-1. */
    private final int[] rows;
    private final int size;
    /** The rows sorted by one order, kept for the next page of the same query (a streamed export asks chunk by chunk). */
    private Object sortedBy;
    private int[] sortedPositions;

    private RowSet(int[] rows, int size) {
        this.rows = rows;
        this.size = size;
    }

    public static RowSet all(int count) {
        return new RowSet(null, count);
    }

    /** The first size entries of an ascending array, shared, not copied: the caller no longer changes them. */
    static RowSet of(int[] ascending, int size) {
        return new RowSet(ascending, size);
    }

    public static RowSet of(int... ascending) {
        return new RowSet(ascending, ascending.length);
    }

    static final RowSet EMPTY = new RowSet(new int[0], 0);

    public int cardinality() {
        return size;
    }

    public boolean isAll() {
        return rows == null;
    }

    /** The i-th row in ascending order. */
    public int row(int i) {
        return rows == null ? i : rows[i];
    }

    public boolean contains(int row) {
        return rows == null ? row >= 0 && row < size : Arrays.binarySearch(rows, 0, size, row) >= 0;
    }

    /** Rows in this set and the other. */
    public RowSet and(RowSet other) {
        if (rows == null) {
            return other.size <= size ? other : other.keep(row -> row < size);
        }
        if (other.rows == null) {
            return other.size >= size || size == 0 || rows[size - 1] < other.size ? this : keep(row -> row < other.size);
        }
        RowSet small = size <= other.size ? this : other;
        RowSet large = small == this ? other : this;
        int[] out = new int[small.size];
        int n = 0;
        if (large.size / 16 > small.size) {
            // Much smaller: look each row up (log of the larger) instead of walking both.
            int from = 0;
            for (int i = 0; i < small.size; i++) {
                int found = Arrays.binarySearch(large.rows, from, large.size, small.rows[i]);
                if (found >= 0) {
                    out[n++] = small.rows[i];
                    from = found + 1;
                } else {
                    from = -found - 1;
                }
            }
        } else {
            for (int i = 0, j = 0; i < small.size && j < large.size; ) {
                int a = small.rows[i];
                int b = large.rows[j];
                if (a == b) {
                    out[n++] = a;
                    i++;
                    j++;
                } else if (a < b) {
                    i++;
                } else {
                    j++;
                }
            }
        }
        return new RowSet(out, n);
    }

    /** Rows in this set and not in the other. */
    public RowSet andNot(RowSet other) {
        return other.size == 0 ? this : keep(row -> !other.contains(row));
    }

    /** The rows passing the test. */
    public RowSet keep(IntPredicate test) {
        int[] out = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            int row = row(i);
            if (test.test(row)) {
                out[n++] = row;
            }
        }
        return n == size && rows != null ? this : new RowSet(out, n);
    }

    /** Rows in any of the sets. */
    public static RowSet union(List<RowSet> sets) {
        RowSet union = EMPTY;
        for (RowSet set : sets) {
            union = union.or(set);
        }
        return union;
    }

    private RowSet or(RowSet other) {
        if (size == 0) {
            return other;
        }
        if (other.size == 0) {
            return this;
        }
        if (rows == null || other.rows == null) {
            return union(this, other);
        }
        int[] out = new int[size + other.size];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < size && j < other.size) {
            int a = rows[i];
            int b = other.rows[j];
            if (a <= b) {
                out[n++] = a;
                i++;
                if (a == b) {
                    j++;
                }
            } else {
                out[n++] = b;
                j++;
            }
        }
        while (i < size) {
            out[n++] = rows[i++];
        }
        while (j < other.size) {
            out[n++] = other.rows[j++];
        }
        return new RowSet(out, n);
    }

    /** The union when one side is every row of some count: rows of both, below the larger bound. */
    private static RowSet union(RowSet a, RowSet b) {
        RowSet all = a.rows == null ? a : b;
        RowSet other = all == a ? b : a;
        RowSet beyond = other.keep(row -> row >= all.size);
        int[] out = new int[all.size + beyond.size];
        for (int i = 0; i < all.size; i++) {
            out[i] = i;
        }
        for (int i = 0; i < beyond.size; i++) {
            out[all.size + i] = beyond.row(i);
        }
        return new RowSet(out, out.length);
    }

    /**
     * Rows in every one of the sets, intersected smallest first so that each step costs at most the smallest so
     * far; null entries (no restriction) are skipped; no sets at all is every row.
     */
    public static RowSet intersection(int count, List<RowSet> sets) {
        List<RowSet> given = new ArrayList<>(sets.size());
        for (RowSet set : sets) {
            if (set != null) {
                given.add(set);
            }
        }
        given.sort(Comparator.comparingInt(RowSet::cardinality));
        RowSet result = RowSet.all(count);
        for (RowSet set : given) {
            if (result.size == 0) {
                break;
            }
            result = result.and(set);
        }
        return result;
    }

    int[] sortedPositions(Object order) {
        return order == sortedBy ? sortedPositions : null;
    }

    void keepSortedPositions(Object order, int[] positions) {
        sortedBy = order;
        sortedPositions = positions;
    }
}
