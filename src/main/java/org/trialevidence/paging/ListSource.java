package org.trialevidence.paging;

import java.util.List;
import java.util.function.Consumer;

/**
 * What a list endpoint lists, as {@link ListResponses} asks for it: a page of items, every match in order (CSV with
 * size=all), the CSV columns of an item, and the JSON type of an item (whose property paths fields= may name).
 */
public interface ListSource<T> {
    Page<T> page(PageRequest request);

    void forEach(Consumer<T> item);

    CsvColumns<T> csvColumns();

    /** The name a browser saves the CSV under. */
    String csvFileName();

    /** The type an item is serialized from in JSON. */
    Class<?> jsonItemType();

    /** The JSON page; the items of {@link #page} unless the feature keeps them serialized in advance. */
    default Page<?> jsonPage(PageRequest request) {
        return page(request);
    }

    /** A list held in memory, sliced into pages here. */
    static <T> ListSource<T> of(List<T> items, CsvColumns<T> columns, String csvFileName, Class<T> jsonItemType) {
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
            public CsvColumns<T> csvColumns() {
                return columns;
            }

            @Override
            public String csvFileName() {
                return csvFileName;
            }

            @Override
            public Class<?> jsonItemType() {
                return jsonItemType;
            }
        };
    }
}
