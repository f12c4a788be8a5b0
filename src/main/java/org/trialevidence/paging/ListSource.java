package org.trialevidence.paging;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a list endpoint lists, as {@link ListResponses} asks for it: a page of items, every match in order (CSV with
 * size=all), and the shape of an item.
 */
public interface ListSource<T> {
    Page<T> page(PageRequest request);

    void forEach(Consumer<T> item);

    ListShape<T> shape();

    /** The JSON page; the items of {@link #page} unless the feature keeps them serialized in advance. */
    default Page<?> jsonPage(PageRequest request) {
        return page(request);
    }

    /** A list held in memory, sliced into pages here. */
    static <T> ListSource<T> of(List<T> items, ListShape<T> shape) {
        return new ListSource<>() {
            @Override
            public Page<T> page(PageRequest request) {
                int from = (int) Math.min(items.size(), (long) request.offset());
                int to = (int) Math.min(items.size(), (long) from + request.size());
                return Page.of(items.subList(from, to), request, items.size());
            }

            @Override
            public void forEach(Consumer<T> item) {
                items.forEach(item);
            }

            @Override
            public ListShape<T> shape() {
                return shape;
            }
        };
    }
}
