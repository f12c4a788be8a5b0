package org.trialevidence.paging;

import java.util.List;

/** The paging envelope of every list endpoint. */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {
    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        return new Page<>(items, request.page(), request.size(), totalItems, (totalItems + request.size() - 1) / request.size());
    }
}
