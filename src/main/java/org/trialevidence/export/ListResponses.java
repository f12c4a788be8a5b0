package org.trialevidence.export;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.trialevidence.paging.Page;
import org.trialevidence.paging.PageHeaders;
import org.trialevidence.paging.PageParams;
import org.trialevidence.paging.PageRequest;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Answers a list request as a JSON page, or as CSV: one page, or every match streamed when size=all. Every answer
 * carries the paging headers ({@link PageHeaders}), so a CSV page says that it is one and where the next is.
 */
public final class ListResponses {
    /** Counting the matches of a size=all answer asks for the smallest page. */
    private static final PageRequest COUNT_ONLY = new PageRequest(0, 1);

    private ListResponses() {
    }

    public static <T> Response respond(boolean csv, PageRequest page, UriInfo uri, Function<PageRequest, Page<T>> pageOf,
                                       Consumer<Consumer<T>> everyMatch, CsvColumns<T> columns, String fileName) {
        return respond(csv, page, uri, pageOf, pageOf, everyMatch, columns, fileName);
    }

    /** As above, with a JSON page made its own way (e.g. from JSON written in advance). */
    public static <T> Response respond(boolean csv, PageRequest page, UriInfo uri, Function<PageRequest, ? extends Page<?>> jsonPageOf,
                                       Function<PageRequest, Page<T>> pageOf, Consumer<Consumer<T>> everyMatch,
                                       CsvColumns<T> columns, String fileName) {
        if (!csv) {
            Page<?> json = jsonPageOf.apply(page);
            return PageHeaders.page(Response.ok(json, MediaType.APPLICATION_JSON), json, uri).build();
        }
        Response.ResponseBuilder response;
        if (page.isAll()) {
            response = PageHeaders.everyMatch(Response.ok(columns.stream(everyMatch)), pageOf.apply(COUNT_ONLY).totalItems());
        } else {
            Page<T> rows = pageOf.apply(page);
            response = PageHeaders.page(Response.ok(columns.stream(row -> rows.items().forEach(row))), rows, uri);
        }
        return response.type(PageParams.CSV + "; charset=UTF-8").header("Content-Disposition", "inline; filename=\"" + fileName + "\"").build();
    }
}
