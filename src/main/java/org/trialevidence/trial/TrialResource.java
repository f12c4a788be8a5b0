package org.trialevidence.trial;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.errors.Problem;
import org.trialevidence.paging.Page;

import java.util.List;

@Path("/api/v1/trials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Trials", description = "Curated studies: design, population, arms, results, safety, approvals and sources")
public class TrialResource {
    @Inject
    TrialService trials;

    @GET
    @Operation(operationId = "listTrials", summary = "List trials", description = "Filters combine with AND; a repeated parameter means OR; vocabulary values match through aliases and umbrella terms.")
    @APIResponse(responseCode = "200", description = "A page of trials",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialPage.class)))
    @APIResponse(responseCode = "400", description = "An unknown parameter, an unknown filter value, or bad paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<TrialSummaryView> list(@BeanParam TrialQuery query) {
        return trials.search(query);
    }

    @GET
    @Path("/{idOrAcronymOrAlias}")
    @Operation(operationId = "getTrial", summary = "One trial, in full", description = "Found by id, acronym or alias, whatever the case, spacing or hyphens (INAVO 120, inavo-120, INAVO120).")
    @APIResponse(responseCode = "200", description = "The trial", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialView.class)))
    @APIResponse(responseCode = "404", description = "No trial has that name; the nearest names are suggested",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrialView get(@Parameter(description = "Trial id, acronym or alias", example = "INAVO 120") @PathParam("idOrAcronymOrAlias") String name) {
        return trials.get(name);
    }

    /** Names the page type for OpenAPI (generic records are not described by their type parameter). */
    @Schema(name = "TrialPage")
    public record TrialPage(List<TrialSummaryView> items, int page, int size, long totalItems, long totalPages) { }
}
