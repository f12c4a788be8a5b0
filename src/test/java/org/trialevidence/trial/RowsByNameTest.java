package org.trialevidence.trial;

import org.junit.jupiter.api.Test;
import org.trialevidence.index.Renumbering;
import org.trialevidence.seeding.TrialNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Lookups by name find the first row carrying a name of that key, after a build and after patches that drop, keep
 * and add rows, as a map from every key to its first row would; names whose keys share a hash are told apart.
 */
class RowsByNameTest {

    @Test
    void namesWhoseKeysShareAHashFindTheirOwnRows() {
        // "aan" and "ac0" have the same String hash.
        assertEquals("aan".hashCode(), "ac0".hashCode());
        List<List<String>> names = List.of(List.of("x-1", "AAN"), List.of("y-2", "ac-0"), List.of("z-3"));
        RowsByName rows = RowsByName.of(names);

        assertEquals(0, rows.rowOf(TrialNames.key("a an"), names));
        assertEquals(1, rows.rowOf(TrialNames.key("AC0"), names));
        assertEquals(2, rows.rowOf("z3", names));
        assertNull(rows.rowOf("ac1", names));
        assertNull(rows.rowOf("ab0", names));
    }

    @Test
    void patchedLookupsAreThoseOfAFirstRowMap() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<List<String>> before = new ArrayList<>();
            for (int row = 0; row < random.nextInt(30); row++) {
                before.add(names(random));
            }
            RowsByName held = RowsByName.of(before);
            assertLookups(before, held, "build, round " + round);

            List<List<String>> after = new ArrayList<>();
            int[] newRowOf = new int[before.size()];
            List<Integer> keptFrom = new ArrayList<>();
            for (int row = 0; row < before.size(); row++) {
                if (random.nextInt(4) == 0) {
                    newRowOf[row] = -1;
                    continue;
                }
                after.add(before.get(row));
                keptFrom.add(row);
            }
            int added = random.nextInt(5);
            for (int i = 0; i < added; i++) {
                int at = random.nextInt(after.size() + 1);
                after.add(at, names(random));
                keptFrom.add(at, -1);
            }
            List<Integer> freshNumbers = new ArrayList<>();
            List<List<String>> freshNames = new ArrayList<>();
            for (int row = 0; row < after.size(); row++) {
                if (keptFrom.get(row) < 0) {
                    freshNumbers.add(row);
                    freshNames.add(after.get(row));
                } else {
                    newRowOf[keptFrom.get(row)] = row;
                }
            }
            RowsByName patched = held.patched(new Renumbering(newRowOf, after.size()), freshNumbers.stream().mapToInt(Integer::intValue).toArray(),
                    freshNames);
            assertLookups(after, patched, "patch, round " + round);
        }
    }

    /** Every name asked of the rows, and some that no row has, answer as a map of each key to the first row with it. */
    private static void assertLookups(List<List<String>> namesOfRow, RowsByName rows, String when) {
        Map<String, Integer> firstRow = new HashMap<>();
        for (int row = 0; row < namesOfRow.size(); row++) {
            for (String name : namesOfRow.get(row)) {
                firstRow.putIfAbsent(TrialNames.key(name), row);
            }
        }
        List<String> asked = new ArrayList<>(firstRow.keySet());
        asked.addAll(Arrays.asList("zz9", "aan", "ac0", "bbn"));
        for (String key : asked) {
            assertEquals(firstRow.get(key), rows.rowOf(key, namesOfRow), when + ": " + key);
        }
        assertEquals(firstRow.keySet(), RowsByName.keys(namesOfRow), when);
    }

    /** One to three names from a small pool (so rows share names, and "aan"/"ac0" collide). */
    private static List<String> names(Random random) {
        List<String> pool = List.of("aan", "ac0", "Alpha-1", "alpha 1", "beta", "b-2", "gamma", "g3", "delta", "d4");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            names.add(pool.get(random.nextInt(pool.size())));
        }
        return names;
    }
}
