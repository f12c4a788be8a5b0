package org.trialevidence.index;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

/** Intersections, unions, differences and filters of row sets equal those of plain sets, whatever their sizes and densities. */
class RowSetTest {
    private final Random random = new Random(20261204);

    @Test
    void intersectionsOfSetsOfEverySizeRatio() {
        for (int round = 0; round < 50; round++) {
            // Up to five blocks of 65,536 rows (a bitmap's containers).
            int universe = 1 + random.nextInt(300_000);
            // Every other round a sparse set meets a dense one (containers of listed rows against bit sets).
            boolean skewed = round % 2 == 1;
            TreeSet<Integer> small = sample(universe, skewed ? random.nextDouble() * 0.01 : random.nextDouble());
            TreeSet<Integer> large = sample(universe, skewed ? 0.5 + random.nextDouble() / 2 : random.nextDouble());
            TreeSet<Integer> expected = new TreeSet<>(small);
            expected.retainAll(large);
            assertEquals(List.copyOf(expected), rows(of(small).and(of(large))), "round " + round);
            assertEquals(List.copyOf(expected), rows(of(large).and(of(small))), "round " + round);
            TreeSet<Integer> smallWithoutLarge = new TreeSet<>(small);
            smallWithoutLarge.removeAll(large);
            assertEquals(List.copyOf(smallWithoutLarge), rows(of(small).andNot(of(large))), "round " + round);
            assertEquals(small.stream().filter(row -> row % 3 == 0).toList(), rows(of(small).keep(row -> row % 3 == 0)), "round " + round);
            assertEquals(List.copyOf(expected), rows(RowSet.intersection(universe, List.of(RowSet.all(universe), of(large), of(small)))), "round " + round);
        }
    }

    @Test
    void unionsOfSeveralSets() {
        for (int round = 0; round < 50; round++) {
            int universe = 1 + random.nextInt(300_000);
            List<RowSet> sets = new ArrayList<>();
            TreeSet<Integer> expected = new TreeSet<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                TreeSet<Integer> set = sample(universe, random.nextDouble());
                expected.addAll(set);
                sets.add(of(set));
            }
            assertEquals(List.copyOf(expected), rows(RowSet.union(sets)), "round " + round);
        }
    }

    @Test
    void aUnionAskedAgainHasTheSameRowsInASetOfItsOwn() {
        Postings postings = new Postings();
        for (int row = 0; row < 1000; row++) {
            postings.add(row % 3 == 0 ? "a" : row % 3 == 1 ? "b" : "c", row);
        }
        RowSet first = postings.anyOf(List.of("a", "b"));
        RowSet again = postings.anyOf(List.of("b", "a"));
        List<Integer> expected = IntStream.range(0, 1000).filter(row -> row % 3 != 2).boxed().toList();
        assertEquals(expected, rows(first));
        assertEquals(expected, rows(again));
        // A query notes its sorted order on its set: two queries never share one.
        assertNotSame(first, again);
        assertEquals(IntStream.range(0, 1000).filter(row -> row % 3 != 0).boxed().toList(), rows(postings.anyOf(List.of("b", "c"))));
    }

    /** Each row below the universe with the given chance. */
    private TreeSet<Integer> sample(int universe, double chance) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int row = 0; row < universe; row++) {
            if (random.nextDouble() < chance) {
                set.add(row);
            }
        }
        return set;
    }

    private static RowSet of(TreeSet<Integer> set) {
        return RowSet.of(set.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<Integer> rows(RowSet set) {
        return IntStream.range(0, set.cardinality()).map(set::row).boxed().toList();
    }
}
