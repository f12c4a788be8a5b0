package org.trialevidence.plot;

import org.trialevidence.analysis.QueryText;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.errors.Problem;
import org.trialevidence.result.ResultCriteria;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.entity.TrialLookup;

/** The evidence query drawn as a forest plot: another view of GET /api/v1/results, with the same filters. */
@Path("/api/v1/results/forest.svg")
@Tag(name = "Analysis")
public class ResultForestResource {
    /** The start of an answer; examples end in "..." for the rest (a group per row, axis, notes). */
    static final String SVG_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" ";
    static final String SVG_FONT = " font-family=\"&apos;Liberation Sans&apos;, Arial, Helvetica, &apos;DejaVu Sans&apos;, sans-serif\">\n";
    /** The answer to trial=SERENA-6&endpoint=PFS, abbreviated. */
    static final String SVG_EXAMPLE = SVG_START + "width=\"1058\" height=\"257\" viewBox=\"0 0 1058 257\"" + SVG_FONT
            + "<title>Hazard ratios \u2014 trial: SERENA-6; endpoint: PFS</title>\n...\n</svg>\n";

    @Inject
    ForestPlots plots;
    @Inject
    TrialLookup trials;

    @GET
    @Produces(ForestPlots.MEDIA_TYPE)
    @Operation(operationId = "resultsForestPlot", summary = "Forest plot of the matching results",
            description = "One row per matching result that has an effect estimate with a CI, in the query's order (sort= applies): trial, endpoint,"
                    + " population and arms (experimental vs control), the estimate and its CI on a log axis with the line of no effect at 1, and the"
                    + " values as printed (with the CI level when not 95%). The title names the filters in words (title= gives another); the subtitle "
                    + "counts the matching results"
                    + " that have no CI and are not drawn. Same filters as GET /api/v1/results. No matching result with a CI: 422 naming the"
                    + " filter parameters (an empty plot would look like an answer).")
    @APIResponse(responseCode = "200", description = "An SVG document",
            content = @Content(mediaType = ForestPlots.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING), example = SVG_EXAMPLE))
    @APIResponse(responseCode = "400", description = "An unknown parameter or filter value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No matching result has an effect estimate with a CI: nothing to plot",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response plot(@BeanParam ResultCriteria criteria, @Context UriInfo uri, @BeanParam PlotTitle title) {
        String svg = plots.results(ResultFilter.parse(criteria, trials), QueryText.of(uri), title);
        return Response.ok(svg, ForestPlots.MEDIA_TYPE + "; charset=UTF-8").build();
    }
}
