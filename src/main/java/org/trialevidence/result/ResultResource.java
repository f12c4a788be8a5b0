package org.trialevidence.result;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.errors.Problem;
import org.trialevidence.export.ListResponses;
import org.trialevidence.export.ResultCsv;
import org.trialevidence.paging.PageParams;
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
                    + "CSV (format=csv or Accept: text/csv) has the JSON fields as columns, arms flattened as arms[0] to arms[3]; size=all streams every match.")
    @APIResponse(responseCode = "200", description = "A page of results, or CSV rows",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultPage.class)),
                    @Content(mediaType = PageParams.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "An unknown parameter, an unknown filter value, or bad paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response search(@BeanParam ResultCriteria criteria, @BeanParam PageParams paging, @Context HttpHeaders headers,
                         @Context UriInfo uri) {
        boolean csv = paging.csv(headers);
        ResultFilter filter = ResultFilter.parse(criteria, trials);
        return ListResponses.respond(csv, paging.pageRequest(csv), uri, page -> results.searchJson(filter, page),
                page -> results.search(filter, page), row -> results.forEach(filter, row), ResultCsv.COLUMNS, "results.csv");
    }

    /** Names the page type for OpenAPI (generic records are not described by their type parameter). */
    @Schema(name = "ResultPage")
    public record ResultPage(java.util.List<ResultView> items, int page, int size, long totalItems, long totalPages) { }
}
