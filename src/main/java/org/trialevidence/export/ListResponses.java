package org.trialevidence.export;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
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
        if (page.isAll()) {
            return PageHeaders.everyMatch(csv(columns.stream(everyMatch), fileName), pageOf.apply(COUNT_ONLY).totalItems()).build();
        }
        Page<T> rows = pageOf.apply(page);
        return PageHeaders.page(csv(columns.stream(row -> rows.items().forEach(row)), fileName), rows, uri).build();
    }

    /** A CSV answer, shown inline under a file name a browser saves it as. */
    public static Response.ResponseBuilder csv(StreamingOutput body, String fileName) {
        return Response.ok(body, PageParams.CSV + "; charset=UTF-8").header("Content-Disposition", "inline; filename=\"" + fileName + "\"");
    }
}
