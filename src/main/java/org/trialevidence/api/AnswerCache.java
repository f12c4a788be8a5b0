package org.trialevidence.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * JSON answers serialized once per request and dataset version, and served as those bytes to every later request
 * for the same URL while the version holds. The data only changes with the version, and the version is part of the
 * key (read before and after the answer is computed, and the answer kept only when both agree), so a write can
 * never serve stale bytes; the bytes and headers are the ones the first answer had. Bounded in entries and bytes
 * (least recently used first out), so memory does not grow with the number of distinct queries; answers larger
 * than a bound are computed every time.
 */
@ApplicationScoped
public class AnswerCache {
    /** The content type Quarkus gives a JSON entity returned without a Response: answers built here keep it. */
    public static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name());
    static final int MAX_ENTRIES = 4096;
    static final long MAX_BYTES = 64L * 1024 * 1024;
    static final int MAX_ANSWER_BYTES = 2 * 1024 * 1024;

    private final ObjectMapper mapper;
    /** Access-ordered: the least recently served answer is dropped first. Guarded by itself. */
    private final LinkedHashMap<String, Answer> answers = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    /** A 200 answer as sent: its body as bytes and its headers (paging headers, content type). */
    private record Answer(byte[] body, MultivaluedMap<String, Object> headers) {
        Response response() {
            Response.ResponseBuilder response = Response.ok(body);
            headers.forEach((name, values) -> values.forEach(value -> response.header(name, value)));
            return response.build();
        }
    }

    @Inject
    public AnswerCache(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The answer to a request (its path and query as sent) at the dataset version the answer reads; computed by
     * {@code answer} when not kept. Only 200 answers with a JSON entity are kept; others (problems, streamed CSV)
     * are returned as computed.
     */
    public Response respond(Supplier<String> version, String request, Supplier<Response> answer) {
        return respond(version, () -> true, request, answer);
    }

    /**
     * As {@link #respond(Supplier, String, Supplier)}, for answers that read more than the version's own data: one
     * computed is kept only when {@code ofTheVersionAlone} holds both before and after it was computed (a page that
     * reads rows a write may have changed before the read models hold its version). Not asked when the answer is kept.
     */
    public Response respond(Supplier<String> version, BooleanSupplier ofTheVersionAlone, String request, Supplier<Response> answer) {
        String before = version.get();
        String key = key(before, request);
        Optional<Response> kept = kept(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        boolean keepable = ofTheVersionAlone.getAsBoolean();
        Response computed = answer.get();
        if (computed.getStatus() != 200 || computed.getEntity() == null || computed.getEntity() instanceof StreamingOutput) {
            return computed;
        }
        Answer written = new Answer(json(computed.getEntity()), new MultivaluedHashMap<>(computed.getHeaders()));
        if (keepable && before.equals(version.get()) && written.body().length <= MAX_ANSWER_BYTES && ofTheVersionAlone.getAsBoolean()) {
            keep(key, written);
        }
        return written.response();
    }

    /** The answer kept for the request at that version, if one is; never computes one. */
    public Optional<Response> kept(String version, String request) {
        return kept(key(version, request));
    }

    private Optional<Response> kept(String key) {
        Answer kept;
        synchronized (answers) {
            kept = answers.get(key);
        }
        return Optional.ofNullable(kept).map(Answer::response);
    }

    private static String key(String version, String request) {
        return version + '\n' + request;
    }

    /** Forgets every answer kept, as a new process starts with none. */
    public void clear() {
        synchronized (answers) {
            answers.clear();
            bytes = 0;
        }
    }

    private void keep(String key, Answer answer) {
        synchronized (answers) {
            Answer replaced = answers.put(key, answer);
            bytes += answer.body().length - (replaced == null ? 0 : replaced.body().length);
            var eldest = answers.entrySet().iterator();
            while (answers.size() > MAX_ENTRIES || bytes > MAX_BYTES) {
                Map.Entry<String, Answer> dropped = eldest.next();
                bytes -= dropped.getValue().body().length;
                eldest.remove();
            }
        }
    }

    private byte[] json(Object entity) {
        if (entity instanceof byte[] body) {
            return body;
        }
        try {
            return mapper.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + entity.getClass().getSimpleName(), e);
        }
    }
}
