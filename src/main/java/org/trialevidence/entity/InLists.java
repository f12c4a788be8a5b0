package org.trialevidence.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The values of an IN list split into lists of a bounded size, one query each: H2 refuses a statement with more than
 * 100,000 parameters, and a meta-analysis of 24,000 studies at 100,000 trials asked for more.
 */
final class InLists {
    static final int SIZE = 1000;

    private InLists() {
    }

    static <T> List<List<T>> of(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> lists = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            lists.add(all.subList(from, Math.min(from + SIZE, all.size())));
        }
        return lists;
    }
}
