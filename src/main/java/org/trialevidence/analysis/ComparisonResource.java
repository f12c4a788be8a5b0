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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.errors.Problem;
import org.trialevidence.paging.CsvColumns;
import org.trialevidence.paging.ListResponses;
import org.trialevidence.result.ResultCsv;
import org.trialevidence.paging.Representation;
import org.trialevidence.result.ResultCriteria;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.trial.TrialService;
import org.trialevidence.entity.TrialLookup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/compare")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analysis", description = "Side-by-side comparison, meta-analysis and forest plots over the evidence query")
public class ComparisonResource {
    @Inject
    ComparisonService comparisons;
    @Inject
    TrialLookup trials;
    @Inject
    TrialService trialService;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Representation.CSV})
    @Operation(operationId = "compareTrials", summary = "Compare trials side by side",
            description = "Two or more trials (repeat trial) and one endpoint, with any other filter of /api/v1/results. One row per trial with arms, values, "
                    + "effect estimate with CI and p, setting and biomarker selection, and the differences a reader must notice (setting, comparator, "
                    + "population, "
                    + "analysis, design, effect measure, CI level, conflicting sources). CSV (format=csv or Accept: text/csv): one row per trial, the"
                    + " aspects that differ in differences, the other results in otherResults, then the chosen result in the columns of /api/v1/results.")
    @APIResponse(responseCode = "200", description = "The comparison",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialComparison.class)),
                    @Content(mediaType = Representation.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Fewer than two trials, not exactly one endpoint, or a bad filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response compare(@BeanParam ResultCriteria criteria, @BeanParam Representation representation, @Context HttpHeaders headers) {
        boolean csv = representation.csv(headers);
        ResultFilter filter = ResultFilter.parse(criteria, trials);
        Map<String, String> acronyms = new LinkedHashMap<>();
        filter.trialIds().forEach(id -> acronyms.put(id, trialService.summary(id).orElseThrow().acronym()));
        TrialComparison comparison = comparisons.compare(filter, acronyms);
        if (!csv) {
            return Response.ok(comparison, MediaType.APPLICATION_JSON).build();
        }
        List<String> differences = comparison.differences().stream().map(TrialComparison.Difference::aspect).toList();
        CsvColumns<TrialComparison.Row> columns = new CsvColumns<TrialComparison.Row>()
                .add("differences", row -> differences)
                .add("otherResults", TrialComparison.Row::otherResults)
                .addAll(ResultCsv.COLUMNS, TrialComparison.Row::result);
        return ListResponses.csv(columns.stream(comparison.rows()::forEach), "compare.csv").build();
    }
}
