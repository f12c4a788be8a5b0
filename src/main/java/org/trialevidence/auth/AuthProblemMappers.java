package org.trialevidence.auth;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.trialevidence.errors.Problem;

import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Stream;

/**
 * 401 and 403 leave as RFC 9457 problems like every other error, a 401 with the Bearer challenge of RFC 6750. Details
 * say what to do about it (which role is needed, that a token expired) and never echo the token or its claims.
 */
public class AuthProblemMappers {
    private static final String HOW_TO_GET_ONE = "curators mint one with the service's token command (README, Curation access).";

    @Inject
    SecurityIdentity identity;

    @ServerExceptionMapper
    public Response noToken(UnauthorizedException exception, UriInfo uri) {
        return unauthorized(uri, "This needs a bearer token (header Authorization: Bearer <token>); " + HOW_TO_GET_ONE, "Bearer");
    }

    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException exception, UriInfo uri) {
        Log.debugf(exception, "Bearer token refused at %s", uri.getPath());
        // RFC 6750 section 3.1: a token that was sent but is not valid is answered with error="invalid_token".
        return unauthorized(uri, whyRefused(exception), "Bearer error=\"invalid_token\"");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, UriInfo uri, ResourceInfo resource) {
        List<String> needed = rolesAllowed(resource.getResourceMethod());
        String has = identity.getRoles().isEmpty() ? "none" : String.join(", ", identity.getRoles().stream().sorted().toList());
        String detail = needed.isEmpty() ? "This token's roles (" + has + ") do not allow this request."
                : "This needs the role " + String.join(" or ", needed) + "; the token has the roles: " + has + ".";
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403, detail, uri.getPath(), null, null, null)).build();
    }

    private static String whyRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return "The bearer token has expired; mint a new one with the service's token command.";
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "The bearer token was not issued for this service (its iss claim is not the issuer this service accepts).";
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
                    return "The bearer token's signature does not verify with this service's key.";
                }
            }
        }
        return "The bearer token is not a valid JWT signed for this service (malformed, unsigned, or without the claims it needs); " + HOW_TO_GET_ONE;
    }

    private static List<String> rolesAllowed(Method method) {
        RolesAllowed roles = method == null ? null : method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class) : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        return roles == null ? List.of() : Stream.of(roles.value()).toList();
    }

    private static Response unauthorized(UriInfo uri, String detail, String challenge) {
        return respond(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401, detail, uri.getPath(), null, null, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
