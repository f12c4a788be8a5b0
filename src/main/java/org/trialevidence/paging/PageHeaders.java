package org.trialevidence.paging;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The paging headers of every list answer, JSON or CSV, so that a script can page without reading the body:
 * {@code X-Total-Count} (every match), {@code X-Page} (the 0-based page, or {@code all} when the answer holds every
 * match), {@code X-Page-Size}, {@code X-Total-Pages}, and an RFC 8288 {@code Link} header with first, prev, next and
 * last. Link targets are root-relative (they stay right behind a proxy that rewrites the host) and keep every other
 * query parameter of the request as sent.
 */
public final class PageHeaders {
    public static final String TOTAL_COUNT = "X-Total-Count";
    public static final String PAGE = "X-Page";
    public static final String PAGE_SIZE = "X-Page-Size";
    public static final String TOTAL_PAGES = "X-Total-Pages";
    /** Names for Access-Control-Expose-Headers and for documentation. */
    public static final List<String> ALL = List.of("Link", TOTAL_COUNT, PAGE, PAGE_SIZE, TOTAL_PAGES);

    private PageHeaders() {
    }

    /** Headers of one page of a list. */
    public static Response.ResponseBuilder page(Response.ResponseBuilder response, Page<?> page, UriInfo uri) {
        response.header(TOTAL_COUNT, page.totalItems()).header(PAGE, page.page()).header(PAGE_SIZE, page.size())
                .header(TOTAL_PAGES, page.totalPages());
        long last = Math.max(0, page.totalPages() - 1);
        List<String> links = new ArrayList<>();
        links.add(link(uri, 0, "first"));
        if (page.page() > 0) {
            links.add(link(uri, Math.min(page.page() - 1, last), "prev"));
        }
        if (page.page() < last) {
            links.add(link(uri, page.page() + 1, "next"));
        }
        links.add(link(uri, last, "last"));
        return response.header("Link", String.join(", ", links));
    }

    /** Headers of an answer holding every match (size=all): the count, and that this is not a page. */
    public static Response.ResponseBuilder everyMatch(Response.ResponseBuilder response, long totalItems) {
        return response.header(TOTAL_COUNT, totalItems).header(PAGE, "all").header(TOTAL_PAGES, 1);
    }

    /** Describes the headers in OpenAPI, on the 200 answer of every operation that takes the paging parameters. */
    public static void document(APIResponse response) {
        response.addHeader("Link", header(Schema.SchemaType.STRING, "RFC 8288 links to the first, prev, next and last page, root-relative, with every"
                + " other query parameter kept: <...&page=1>; rel=\"next\". Absent on size=all answers, which are every match."));
        response.addHeader(TOTAL_COUNT, header(Schema.SchemaType.INTEGER, "How many items match the query, on every page and in size=all answers."));
        response.addHeader(PAGE, header(Schema.SchemaType.STRING, "The 0-based page this answer holds, or 'all' when it holds every match"
                + " (CSV with size=all). A CSV answer with a number here is one page, not the whole list."));
        response.addHeader(PAGE_SIZE, header(Schema.SchemaType.INTEGER, "Items per page (absent on size=all answers)."));
        response.addHeader(TOTAL_PAGES, header(Schema.SchemaType.INTEGER, "How many pages of this size the matches fill (1 for size=all)."));
    }

    private static Header header(Schema.SchemaType type, String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }

    private static String link(UriInfo uri, long page, String relation) {
        URI target = UriBuilder.fromUri(uri.getRequestUri()).replaceQueryParam("page", page).build();
        String query = target.getRawQuery();
        return "<" + target.getRawPath() + (query == null ? "" : "?" + query) + ">; rel=\"" + relation + "\"";
    }
}
