package org.trialevidence.curation;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.api.RecordETag;
import org.trialevidence.errors.Problem;
import org.trialevidence.errors.ProblemResponses;
import org.trialevidence.seeding.TrialSeed;

import java.util.List;

/**
 * The curated records as written (seed-data shape) with the ETags writes need, and each trial's history.
 * Open to every reader, like the rest of the read API.
 */
@Path("/api/v1/trials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Curation")
public class RecordResource {
    @Inject
    RecordService records;

    @GET
    @Path("/{id}/document")
    @RecordETag
    @Operation(operationId = "getTrialDocument", summary = "A trial's curated record, as written",
            description = "The seed-data shape that PUT takes back; the ETag is what If-Match needs.")
    @APIResponse(responseCode = "200", description = "The record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialSeed.class)))
    @APIResponse(responseCode = "404", description = "No trial has that name, or it is deleted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public Response document(@Parameter(description = "Trial id, acronym or alias", example = "serena-6") @PathParam("id") String id,
                             @Context Request request) {
        return conditional(records.trialDocument(id), request);
    }

    @GET
    @Path("/{id}/results/{resultId}")
    @RecordETag
    @Operation(operationId = "getResultDocument", summary = "A result's curated record, as written",
            description = "The seed-data shape that PUT takes back; the ETag is what If-Match needs.")
    @APIResponse(responseCode = "200", description = "The result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialSeed.Result.class)))
    @APIResponse(responseCode = "404", description = "No such result in that trial, or it is deleted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public Response resultDocument(@Parameter(description = "Trial id, acronym or alias", example = "serena-6") @PathParam("id") String id,
                                   @Parameter(description = "Result id", example = "serena-6-pfs-itt")
                                   @PathParam("resultId") String resultId, @Context Request request) {
        return conditional(records.resultDocument(id, resultId), request);
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getTrialHistory", summary = "Every change to a trial, oldest first", description = "Deleted trials keep their history.")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryEntry.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No trial has that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public List<HistoryEntry> history(@Parameter(description = "Trial id, acronym or alias", example = "serena-6") @PathParam("id") String id) {
        return records.history(id);
    }

    private static Response conditional(RecordService.Document document, Request request) {
        EntityTag tag = ETags.header(document.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.header("Cache-Control", "no-cache").build();
        }
        return Response.ok(document.json()).tag(tag).header("Cache-Control", "no-cache").build();
    }
}
