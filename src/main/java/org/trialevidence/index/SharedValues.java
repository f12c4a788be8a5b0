package org.trialevidence.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One copy of each value the rows of a read model repeat: codes, labels, numbers, lists of them, contrasts. A row
 * read from the database or from a kept file holds its own copy of every string; at 100,000 trials (900,000
 * results) those copies alone outgrew a 1 GB heap, while the distinct values are a few thousand. Values must be
 * immutable and compare by value (strings, numbers, records of them). One instance serves one read (a build, a
 * patch, a load) and is dropped with it.
 */
public final class SharedValues {
    private final Map<Object, Object> held = new HashMap<>();

    /** The held value equal to this one (this one, the first time it is seen); null stays null. */
    @SuppressWarnings("unchecked")
    public <T> T of(T value) {
        if (value == null) {
            return null;
        }
        Object first = held.putIfAbsent(value, value);
        return first == null ? value : (T) first;
    }

    /** An unmodifiable list of the held elements, itself held; order kept, null for null. */
    public <T> List<T> list(List<T> values) {
        if (values == null) {
            return null;
        }
        List<T> shared = new ArrayList<>(values.size());
        for (T value : values) {
            shared.add(of(value));
        }
        return of(Collections.unmodifiableList(shared));
    }

    /** An unmodifiable set of the held elements, itself held; iteration order kept, null for null. */
    public <T> Set<T> set(Set<T> values) {
        if (values == null) {
            return null;
        }
        Set<T> shared = new LinkedHashSet<>(values.size() * 2);
        for (T value : values) {
            shared.add(of(value));
        }
        return of(Collections.unmodifiableSet(shared));
    }
}
