package org.trialevidence.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Rows sorted once by a key, rows without a key last whichever the direction, ties in row order (reversed with
 * the keys when descending). A page of a filtered query walks this order from its start while the matches are dense
 * (each row looked up in them), or else looks up the position of each matching row and keeps the first offset +
 * limit of them: no per-query sort of the dataset.
 */
public final class RowOrder {
    /** Rows by ascending key, or null when the rows are numbered in this order already. */
    private final int[] ascending;
    /** The position of each row in {@link #ascending}. */
    private final int[] positionOf;
    /** How many rows have a key: they come first, and only they are reversed when descending. */
    private final int keyed;
    /** Above this many positions a query sorts all of its matches once and keeps them for its next pages. */
    private static final int SELECT_UP_TO = 1024;
    /**
     * Up to this many positions, dense matches are found by walking the order (deep pages of a query too); beyond it
     * sorting them all once is cheaper for a streamed export, which asks for ever deeper chunks of the same matches.
     */
    private static final int WALK_UP_TO = 10_000;

    private RowOrder(int[] ascending, int keyed) {
        this.ascending = ascending;
        this.keyed = keyed;
        if (ascending == null) {
            positionOf = null;
        } else {
            positionOf = new int[ascending.length];
            for (int position = 0; position < ascending.length; position++) {
                positionOf[ascending[position]] = position;
            }
        }
    }

    /** Makes the order of one sort key, by its name: sorted for a build, patched from the held order for a patch. */
    public interface Maker {
        <K extends Comparable<K>> RowOrder by(String name, IntFunction<K> key);
    }

    /** Sorts each order afresh. */
    public static Maker sorting(int rows) {
        return new Maker() {
            @Override
            public <K extends Comparable<K>> RowOrder by(String name, IntFunction<K> key) {
                return RowOrder.by(rows, key);
            }
        };
    }

    /** Patches each held order (by name), see {@link #patched}. */
    public static Maker patching(Map<String, RowOrder> held, Renumbering renumbering) {
        return new Maker() {
            @Override
            public <K extends Comparable<K>> RowOrder by(String name, IntFunction<K> key) {
                return held.get(name).patched(renumbering, key);
            }
        };
    }

    /** Rows are numbered 0..rows-1 in the default order already. */
    public static RowOrder identity(int rows) {
        return new RowOrder(null, rows);
    }

    /**
     * Rows with a key by ascending key (ties in row order), then rows without one in row order. Sorted as row numbers
     * with a stable merge sort, not as boxed rows: at 900,000 rows boxing cost 25 MB an order at a load's peak.
     */
    public static <K extends Comparable<K>> RowOrder by(int rows, IntFunction<K> key) {
        Object[] keys = new Object[rows];
        int[] order = new int[rows];
        int keyed = 0;
        for (int row = 0; row < rows; row++) {
            keys[row] = key.apply(row);
            keyed += keys[row] != null ? 1 : 0;
        }
        for (int row = 0, withKey = 0, withoutKey = keyed; row < rows; row++) {
            order[keys[row] != null ? withKey++ : withoutKey++] = row;
        }
        mergeSort(order, new int[keyed], 0, keyed, keys);
        return new RowOrder(order, keyed);
    }

