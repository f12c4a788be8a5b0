package org.trialevidence.curation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.auth.Roles;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.dataset.StoringBehind;
import org.trialevidence.errors.ProblemResponses;

@Path("/api/v1/export/seed-data")
@Tag(name = "Curation")
public class SeedDataExportResource {
    static final String ZIP = "application/zip";

    @Inject
    StoringBehind storingBehind;
    @Inject
    SeedDataExport export;
    @Inject
    DatasetService dataset;

    @GET
    @Produces(ZIP)
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "exportSeedData", summary = "The database as seed-data (admin)",
            description = "A ZIP of sources.json and trials/<id>.json in the repository's layout: unzip it over seed-data/ and review the diff. "
                    + "Deleted records are left out.")
    @APIResponse(responseCode = "200", description = "The archive",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", ref = ProblemResponses.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ProblemResponses.FORBIDDEN)
    @APIResponse(responseCode = "503", ref = ProblemResponses.UNAVAILABLE)
    public Response seedData() {
        storingBehind.requireStored("the export is made");
        String version = dataset.version();
        StreamingOutput body = export::write;
        return Response.ok(body, ZIP)
                .header("Content-Disposition", "attachment; filename=\"seed-data-" + version + ".zip\"").build();
    }
}
