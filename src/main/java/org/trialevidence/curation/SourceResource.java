package org.trialevidence.curation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.auth.Roles;
import org.trialevidence.errors.Problem;
import org.trialevidence.errors.ProblemResponses;

import java.net.URI;

/** Registering sources beyond the seeded reviews; they are listed with the reviews in GET /api/v1/dataset. */
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Curation")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
@APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
public class SourceResource {
    @Inject
    CurationService curation;
    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CURATOR)
    @Operation(operationId = "registerSource", summary = "Register a source",
            description = "A publication beyond the seeded reviews, with its text: excerpts citing it (as their document) are then checked "
                    + "against that text.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "409", description = "A source with that document id exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field is missing or invalid; the problem names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(SourceRegistration source,
                             @Parameter(description = CurationResource.REASON, required = true, example = "Final OS publication of SERENA-6")
                             @QueryParam("reason") String reason) {
        if (source == null) {
            throw org.trialevidence.errors.ProblemException.malformedBody("$", "The request body must be a JSON object: document, title, citation, text.");
        }
        CurationService.Written written = curation.registerSource(source.checked(), CurationResource.change(identity, reason));
        return Response.created(URI.create("/api/v1/dataset")).entity(written.document()).build();
    }
}
