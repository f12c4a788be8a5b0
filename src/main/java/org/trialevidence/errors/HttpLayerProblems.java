package org.trialevidence.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Refusals that Vert.x and Quarkus' CORS filter would answer with an empty body, answered here first, in front of
 * every other route, as problems: a body declared larger than {@code quarkus.http.limits.max-body-size} (413, before
 * any of it is read), and a cross-origin request with a method CORS does not allow (403). Requests refused while
 * their request line or headers are still being parsed (414, 431) never reach a route: Vert.x answers those itself.
 */
@ApplicationScoped
public class HttpLayerProblems {
    /** Ahead of Quarkus' body-size check and its CORS filter; behind only its own first handlers (headers, access log). */
    private static final int ORDER = Integer.MIN_VALUE + 1;
    /** POST endpoints that change nothing: a page on another origin may call them. */
    private static final java.util.Set<String> READ_ONLY_POSTS = java.util.Set.of("/api/v1/meta-analysis");

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;
    @ConfigProperty(name = "quarkus.http.cors.methods")
    List<String> crossOriginMethods;
    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::refuseBeforeReading);
    }

    private void refuseBeforeReading(RoutingContext context) {
        HttpServerRequest request = context.request();
        long declared = declaredLength(request);
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (declared > maxBodySize.asLongValue()) {
            // Closed after the answer: the rest of the body is not read.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            respond(context, new Problem(Problem.TYPE_BASE + "body-too-large", "Content too large", 413, "The request body is "
                    + declared + " bytes; at most " + maxBodySize.asLongValue() + " are accepted.", request.path(), "Content-Length", null, null));
        } else if (origin != null && !allowedAcrossOrigins(request)) {
            // As Quarkus' CORS filter decides: a request that carries an Origin is held to the CORS methods, whatever the origin.
            respond(context, new Problem(Problem.TYPE_BASE + "cross-origin-refused", "Cross-origin request refused", 403, "A request from a browser page (Origin "
                    + origin + ") may only read from this API: GET, HEAD, OPTIONS, and POST to " + String.join(", ", READ_ONLY_POSTS) + "; "
                    + request.method().name() + " " + request.path() + " is refused.", request.path(), "Origin", crossOriginMethods, null));
        } else {
            context.next();
        }
    }

    /**
     * CORS allows POST for the analyses that only read (pooling studies sent in the body); every other POST, and every
     * preflight that announces one, is a write and stays refused for pages on other origins.
     */
    private boolean allowedAcrossOrigins(HttpServerRequest request) {
        String method = request.method().name();
        if ("OPTIONS".equals(method)) {
            String announced = request.getHeader("Access-Control-Request-Method");
            return announced == null || !"POST".equalsIgnoreCase(announced.strip()) || READ_ONLY_POSTS.contains(request.path());
        }
        if ("POST".equals(method)) {
            return READ_ONLY_POSTS.contains(request.path());
        }
        return crossOriginMethods.contains(method);
    }

    /** The Content-Length sent, or -1 (none, chunked, or not a number: Vert.x rejects the last). */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void respond(RoutingContext context, Problem problem) {
        try {
            context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
