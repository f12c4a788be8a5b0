package org.trialevidence.analysis;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.errors.Problem;
import org.trialevidence.errors.ProblemResponses;
import org.trialevidence.result.ResultCriteria;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.entity.TrialLookup;

@Path("/api/v1/meta-analysis")
@Tag(name = "Analysis", description = "Meta-analysis of hazard ratios and forest plots")
public class MetaAnalysisResource {
    public static final String MODEL_DESCRIPTION = "fixed or random: the model the forest plot emphasises (filled diamond, square sizes); both are "
            + "always computed and reported.";
    public static final String SELECTION_DESCRIPTION = " Takes every filter of GET /api/v1/results (same grammar) except significant and maxHazardRatio,"
            + " which select by outcome and would bias the pooled estimate (400). Hazard ratios of one endpoint only (422 naming endpoint otherwise)."
            + " " + StudySelection.RULE
            + " No contrast with at least 2 poolable trials: 422.";

    @Inject
    MetaAnalysisService metaAnalyses;
    @Inject
    TrialLookup trials;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "metaAnalysis", summary = "Pool the hazard ratios of the matching results",
            description = "Inverse-variance meta-analysis of ln(HR) of the results the filters match, one per trial within each contrast: fixed"
                    + " effect, and random effects with tau^2 by REML (default), DL or PM and a Hartung-Knapp-Sidik-Jonkman (default) or Wald CI, equal"
                    + " to R metafor's rma(). Results of several contrasts (randomized questions) give one subgroup each and a test for subgroup"
                    + " differences, never one estimate across them; added= and comparator= choose one contrast." + SELECTION_DESCRIPTION
                    + " The SE of each ln(HR) is (ln upper - ln lower) / (2 z), z the normal quantile of the study's own CI level, so 90% CIs count right"
                    + " and a CI made asymmetric by rounding counts by its width (as metafor does with sei computed that way).")
    @APIResponse(responseCode = "200", description = "The pooled estimates, heterogeneity, the pooled studies and the excluded results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetaAnalysisView.class)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or value, or an outcome filter (significant, maxHazardRatio)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No contrast with 2 poolable trials, or hazard ratios of several endpoints",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MetaAnalysisView analyse(@BeanParam ResultCriteria criteria, @BeanParam PoolingOptions.Criteria pooling, @Context UriInfo uri) {
        return metaAnalyses.analyse(ResultFilter.parse(criteria, trials), PoolingOptions.fromQuery(pooling), QueryText.of(uri));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "poolStudies", summary = "Pool hazard ratios sent in the request",
            description = "The same meta-analysis as GET, of the studies in the body, all pooled as given (the caller states that they share one contrast)."
                    + " The body takes model, tauEstimator (REML default, DL, PM), hartungKnapp (default true) and sensitivity (leave-one-out) as GET "
                    + "takes them. Each study: hazardRatio, ciLower <= hazardRatio <= ciUpper"
                    + " (ciLower < ciUpper), all positive, and ciLevel (0 < ciLevel < 1, default 0.95). Malformed JSON, unknown fields or wrong types: 400;"
                    + " values out of range, fewer than 2 or more than " + PoolRequest.MAX_STUDIES
                    + " studies, an unknown model, tauEstimator or sensitivity: 422. Problems name the field"
                    + " by its JSON path (studies[1].ciLower).")
    @APIResponse(responseCode = "200", description = "The pooled estimates, heterogeneity and the studies with their weights",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MetaAnalysisView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.MALFORMED_BODY)
    @APIResponse(responseCode = "422", description = "A value out of range, or fewer than 2 studies",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MetaAnalysisView pool(@RequestBody(required = true, description = "The studies to pool and the model",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PoolRequest.class))) String body) {
        return metaAnalyses.pool(body);
    }
}
