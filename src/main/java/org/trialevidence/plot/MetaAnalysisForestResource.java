package org.trialevidence.plot;

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
import org.trialevidence.analysis.PoolingOptions;
import org.trialevidence.analysis.QueryText;
import org.trialevidence.errors.Problem;
import org.trialevidence.result.ResultCriteria;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.entity.TrialLookup;

/** The meta-analysis drawn as a forest plot: another view of GET /api/v1/meta-analysis, with the same parameters. */
@Path("/api/v1/meta-analysis/forest.svg")
@Tag(name = "Analysis")
public class MetaAnalysisForestResource {
    /** The answer to endpoint=PFS&added=CDK4/6i&comparator=endocrine-therapy&setting=metastatic, abbreviated. */
    static final String SVG_EXAMPLE = ResultForestResource.SVG_START + "width=\"1202\" height=\"679\" viewBox=\"0 0 1202 679\""
            + ResultForestResource.SVG_FONT + "<title>Meta-analysis of hazard ratios \u2014 endpoint: PFS; added: CDK4/6i;"
            + " comparator: endocrine-therapy; setting: metastatic</title>\n...\n</svg>\n";

    @Inject
    ForestPlots plots;
    @Inject
    TrialLookup trials;

    @GET
    @Produces(ForestPlots.MEDIA_TYPE)
    @Operation(operationId = "metaAnalysisForestPlot", summary = "Forest plot of the meta-analysis",
            description = "The GET meta-analysis drawn as SVG: one row per pooled trial with its HR, CI and weights (square area proportional to the"
                    + " weight of the chosen model), diamonds for the fixed and random-effects estimates (the chosen model filled), the 95% prediction"
                    + " interval, the line of no effect, and the heterogeneity (Q, df, p, I^2, tau^2); one block, titled by its contrast, per "
                    + "subgroup. Titled by the filters in words unless title= gives one. Same parameters and problems as GET /api/v1/meta-analysis.")
    @APIResponse(responseCode = "200", description = "An SVG document",
            content = @Content(mediaType = ForestPlots.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING),
                    example = SVG_EXAMPLE))
    @APIResponse(responseCode = "400", description = "An unknown parameter or value, or an outcome filter (significant, maxHazardRatio)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No contrast with 2 poolable trials, or hazard ratios of several endpoints",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response forest(@BeanParam ResultCriteria criteria, @BeanParam PoolingOptions.Criteria pooling, @BeanParam PlotTitle title,
                           @Context UriInfo uri) {
        String svg = plots.metaAnalysis(ResultFilter.parse(criteria, trials), PoolingOptions.fromQuery(pooling), QueryText.of(uri), title);
        return Response.ok(svg, ForestPlots.MEDIA_TYPE + "; charset=UTF-8").build();
    }
}
