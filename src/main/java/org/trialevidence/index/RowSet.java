package org.trialevidence.index;

import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.RoaringBitmapWriter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * A set of row numbers, as a compressed bitmap: every row of the index, a term's posting (shared, not copied), or
 * what a query made of them. Unions and intersections go container by container (a run, an array or a bitmap of up
 * to 65,536 rows), so a query over dense terms costs in proportion to its containers rather than to the rows they
 * hold, and a sparse one in proportion to its rows. A set is never changed once made.
 */
public final class RowSet {
    private final RoaringBitmap rows;
    private final int cardinality;
    /** Made by {@link #all}: every row 0..cardinality-1 (a page of it needs no look-up). */
    private final boolean all;
    /** The rows sorted by one order, kept for the next page of the same query (a streamed export asks chunk by chunk). */
    private Object sortedBy;
    private int[] sortedPositions;

    private RowSet(RoaringBitmap rows, boolean all) {
        this.rows = rows;
        this.cardinality = rows.getCardinality();
        this.all = all;
    }

    public static RowSet all(int count) {
        return new RowSet(RoaringBitmap.bitmapOfRange(0, count), true);
    }

    /** The rows of a bitmap that is no longer changed (a posting), shared, not copied. */
    static RowSet of(RoaringBitmap rows) {
        return new RowSet(rows, false);
    }

    public static RowSet of(int... rows) {
        return new RowSet(RoaringBitmap.bitmapOf(rows), false);
    }

    static final RowSet EMPTY = new RowSet(new RoaringBitmap(), false);

    public int cardinality() {
        return cardinality;
    }

    public boolean isAll() {
        return all;
    }

    /** The i-th row in ascending order. */
    public int row(int i) {
        return all ? i : rows.select(i);
    }

    public boolean contains(int row) {
        return rows.contains(row);
    }

    /** Each row, ascending. */
    public void forEach(IntConsumer action) {
        rows.forEach((int row) -> action.accept(row));
    }

    /** Rows in this set and the other. */
    public RowSet and(RowSet other) {
        if (all && (other.cardinality == 0 || other.rows.last() < cardinality)) {
            return other;
        }
        if (other.all && (cardinality == 0 || rows.last() < other.cardinality)) {
            return this;
        }
        return new RowSet(RoaringBitmap.and(rows, other.rows), false);
    }

    /** Rows in this set and not in the other. */
    public RowSet andNot(RowSet other) {
        return other.cardinality == 0 ? this : new RowSet(RoaringBitmap.andNot(rows, other.rows), false);
    }

    /** The rows passing the test. */
    public RowSet keep(IntPredicate test) {
        RoaringBitmapWriter<RoaringBitmap> kept = RoaringBitmapWriter.writer().get();
        IntIterator each = rows.getIntIterator();
        while (each.hasNext()) {
            int row = each.next();
            if (test.test(row)) {
                kept.add(row);
            }
        }
        RoaringBitmap result = kept.get();
        return result.getCardinality() == cardinality && !all ? this : new RowSet(result, false);
    }

    /** Rows in any of the sets. */
    public static RowSet union(List<RowSet> sets) {
        if (sets.isEmpty()) {
            return EMPTY;
        }
        if (sets.size() == 1) {
            // A set of its own: a query notes its sorted order on it.
            return new RowSet(sets.get(0).rows, sets.get(0).all);
        }
        RoaringBitmap[] bitmaps = new RoaringBitmap[sets.size()];
        for (int i = 0; i < bitmaps.length; i++) {
            bitmaps[i] = sets.get(i).rows;
        }
        return new RowSet(FastAggregation.or(bitmaps), false);
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
            if (result.cardinality == 0) {
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
