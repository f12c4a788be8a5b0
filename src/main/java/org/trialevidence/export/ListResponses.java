package org.trialevidence.export;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.trialevidence.paging.Page;
import org.trialevidence.paging.PageParams;
import org.trialevidence.paging.PageRequest;

import java.util.function.Consumer;
import java.util.function.Function;

/** Answers a list request as a JSON page, or as CSV: one page, or every match streamed when size=all. */
public final class ListResponses {
    private ListResponses() {
    }

    public static <T> Response respond(boolean csv, PageRequest page, Function<PageRequest, Page<T>> pageOf,
                                       Consumer<Consumer<T>> everyMatch, CsvColumns<T> columns, String fileName) {
        return respond(csv, page, pageOf, pageOf, everyMatch, columns, fileName);
    }

    /** As above, with a JSON page made its own way (e.g. from JSON written in advance). */
    public static <T> Response respond(boolean csv, PageRequest page, Function<PageRequest, ? extends Page<?>> jsonPageOf,
                                       Function<PageRequest, Page<T>> pageOf, Consumer<Consumer<T>> everyMatch,
                                       CsvColumns<T> columns, String fileName) {
        if (!csv) {
            return Response.ok(jsonPageOf.apply(page), MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(columns.stream(page.isAll() ? everyMatch : row -> pageOf.apply(page).items().forEach(row)), PageParams.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
    }
}
