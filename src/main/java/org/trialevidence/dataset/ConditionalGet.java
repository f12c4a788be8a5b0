package org.trialevidence.dataset;

import io.vertx.core.Context;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.trialevidence.api.RecordETag;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strong ETags for every GET of the API, derived from the dataset version and the request (path, query and the
 * representation asked for): an answer only changes when the data does, so a matching If-None-Match gets 304
 * before any query runs. Cache-Control asks caches to revalidate, so a changed dataset is never served stale.
 * Requests with credentials are left alone: their answers may depend on who asks, which the tag does not cover, and
 * "public" would let shared caches store them.
 */
public class ConditionalGet {
    static final String CACHE_CONTROL = "public, no-cache";

    @Inject
    DatasetService dataset;

    @ServerRequestFilter
    public Response answerFromCache(ContainerRequestContext request, ResourceInfo resource) {
        if (!isCacheable(request) || resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(RecordETag.class)) {
            return null;
        }
        // On the event loop the database is not asked: the version known within the last second, else the last one
        // known, which may be older than the answer's (a tag older than its answer only costs a 200 where a 304 would
        // do; a newer one would keep a stale answer). A 304 needs the recent version: otherwise the answer's own
        // reading (on a worker) brings the version up to date.
        Optional<String> recent = dataset.recentVersion();
        String version = recent.orElseGet(() -> Context.isOnEventLoopThread() ? dataset.lastKnownVersion() : dataset.version());
        boolean current = recent.isPresent() || !Context.isOnEventLoopThread();
        EntityTag tag = tag(request, version);
        request.setProperty(EntityTag.class.getName(), tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (current && ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).header(HttpHeaders.VARY, VARY).build();
        }
        return null;
    }

    /**
     * What a cached answer depends on besides its URL: the representation (Accept), its compression (Accept-Encoding)
     * and the CORS headers, which echo the Origin.
     */
    static final String VARY = HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_ENCODING + ", Origin";

    @ServerResponseFilter
    public void tagAnswer(ContainerRequestContext request, ContainerResponseContext response) {
        Object tag = request.getProperty(EntityTag.class.getName());
        if (tag != null && response.getStatus() == 200) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            response.getHeaders().putSingle(HttpHeaders.VARY, VARY);
        }
    }

    private static boolean isCacheable(ContainerRequestContext request) {
        String method = request.getMethod();
        String path = request.getUriInfo().getPath();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) && (path.startsWith("/api/") || path.startsWith("/fhir/"))
                && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null;
    }

    /** Tags by what they are computed from; cleared when full, so it stays bounded whatever the URLs asked. */
    private static final Map<List<String>, EntityTag> TAGS = new ConcurrentHashMap<>();
    static final int MAX_TAGS = 4096;

    private static EntityTag tag(ContainerRequestContext request, String version) {
        URI uri = request.getUriInfo().getRequestUri();
        List<String> parts = List.of(version, uri.getRawPath(), String.valueOf(uri.getRawQuery()), String.valueOf(request.getHeaderString(HttpHeaders.ACCEPT)));
        EntityTag known = TAGS.get(parts);
        if (known != null) {
            return known;
        }
        if (TAGS.size() >= MAX_TAGS) {
            TAGS.clear();
        }
        EntityTag tag = tag(parts);
        TAGS.put(parts, tag);
        return tag;
    }

    private static EntityTag tag(List<String> parts) {
        MessageDigest digest = sha256();
        parts.forEach(part -> update(digest, part));
        return new EntityTag(HexFormat.of().formatHex(digest.digest(), 0, 16));
    }

    private static boolean matches(String ifNoneMatch, EntityTag tag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*") || value.equals("\"" + tag.getValue() + "\"") || value.equals("W/\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static void update(MessageDigest digest, String part) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
