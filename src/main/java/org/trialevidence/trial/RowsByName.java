package org.trialevidence.trial;

import org.trialevidence.index.Renumbering;
import org.trialevidence.seeding.TrialNames;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows of the trials by the keys of their names (id, acronym, aliases; {@link TrialNames#key}), for lookups by
 * name. Held as one sorted array of (hash of a key, row) pairs, each key checked against the row's names when
 * looked up: a map of the key strings to boxed rows cost about 40 MB at 100,000 trials (300,000 names), this 2.4 MB.
 * A name carried by several rows finds the first of them, as a build that puts each name once would. Immutable.
 */
final class RowsByName {
    /** (hash of the key) << 32 | row, ascending: by hash, then row. */
    private final long[] entries;

    private RowsByName(long[] entries) {
        this.entries = entries;
    }

    /** The rows of the names of each row (row n has {@code namesOfRow.get(n)}). */
    static RowsByName of(List<List<String>> namesOfRow) {
        long[] entries = new long[namesOfRow.stream().mapToInt(List::size).sum()];
        int count = 0;
        for (int row = 0; row < namesOfRow.size(); row++) {
            count = addEntries(entries, count, namesOfRow.get(row), row);
        }
        long[] sorted = Arrays.copyOf(entries, count);
        Arrays.sort(sorted);
        return new RowsByName(distinct(sorted));
    }

    private static int addEntries(long[] entries, int count, List<String> names, int row) {
        for (String name : names) {
            entries[count++] = entry(TrialNames.key(name).hashCode(), row);
        }
        return count;
    }

    private static long entry(int hash, int row) {
        return (long) hash << 32 | (row & 0xFFFF_FFFFL);
    }

    private static int rowOf(long entry) {
        return (int) entry;
    }

    private static int hashOf(long entry) {
        return (int) (entry >> 32);
    }

    private static long[] distinct(long[] sorted) {
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[count++] = sorted[i];
            }
        }
        return count == sorted.length ? sorted : Arrays.copyOf(sorted, count);
    }

    /**
     * These rows after a patch: the kept rows renumbered (the replaced ones dropped), the fresh rows' names put in
     * ({@code freshNames.get(i)} are the names of row {@code freshNumbers[i]} in the new numbering). Renumbering keeps
     * the kept rows in their order, so the kept pairs stay sorted: one merge, no sort of the whole array.
     */
    RowsByName patched(Renumbering renumbering, int[] freshNumbers, List<List<String>> freshNames) {
        long[] kept = new long[entries.length];
        int keptCount = 0;
        for (long entry : entries) {
            int row = renumbering.newRowOf(rowOf(entry));
            if (row >= 0) {
                kept[keptCount++] = entry(hashOf(entry), row);
            }
        }
        long[] fresh = new long[freshNames.stream().mapToInt(List::size).sum()];
        int freshCount = 0;
        for (int i = 0; i < freshNumbers.length; i++) {
            freshCount = addEntries(fresh, freshCount, freshNames.get(i), freshNumbers[i]);
        }
        Arrays.sort(fresh, 0, freshCount);
        long[] merged = new long[keptCount + freshCount];
        int k = 0;
        int f = 0;
        for (int m = 0; m < merged.length; m++) {
            merged[m] = f >= freshCount || k < keptCount && kept[k] <= fresh[f] ? kept[k++] : fresh[f++];
        }
        return new RowsByName(distinct(merged));
    }

    /** The first row with a name of this key, or null. */
    Integer rowOf(String key, List<List<String>> namesOfRow) {
        int hash = key.hashCode();
        int at = Arrays.binarySearch(entries, entry(hash, 0));
        for (int i = at < 0 ? -at - 1 : at; i < entries.length && hashOf(entries[i]) == hash; i++) {
            int row = rowOf(entries[i]);
            for (String name : namesOfRow.get(row)) {
                if (TrialNames.key(name).equals(key)) {
                    return row;
                }
            }
        }
        return null;
    }

    /** Every key of a name a row has. */
    static Set<String> keys(List<List<String>> namesOfRow) {
        Set<String> keys = new HashSet<>();
        namesOfRow.forEach(names -> names.forEach(name -> keys.add(TrialNames.key(name))));
        return keys;
    }
}
