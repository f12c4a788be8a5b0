package org.trialevidence.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** GET /api/v1/auth/me. */
@Schema(name = "Identity", description = "Who a bearer token is for, what it allows, and until when")
public record IdentityView(
        @Schema(description = "The token's upn (or sub) claim", example = "alice") String name,
        @Schema(description = "The token's groups: curator, and admin for administrators", example = "[\"curator\"]") List<String> roles,
        @Schema(description = "When the token expires") Instant expiresAt) {
}
