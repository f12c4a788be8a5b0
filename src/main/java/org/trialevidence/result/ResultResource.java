package org.trialevidence.result;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.errors.Problem;
import org.trialevidence.export.ListResponses;
import org.trialevidence.export.ResultCsv;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.paging.Page;
import org.trialevidence.paging.PageParams;
import org.trialevidence.paging.PageRequest;
import org.trialevidence.paging.QueryValues;

import java.util.List;
import org.trialevidence.trial.TrialLookup;

@Path("/api/v1/results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results", description = "The evidence query: reported outcomes with their statistics and sources")
public class ResultResource {
    @Inject
    ResultService results;
    @Inject
    TrialLookup trials;

    @GET
    @Produces({MediaType.APPLICATION_JSON, PageParams.CSV})
    @Operation(operationId = "searchResults", summary = "Query results",
            description = "Filters combine with AND; a repeated parameter means OR. Values match case-insensitively through aliases, and umbrella terms match their children. Unknown parameters or values are rejected with application/problem+json. "
                    + "CSV (format=csv or Accept: text/csv) has the JSON fields as columns, the arms named by role (experimental.value, control.value,"
                    + " other1.value, ...); layout=arms gives one row per arm. size=all streams every match; any other CSV answer is one page and"
                    + " says so in its headers (X-Page, X-Total-Count, Link).")
    @APIResponse(responseCode = "200", description = "A page of results, or CSV rows",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultPage.class)),
                    @Content(mediaType = PageParams.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "An unknown parameter, an unknown filter value, or bad paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response search(@BeanParam ResultCriteria criteria, @BeanParam PageParams paging, @Context HttpHeaders headers,
                           @Context UriInfo uri,
                           @Parameter(description = LAYOUT, example = "wide", schema = @Schema(enumeration = {"wide", "arms"}, defaultValue = "wide"))
                           @QueryParam("layout") String layout) {
        boolean csv = paging.csv(headers);
        ResultFilter filter = ResultFilter.parse(criteria, trials);
        PageRequest request = paging.pageRequest(csv);
        if (armRows(layout, csv)) {
            return ListResponses.respond(csv, request, uri, page -> {
                Page<ResultView> found = results.search(filter, page);
                return new Page<>(found.items().stream().flatMap(result -> ResultCsv.ArmRow.of(result).stream()).toList(),
                        found.page(), found.size(), found.totalItems(), found.totalPages());
            }, row -> results.forEach(filter, result -> ResultCsv.ArmRow.of(result).forEach(row)), ResultCsv.ARM_ROWS, "result-arms.csv");
        }
        return ListResponses.respond(csv, request, uri, page -> results.searchJson(filter, page),
                page -> results.search(filter, page), row -> results.forEach(filter, row), ResultCsv.COLUMNS, "results.csv");
    }

    static final String LAYOUT = "CSV only: wide (default) is one row per result with the arms as experimental.*, control.* and other1.* to"
            + " other4.* (by the arm's role in the result's comparison); arms is one row per arm (resultId, trial, endpoint, population, arm,"
            + " role, value, unit, ciLower, ciUpper, source). Paging counts results either way: a page of 20 results holds every row of each.";

    /** Whether the long shape was asked for; it has no JSON form, so asking for it with JSON is an error rather than ignored. */
    private static boolean armRows(String layout, boolean csv) {
        String chosen = QueryValues.oneOf("layout", layout == null ? null : List.of(layout), List.of("wide", "arms")).stream().findFirst().orElse("wide");
        if (!csv && layout != null) {
            throw ProblemException.invalidParameter("layout", "layout shapes CSV rows; ask for CSV (format=csv or Accept: text/csv) or leave it out.",
                    List.of("wide", "arms"), null);
        }
        return "arms".equals(chosen);
    }

    /** Names the page type for OpenAPI (generic records are not described by their type parameter). */
    @Schema(name = "ResultPage")
    public record ResultPage(java.util.List<ResultView> items, int page, int size, long totalItems, long totalPages) { }
}
