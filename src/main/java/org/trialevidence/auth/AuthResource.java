package org.trialevidence.auth;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.trialevidence.errors.Problem;

import java.time.Instant;

@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Curation access", description = "Bearer tokens for curators and administrators; reading needs none")
@SecurityScheme(securitySchemeName = AuthResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A token minted with the service's token command (README, Curation access)")
public class AuthResource {
    /** The OpenAPI security scheme that endpoints needing a token name in their @SecurityRequirement. */
    public static final String BEARER = "bearer";

    @Inject
    JsonWebToken token;

    @GET
    @Path("/me")
    @Authenticated
    // The answer describes one token: no cache, shared or private, should keep it.
    @ResponseHeader(name = HttpHeaders.CACHE_CONTROL, value = "no-store")
    @SecurityRequirement(name = BEARER)
    @Operation(operationId = "me", summary = "Check a token", description = "Who the bearer token is for, its roles and when it expires.")
    @APIResponse(responseCode = "200", description = "The token is valid",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IdentityView.class)))
    @APIResponse(responseCode = "401", description = "No token, or one that is malformed, expired, wrongly signed or from another issuer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IdentityView me() {
        return new IdentityView(token.getName(), token.getGroups().stream().sorted().toList(), Instant.ofEpochSecond(token.getExpirationTime()));
    }
}
