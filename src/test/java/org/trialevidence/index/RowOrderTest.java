package org.trialevidence.index;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Postings, their intersections and pages in an order, against the plain definition: filter every row, sort the
 * matches by key (rows without a key last, ties by row), reverse the keyed ones for descending, slice.
 */
class RowOrderTest {
    private static final int ROWS = 3_000;

    @Test
    void pagesOfIntersectedPostingsAreThoseOfSortingEveryMatch() {
        Random random = new Random(15);
        Integer[] keys = new Integer[ROWS];
        for (int row = 0; row < ROWS; row++) {
            keys[row] = random.nextInt(10) == 0 ? null : random.nextInt(200);
        }
        RowOrder byKey = RowOrder.by(ROWS, row -> keys[row]);
        RowOrder identity = RowOrder.identity(ROWS);
        Postings colours = new Postings();
        Postings sizes = new Postings();
        String[] colour = new String[ROWS];
        String[] size = new String[ROWS];
        for (int row = 0; row < ROWS; row++) {
            colour[row] = "c" + random.nextInt(random.nextBoolean() ? 3 : 40);
            size[row] = "s" + random.nextInt(5);
            colours.add(colour[row], row);
            colours.add(colour[row], row);
            sizes.add(size[row], row);
        }
        for (int query = 0; query < 300; query++) {
            List<String> wantedColours = IntStream.range(0, random.nextInt(3)).mapToObj(i -> "c" + random.nextInt(45)).toList();
            List<String> wantedSizes = IntStream.range(0, random.nextInt(3)).mapToObj(i -> "s" + random.nextInt(6)).toList();
            boolean notTheFirstTenth = random.nextBoolean();
            RowSet matching = RowSet.intersection(ROWS, java.util.Arrays.asList(colours.restriction(wantedColours), sizes.restriction(wantedSizes)));
            if (notTheFirstTenth) {
                matching = matching.andNot(RowSet.of(IntStream.range(0, ROWS / 10).toArray()));
            }
            List<Integer> expectedRows = new ArrayList<>();
            for (int row = 0; row < ROWS; row++) {
                if ((wantedColours.isEmpty() || wantedColours.contains(colour[row])) && (wantedSizes.isEmpty() || wantedSizes.contains(size[row]))
                        && (!notTheFirstTenth || row >= ROWS / 10)) {
                    expectedRows.add(row);
                }
            }
            assertEquals(expectedRows.size(), matching.cardinality());
            boolean descending = random.nextBoolean();
            int limit = 1 + random.nextInt(random.nextBoolean() ? 30 : 2000);
            long offset = random.nextInt(4) == 0 ? 0 : random.nextInt(Math.max(1, expectedRows.size() + 5));
            assertEquals(slice(sorted(expectedRows, keys, descending), offset, limit), byKey.page(matching, descending, offset, limit),
                    "by key, colours " + wantedColours + ", sizes " + wantedSizes + ", descending " + descending + ", offset " + offset + ", limit " + limit);
            assertEquals(slice(descending ? reversed(expectedRows) : expectedRows, offset, limit), identity.page(matching, descending, offset, limit));
            // The next pages of the same query (a streamed export asks chunk by chunk) continue the same order.
            assertEquals(slice(sorted(expectedRows, keys, descending), offset + limit, limit), byKey.page(matching, descending, offset + limit, limit));
        }
    }

    @Test
    void everyRowIsPagedInOrderWithoutAFilter() {
        Integer[] keys = {3, null, 1, 3, 2};
        RowOrder order = RowOrder.by(keys.length, row -> keys[row]);
        assertEquals(List.of(2, 4, 0, 3, 1), order.page(RowSet.all(5), false, 0, 10));
        assertEquals(List.of(3, 0, 4, 2, 1), order.page(RowSet.all(5), true, 0, 10));
        assertEquals(List.of(4, 2), order.page(RowSet.all(5), true, 2, 2));
        assertEquals(List.of(0, 3), order.page(RowSet.of(0, 3), false, 0, 10));
    }

    @Test
    void aPageOfMatchesThatLieLateInTheOrderIsFoundAsWellAsOneOfDenseMatches() {
        // Keys descend with the row: the order is the rows reversed. The high rows come first ascending, last descending.
        int rows = 100_000;
        RowOrder order = RowOrder.by(rows, row -> rows - row);
        RowSet lowRows = RowSet.of(IntStream.range(0, 500).toArray());
        assertEquals(IntStream.iterate(499, row -> row - 1).limit(20).boxed().toList(),
                order.page(lowRows, false, 0, 20), "matches last in the order");
        assertEquals(IntStream.range(0, 20).boxed().toList(), order.page(lowRows, true, 0, 20), "matches first in the order");
        RowSet everyOtherRow = RowSet.of(IntStream.range(0, rows).filter(row -> row % 2 == 0).toArray());
        assertEquals(List.of(99_998, 99_996, 99_994), order.page(everyOtherRow, false, 0, 3), "dense matches");
        assertEquals(List.of(4, 6, 8), order.page(everyOtherRow, true, 2, 3), "dense matches, descending");
    }

    @Test
    void unionsAndIntersectionsMatchSets() {
        Random random = new Random(6);
        for (int round = 0; round < 200; round++) {
            List<TreeSet<Integer>> sets = new ArrayList<>();
            List<RowSet> rowSets = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                TreeSet<Integer> set = new TreeSet<>();
                int bound = 1 + random.nextInt(500);
                for (int j = random.nextInt(random.nextBoolean() ? 5 : 300); j > 0; j--) {
                    set.add(random.nextInt(bound));
                }
                sets.add(set);
                rowSets.add(RowSet.of(set.stream().mapToInt(Integer::intValue).toArray()));
            }
            TreeSet<Integer> union = new TreeSet<>();
            sets.forEach(union::addAll);
            TreeSet<Integer> intersection = new TreeSet<>(IntStream.range(0, 500).boxed().toList());
            sets.forEach(intersection::retainAll);
            assertEquals(List.copyOf(union), rows(RowSet.union(rowSets)));
            assertEquals(List.copyOf(intersection), rows(RowSet.intersection(500, rowSets)));
        }
    }

    private static List<Integer> rows(RowSet set) {
        return IntStream.range(0, set.cardinality()).map(set::row).boxed().toList();
    }

    private static List<Integer> sorted(List<Integer> rows, Integer[] keys, boolean descending) {
        Comparator<Integer> byKey = Comparator.comparing((Integer row) -> keys[row]).thenComparingInt(row -> row);
        List<Integer> keyed = new ArrayList<>(rows.stream().filter(row -> keys[row] != null).sorted(byKey).toList());
        if (descending) {
            java.util.Collections.reverse(keyed);
        }
        keyed.addAll(rows.stream().filter(row -> keys[row] == null).toList());
        return keyed;
    }

    private static List<Integer> reversed(List<Integer> rows) {
        List<Integer> reversed = new ArrayList<>(rows);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private static List<Integer> slice(List<Integer> rows, long offset, int limit) {
        return rows.subList((int) Math.min(offset, rows.size()), (int) Math.min(rows.size(), offset + limit));
    }
}
