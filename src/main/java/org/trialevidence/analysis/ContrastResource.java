package org.trialevidence.analysis;

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
import org.trialevidence.errors.ProblemResponses;
import org.trialevidence.paging.ListResponses;
import org.trialevidence.paging.ListShape;
import org.trialevidence.paging.ListSource;
import org.trialevidence.paging.PageParams;
import org.trialevidence.result.ResultCriteria;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.entity.TrialLookup;

import java.util.List;

@Path("/api/v1/contrasts")
@Tag(name = "Analysis")
public class ContrastResource {
    @Inject
    MetaAnalysisService metaAnalyses;
    @Inject
    TrialLookup trials;
    @Inject
    ListResponses responses;

    @GET
    @Produces({MediaType.APPLICATION_JSON, PageParams.CSV})
    @Operation(operationId = "listContrasts", summary = "Poolable comparisons in netmeta's long format",
            description = "The comparisons the meta-analysis would choose for the filters (every filter of GET /api/v1/results): one per trial, endpoint"
                    + " and contrast, each with a hazard ratio and its CI, as studlab, treat1, treat2, TE = ln(HR), seTE, plus the result id, trial,"
                    + " endpoint, population and contrast. R reads the CSV directly: metafor::rma(TE, sei = seTE, subset = contrastId == ...) or"
                    + " netmeta::netmeta(TE, seTE, treat1, treat2, studlab). CSV with format=csv or Accept: text/csv; size=all for every row.")
    @APIResponse(responseCode = "200", description = "A page of comparisons, or CSV rows",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContrastPage.class)),
                    @Content(mediaType = PageParams.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_QUERY)
    public Response list(@BeanParam ResultCriteria criteria, @BeanParam PageParams paging, @Context HttpHeaders headers,
                         @Context UriInfo uri) {
        List<ContrastRow> rows = metaAnalyses.contrastRows(ResultFilter.parse(criteria, trials));
        return responses.respond(ListSource.of(rows, new ListShape<>(ContrastRow.CSV, "contrasts.csv", ContrastRow.class)), paging, headers, uri);
    }

    /** Names the page type for OpenAPI. */
    @Schema(name = "ContrastPage")
    public record ContrastPage(List<ContrastRow> items, int page, int size, long totalItems, long totalPages) { }
}
