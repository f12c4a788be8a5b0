package org.trialevidence.index;

import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Rows sorted once by a key, rows without a key last whichever the direction, ties in row order. A page of a
 * filtered query walks this order and keeps the rows in the filter's bit set, so no per-query sort is needed.
 */
public final class RowOrder {
    private final int[] ascending;
    private final int[] descending;

    private RowOrder(int[] ascending, int keyed) {
        this.ascending = ascending;
        this.descending = new int[ascending.length];
        int next = 0;
        for (int i = keyed - 1; i >= 0; i--) {
            descending[next++] = ascending[i];
        }
        System.arraycopy(ascending, keyed, descending, next, ascending.length - keyed);
    }

    /** Rows are numbered 0..rows-1 in the default order already. */
    public static RowOrder identity(int rows) {
        return new RowOrder(IntStream.range(0, rows).toArray(), rows);
    }

    public static <K extends Comparable<K>> RowOrder by(int rows, IntFunction<K> key) {
        int[] withKey = IntStream.range(0, rows).filter(row -> key.apply(row) != null).boxed()
                .sorted(Comparator.comparing((Integer row) -> key.apply(row)).thenComparingInt(row -> row))
                .mapToInt(Integer::intValue).toArray();
        int[] withoutKey = IntStream.range(0, rows).filter(row -> key.apply(row) == null).toArray();
        return new RowOrder(IntStream.concat(IntStream.of(withKey), IntStream.of(withoutKey)).toArray(), withKey.length);
    }

    /** The matching rows from position offset on, at most limit of them, in this order or its reverse. */
    public List<Integer> page(BitSet matching, boolean descending, long offset, int limit) {
        int[] sequence = descending ? this.descending : ascending;
        java.util.ArrayList<Integer> page = new java.util.ArrayList<>(Math.min(limit, 256));
        long skipped = 0;
        for (int row : sequence) {
            if (!matching.get(row)) {
                continue;
            }
            if (skipped++ < offset) {
                continue;
            }
            page.add(row);
            if (page.size() == limit) {
                break;
            }
        }
        return page;
    }
}
