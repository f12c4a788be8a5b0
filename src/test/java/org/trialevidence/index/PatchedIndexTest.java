package org.trialevidence.index;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Postings and orders patched after some groups of rows are replaced (removed, put back with other rows and keys,
 * elsewhere in the row order) answer as those built from every row of the new numbering.
 */
class PatchedIndexTest {
    /** One row: its group (a trial), a sort key (null for none) and a term. */
    private record Row(int group, Integer key, String term) { }

    @Test
    void patchedPostingsAndOrdersEqualBuiltOnes() {
        Random random = new Random(15);
        for (int round = 0; round < 200; round++) {
            List<List<Row>> groups = new ArrayList<>();
            for (int group = 0; group < 1 + random.nextInt(40); group++) {
                groups.add(rows(random, group));
            }
            List<Row> before = flatten(groups);
            List<List<Row>> after = new ArrayList<>();
            // Every third round, groups are only replaced in place by as many rows (a write that changes values, not
            // how many results a trial has): the kept rows keep their numbers, the path patches take without renumbering.
            boolean inPlace = round % 3 == 0;
            for (List<Row> group : groups) {
                if (inPlace) {
                    after.add(random.nextBoolean() ? group : rows(random, 3000 + round, group.size()));
                    continue;
                }
                int fate = random.nextInt(5);
                if (fate == 0) {
                    continue; // removed
                }
                if (fate == 1) {
                    after.add(random.nextInt(after.size() + 1), rows(random, 1000 + round)); // replaced, elsewhere
                } else {
                    after.add(group);
                }
            }
            if (!inPlace && random.nextBoolean()) {
                after.add(random.nextInt(after.size() + 1), rows(random, 2000 + round)); // a new group
            }
            List<Row> next = flatten(after);
            int[] newRowOf = new int[before.size()];
            java.util.Arrays.fill(newRowOf, -1);
            int oldStart = 0;
            for (List<Row> group : groups) {
                int newStart = 0;
                boolean kept = false;
                for (List<Row> candidate : after) {
                    if (candidate == group) {
                        kept = true;
                        break;
                    }
                    newStart += candidate.size();
                }
                for (int i = 0; kept && i < group.size(); i++) {
                    newRowOf[oldStart + i] = newStart + i;
                }
                oldStart += group.size();
            }
            Renumbering renumbering = new Renumbering(newRowOf, next.size());
            if (inPlace) {
                assertTrue(renumbering.keepsNumbers(), "round " + round);
            }
            Postings fresh = new Postings();
            for (int row : renumbering.freshRows()) {
                fresh.add(next.get(row).term(), row);
            }
            Postings patched = postings(before).patched(renumbering, fresh);
            Postings built = postings(next);
            RowOrder patchedOrder = RowOrder.by(before.size(), row -> before.get(row).key()).patched(renumbering, row -> next.get(row).key());
            RowOrder builtOrder = RowOrder.by(next.size(), row -> next.get(row).key());
            for (String term : List.of("a", "b", "c", "d")) {
                RowSet expected = built.anyOf(List.of(term));
                RowSet actual = patched.anyOf(List.of(term));
                assertEquals(rows(expected), rows(actual), "term " + term + ", round " + round);
                for (boolean descending : new boolean[]{false, true}) {
                    assertEquals(builtOrder.page(expected, descending, 0, next.size()), patchedOrder.page(actual, descending, 0, next.size()),
                            "order of term " + term + ", round " + round);
                }
            }
            for (boolean descending : new boolean[]{false, true}) {
                assertEquals(builtOrder.page(RowSet.all(next.size()), descending, 0, next.size()),
                        patchedOrder.page(RowSet.all(next.size()), descending, 0, next.size()), "every row, round " + round);
            }
        }
    }

    private static List<Row> rows(Random random, int group) {
        return rows(random, group, random.nextInt(6));
    }

    private static List<Row> rows(Random random, int group, int size) {
        return IntStream.range(0, size).mapToObj(i -> new Row(group, random.nextInt(8) == 0 ? null : random.nextInt(12),
                List.of("a", "b", "c", "d").get(random.nextInt(random.nextBoolean() ? 2 : 4)))).toList();
    }

    private static List<Row> flatten(List<List<Row>> groups) {
        return groups.stream().flatMap(List::stream).toList();
    }

    private static Postings postings(List<Row> rows) {
        Postings postings = new Postings();
        for (int row = 0; row < rows.size(); row++) {
            postings.add(rows.get(row).term(), row);
        }
        return postings;
    }

    private static List<Integer> rows(RowSet set) {
        return IntStream.range(0, set.cardinality()).map(set::row).boxed().toList();
    }
}