    /** Sorts rows[from, to) by their keys, ties kept in the order they come in (stable), using buffer of the same size. */
    @SuppressWarnings("unchecked")
    private static <K extends Comparable<K>> void mergeSort(int[] rows, int[] buffer, int from, int to, Object[] keys) {
        if (to - from < 2) {
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(rows, buffer, from, middle, keys);
        mergeSort(rows, buffer, middle, to, keys);
        if (((K) keys[rows[middle - 1]]).compareTo((K) keys[rows[middle]]) <= 0) {
            return;
        }
        System.arraycopy(rows, from, buffer, from, to - from);
        for (int out = from, left = from, right = middle; out < to; out++) {
            rows[out] = right >= to || left < middle && ((K) keys[buffer[left]]).compareTo((K) keys[buffer[right]]) <= 0
                    ? buffer[left++] : buffer[right++];
        }
    }

    /**
     * This order after a patch, the key read in the new numbering: kept rows stay in their order (their keys did
     * not change and renumbering keeps ties in row order), and each fresh row goes in where a sort would put it.
     * Costs a pass over the rows and a binary search per fresh row, not a sort of the dataset.
     */
    public <K extends Comparable<K>> RowOrder patched(Renumbering renumbering, IntFunction<K> key) {
        if (ascending == null) {
            // Rows numbered in this order stay so: the renumbering keeps the default order.
            return identity(renumbering.newCount());
        }
        if (renumbering.replacesInPlace() && stillInOrder(renumbering.freshRows(), key)) {
            return this;
        }
        int[] kept = new int[ascending.length];
        int keptCount = 0;
        int keyedKept = 0;
        for (int position = 0; position < ascending.length; position++) {
            int row = renumbering.newRowOf(ascending[position]);
            if (row >= 0) {
                kept[keptCount++] = row;
                keyedKept += position < keyed ? 1 : 0;
            }
        }
        Comparator<Integer> order = (a, b) -> compare(key, a, b);
        Integer[] fresh = Arrays.stream(renumbering.freshRows()).boxed().sorted(order).toArray(Integer[]::new);
        int[] patched = new int[keptCount + fresh.length];
        int n = 0;
        int from = 0;
        int keyedFresh = 0;
        for (int row : fresh) {
            int low = from;
            int high = keptCount;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (compare(key, kept[middle], row) < 0) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            System.arraycopy(kept, from, patched, n, low - from);
            n += low - from;
            patched[n++] = row;
            from = low;
            keyedFresh += key.apply(row) != null ? 1 : 0;
        }
        System.arraycopy(kept, from, patched, n, keptCount - from);
        return new RowOrder(patched, keyedKept + keyedFresh);
    }

    /**
     * Whether this order still holds when only these rows (same numbers) changed their keys: each is still in order
     * with its neighbours, and as many rows have a key. Every other pair of neighbours is as it was.
     */
    private <K extends Comparable<K>> boolean stillInOrder(int[] changedRows, IntFunction<K> key) {
        int keyedNow = keyed;
        for (int row : changedRows) {
            int position = positionOf[row];
            if (position > 0 && compare(key, ascending[position - 1], row) > 0
                    || position + 1 < ascending.length && compare(key, row, ascending[position + 1]) > 0) {
                return false;
            }
            keyedNow += (key.apply(row) != null ? 1 : 0) - (position < keyed ? 1 : 0);
        }
        return keyedNow == keyed;
    }

    /** The order of {@link #by}: by key, rows without one last, ties by row. */
    private static <K extends Comparable<K>> int compare(IntFunction<K> key, int a, int b) {
        K first = key.apply(a);
        K second = key.apply(b);
        if (first == null || second == null) {
            return first != null ? -1 : second != null ? 1 : Integer.compare(a, b);
        }
        int byKey = first.compareTo(second);
        return byKey != 0 ? byKey : Integer.compare(a, b);
    }

    /** The matching rows from position offset on, at most limit of them, in this order or its reverse. */
    public List<Integer> page(RowSet matching, boolean descending, long offset, int limit) {
        int matches = matching.cardinality();
        if (offset >= matches) {
            return List.of();
        }
        int from = (int) offset;
        int to = (int) Math.min(matches, offset + limit);
        List<Integer> page = new ArrayList<>(to - from);
        if (matching.isAll()) {
            for (int position = from; position < to; position++) {
                page.add(rowAt(position, descending));
            }
        } else if (ascending == null) {
            // Matches are ascending row numbers, which is this order.
            for (int i = from; i < to; i++) {
                page.add(matching.row(descending ? matches - 1 - i : i));
            }
        } else {
            int[] positions = firstPositions(matching, descending, to);
            for (int i = from; i < to; i++) {
                page.add(rowAt(positions[i], descending));
            }
        }
        return page;
    }

    /** The lowest count positions of the matching rows, ascending. */
    private int[] firstPositions(RowSet matching, boolean descending, int count) {
        Object key = descending ? positionOf : ascending;
        int[] sorted = matching.sortedPositions(key);
        if (sorted != null) {
            return sorted;
        }
        int matches = matching.cardinality();
        // A walk takes about count / (matches / rows) steps: worth it when that is fewer than the matches.
        if (count <= WALK_UP_TO && (long) count * ascending.length <= (long) matches * matches) {
            int[] walked = walkedPositions(matching, descending, count);
            if (walked != null) {
                return walked;
            }
        }
        if (count > SELECT_UP_TO || count * 4 > matches) {
            int[] every = new int[matches];
            int[] next = {0};
            matching.forEach(row -> every[next[0]++] = position(row, descending));
            Arrays.sort(every);
            matching.keepSortedPositions(key, every);
            return every;
        }
        return selectedPositions(matching, descending, count);
    }

    /**
     * The first count positions of the matching rows found by walking this order from its start, looking each row up
     * in the matches: where the matches are dense, a few times count steps. Null when that has not found them within
     * as many steps as there are matches (they lie late in the order): then selecting, a step per match, costs no more.
     */
    private int[] walkedPositions(RowSet matching, boolean descending, int count) {
        int[] found = new int[count];
        int n = 0;
        int steps = Math.min(ascending.length, matching.cardinality());
        for (int position = 0; position < steps; position++) {
            if (matching.contains(rowAt(position, descending))) {
                found[n++] = position;
                if (n == count) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The count lowest positions of the matching rows, kept in a max-heap: one pass over the matches, log(count) per kept one. */
    private int[] selectedPositions(RowSet matching, boolean descending, int count) {
        int[] heap = new int[count];
        int[] size = {0};
        matching.forEach(row -> {
            int position = position(row, descending);
            if (size[0] < count) {
                heap[size[0]] = position;
                siftUp(heap, size[0]++);
            } else if (position < heap[0]) {
                heap[0] = position;
                siftDown(heap, count);
            }
        });
        Arrays.sort(heap);
        return heap;
    }

    private int position(int row, boolean descending) {
        int ascendingPosition = positionOf[row];
        return descending && ascendingPosition < keyed ? keyed - 1 - ascendingPosition : ascendingPosition;
    }

    private int rowAt(int position, boolean descending) {
        int ascendingPosition = descending && position < keyed ? keyed - 1 - position : position;
        return ascending == null ? ascendingPosition : ascending[ascendingPosition];
    }

    private static void siftUp(int[] heap, int child) {
        while (child > 0) {
            int parent = (child - 1) / 2;
            if (heap[parent] >= heap[child]) {
                return;
            }
            swap(heap, parent, child);
            child = parent;
        }
    }

    private static void siftDown(int[] heap, int size) {
        int parent = 0;
        while (true) {
            int largest = parent;
            int left = 2 * parent + 1;
            if (left < size && heap[left] > heap[largest]) {
                largest = left;
            }
            if (left + 1 < size && heap[left + 1] > heap[largest]) {
                largest = left + 1;
            }
            if (largest == parent) {
                return;
            }
            swap(heap, parent, largest);
            parent = largest;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int kept = heap[a];
        heap[a] = heap[b];
        heap[b] = kept;
    }
}
