package org.trialevidence.curation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.auth.Roles;
import org.trialevidence.errors.Problem;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.errors.ProblemResponses;
import org.trialevidence.seeding.TextRules;
import org.trialevidence.seeding.TrialSeed;

import java.net.URI;

/**
 * Writes to the curated records. Bodies are the seed-data shape (a whole trial file, or one element of its
 * {@code results}); every write needs a {@code reason} for the audit trail, and changes to existing records an
 * If-Match with the ETag the record was read with.
 */
@Path("/api/v1/trials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Curation",
        description = "Authenticated writes: create, change, delete and restore trials and results (bearer JWT; curator, admin for delete and restore)")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
public class CurationResource {
    static final String REASON = "Why the change is made: kept in the record's history (required, at most 2000 characters)";
    static final String IF_MATCH = "The ETag of the record as read (GET its document); a stale one gets 412 and changes nothing";
    private static final String TRIAL = "Trial id (or acronym or alias)";
    private static final String RESULT_EXAMPLE = "serena-6-pfs-itt";

    @Inject
    CurationService curation;
    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(operationId = "createTrial", summary = "Create a trial",
            description = "The body is a seed-data trial file; it passes the same validation (schema, vocabularies, an excerpt for every number, "
                    + "each excerpt found in its registered review).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialSeed.class)))
    @APIResponse(responseCode = "201", description = "Created: the record as stored, its ETag and location")
    @APIResponse(responseCode = "409", description = "A trial with that id exists (perhaps deleted)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", ref = ProblemResponses.INVALID_RECORD)
    public Response createTrial(JsonNode trial,
                                @Parameter(description = REASON, required = true, example = "SERENA-6 final OS analysis published")
                                @QueryParam("reason") String reason) {
        CurationService.Written written = curation.createTrial(trial, change(reason));
        return Response.created(URI.create("/api/v1/trials/" + written.trialId() + "/document")).tag(tag(written)).entity(written.document()).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(operationId = "replaceTrial", summary = "Replace a trial",
            description = "The body is the whole trial in the seed-data shape, results included: results left out are deleted (restorable), "
                    + "changed ones get a new version.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialSeed.class)))
    @APIResponse(responseCode = "200", description = "The record as stored, with its new ETag")
    @APIResponse(responseCode = "412", ref = ProblemResponses.STALE_IF_MATCH)
    @APIResponse(responseCode = "422", ref = ProblemResponses.INVALID_RECORD)
    @APIResponse(responseCode = "428", ref = ProblemResponses.MISSING_IF_MATCH)
    public Response replaceTrial(@Parameter(description = TRIAL, example = "serena-6") @PathParam("id") String id, JsonNode trial,
                                 @Parameter(description = IF_MATCH, example = "\"trial-serena-6-v1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Parameter(description = REASON, required = true, example = "SERENA-6 final OS analysis published")
                                 @QueryParam("reason") String reason) {
        return ok(curation.replaceTrial(id, trial, ifMatch, change(reason)));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteTrial", summary = "Delete a trial (restorable)",
            description = "The trial and its results leave every read endpoint; the record and its history stay, and POST .../restore brings them back.")
    @APIResponse(responseCode = "204", description = "Deleted; the ETag header is the deleted record's (for restore)")
    @APIResponse(responseCode = "412", ref = ProblemResponses.STALE_IF_MATCH)
    @APIResponse(responseCode = "428", ref = ProblemResponses.MISSING_IF_MATCH)
    public Response deleteTrial(@Parameter(description = TRIAL, example = "serena-6") @PathParam("id") String id,
                                @Parameter(description = IF_MATCH, example = "\"trial-serena-6-v1\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Parameter(description = REASON, required = true, example = "Duplicate of another record")
                                @QueryParam("reason") String reason) {
        return Response.noContent().tag(tag(curation.deleteTrial(id, ifMatch, change(reason)))).build();
    }

    @POST
    @Path("/{id}/restore")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "restoreTrial", summary = "Restore a deleted trial",
            description = "Validated again first: a name taken by another trial since the delete stops the restore.")
    @APIResponse(responseCode = "200", description = "The restored record, with its new ETag")
    @APIResponse(responseCode = "412", ref = ProblemResponses.STALE_IF_MATCH)
    @APIResponse(responseCode = "409", description = "The trial is not deleted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response restoreTrial(@Parameter(description = "Trial id", example = "serena-6") @PathParam("id") String id,
                                 @Parameter(description = "Optional: the ETag of the deleted record", example = "\"trial-serena-6-v2\"")
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Parameter(description = REASON, required = true, example = "Deleted by mistake") @QueryParam("reason") String reason) {
        return ok(curation.restoreTrial(id, ifMatch, change(reason)));
    }

    @POST
    @Path("/{id}/results")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(operationId = "addResult", summary = "Add a result to a trial",
            description = "The body is one element of a seed-data file's results; the whole trial is validated with it (fault paths are in the "
                    + "trial, e.g. $.results[12].comparison.ciLower).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialSeed.Result.class)))
    @APIResponse(responseCode = "201", description = "Created: the result as stored, its ETag and location")
    @APIResponse(responseCode = "409", description = "A result with that id exists in this trial (perhaps deleted)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", ref = ProblemResponses.INVALID_RECORD)
    public Response addResult(@Parameter(description = TRIAL, example = "serena-6") @PathParam("id") String id, JsonNode result,
                              @Parameter(description = REASON, required = true, example = "Final OS analysis") @QueryParam("reason") String reason) {
        CurationService.Written written = curation.addResult(id, result, change(reason));
        URI location = URI.create("/api/v1/trials/" + written.trialId() + "/results/" + written.resultId());
        return Response.created(location).tag(tag(written)).entity(written.document()).build();
    }

    @PUT
    @Path("/{id}/results/{resultId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(operationId = "replaceResult", summary = "Replace a result",
            description = "The body is the result in the seed-data shape; the whole trial is validated with it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialSeed.Result.class)))
    @APIResponse(responseCode = "200", description = "The result as stored, with its new ETag")
    @APIResponse(responseCode = "412", ref = ProblemResponses.STALE_IF_MATCH)
    @APIResponse(responseCode = "422", ref = ProblemResponses.INVALID_RECORD)
    @APIResponse(responseCode = "428", ref = ProblemResponses.MISSING_IF_MATCH)
    public Response replaceResult(@Parameter(description = TRIAL, example = "serena-6") @PathParam("id") String id,
                                  @Parameter(description = "Result id", example = RESULT_EXAMPLE) @PathParam("resultId") String resultId, JsonNode result,
                                  @Parameter(description = IF_MATCH, example = "\"result-serena-6-pfs-itt-v1\"")
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Parameter(description = REASON, required = true, example = "Misread CI corrected") @QueryParam("reason") String reason) {
        return ok(curation.replaceResult(id, resultId, result, ifMatch, change(reason)));
    }

    @DELETE
    @Path("/{id}/results/{resultId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteResult", summary = "Delete a result (restorable)",
            description = "The result leaves every read endpoint; the record and its history stay, and POST .../restore brings it back.")
    @APIResponse(responseCode = "204", description = "Deleted; the ETag header is the deleted result's (for restore)")
    @APIResponse(responseCode = "412", ref = ProblemResponses.STALE_IF_MATCH)
    @APIResponse(responseCode = "428", ref = ProblemResponses.MISSING_IF_MATCH)
    public Response deleteResult(@Parameter(description = TRIAL, example = "serena-6") @PathParam("id") String id,
                                 @Parameter(description = "Result id", example = RESULT_EXAMPLE) @PathParam("resultId") String resultId,
                                 @Parameter(description = IF_MATCH, example = "\"result-serena-6-pfs-itt-v1\"")
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Parameter(description = REASON, required = true, example = "Duplicate of another result")
                                 @QueryParam("reason") String reason) {
        return Response.noContent().tag(tag(curation.deleteResult(id, resultId, ifMatch, change(reason)))).build();
    }

    @POST
    @Path("/{id}/results/{resultId}/restore")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "restoreResult", summary = "Restore a deleted result",
            description = "Back at its place among the trial's results; the trial is validated with it first.")
    @APIResponse(responseCode = "200", description = "The restored result, with its new ETag")
    @APIResponse(responseCode = "412", ref = ProblemResponses.STALE_IF_MATCH)
    @APIResponse(responseCode = "409", description = "The result is not deleted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response restoreResult(@Parameter(description = TRIAL, example = "serena-6") @PathParam("id") String id,
                                  @Parameter(description = "Result id", example = RESULT_EXAMPLE) @PathParam("resultId") String resultId,
                                  @Parameter(description = "Optional: the ETag of the deleted result", example = "\"result-serena-6-pfs-itt-v2\"")
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @Parameter(description = REASON, required = true, example = "Deleted by mistake") @QueryParam("reason") String reason) {
        return ok(curation.restoreResult(id, resultId, ifMatch, change(reason)));
    }

    private CurationService.Change change(String reason) {
        return change(identity, reason);
    }

    static CurationService.Change change(SecurityIdentity identity, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidParameter("reason",
                    "Every change needs a reason (query parameter 'reason'): it is kept in the record's history.", null, null);
        }
        if (reason.length() > 2000) {
            throw ProblemException.invalidParameter("reason", "A reason is at most 2000 characters.", null, null);
        }
        TextRules.fault(reason).ifPresent(fault -> {
            throw ProblemException.invalidParameter("reason", "The reason " + fault + ".", null, null);
        });
        return new CurationService.Change(identity.getPrincipal().getName(), TextRules.nfc(reason.strip()));
    }

    private static Response ok(CurationService.Written written) {
        return Response.ok(written.document()).tag(tag(written)).build();
    }

    private static jakarta.ws.rs.core.EntityTag tag(CurationService.Written written) {
        return ETags.header(written.etag());
    }
}
