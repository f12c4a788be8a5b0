package org.trialevidence.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Exists only in the test application (src/test): no production endpoint needs a role yet, and the 403 problem must
 * be tested before the write endpoints arrive. Hidden from the OpenAPI document, which is the production contract.
 */
@Path("/test-only/admin")
public class AdminOnlyTestResource {
    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String adminOnly() {
        return "admin";
    }
}
