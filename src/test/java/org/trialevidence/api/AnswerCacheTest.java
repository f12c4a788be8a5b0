package org.trialevidence.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers kept by URL and dataset version: never served across versions, only 200s, bounded. */
class AnswerCacheTest {
    private final AnswerCache cache = new AnswerCache(new ObjectMapper());
    private final AtomicReference<String> version = new AtomicReference<>("1");
    private final AtomicInteger computed = new AtomicInteger();

    private Response answer(String url) {
        return cache.respond(version::get, url, () -> {
            computed.incrementAndGet();
            return Response.ok(Map.of("version", version.get(), "items", List.of(1, 2))).header("X-Total-Count", 2).build();
        });
    }

    private static String body(Response response) {
        return new String((byte[]) response.getEntity(), StandardCharsets.UTF_8);
    }

    @Test
    void anAnswerIsWrittenOncePerUrlAndVersionWithItsHeaders() {
        Response first = answer("/api/v1/results?endpoint=PFS");
        Response again = answer("/api/v1/results?endpoint=PFS");
        assertEquals(1, computed.get());
        assertEquals(body(first), body(again));
        assertEquals("2", again.getHeaderString("X-Total-Count"));
        answer("/api/v1/results?endpoint=OS");
        assertEquals(2, computed.get());
    }

    @Test
    void aNewVersionIsNeverAnsweredWithTheBytesOfAnOlderOne() {
        answer("/api/v1/results");
        version.set("2");
        assertTrue(body(answer("/api/v1/results")).contains("\"version\":\"2\""));
        assertEquals(2, computed.get());
    }

    @Test
    void anAnswerComputedWhileTheVersionMovedIsNotKept() {
        cache.respond(version::get, "/api/v1/trials", () -> {
            version.set("2");
            return Response.ok(List.of("old")).build();
        });
        version.set("1");
        assertEquals("[\"new\"]", body(cache.respond(version::get, "/api/v1/trials", () -> Response.ok(List.of("new")).build())));
    }

    @Test
    void anAnswerReadWhileOtherDataWasNotOfTheVersionAloneIsNotKept() {
        // Before: the stored views were not yet written again; after: a write landed in the database, its version not
        // yet held. Either way the next request computes its answer again; a settled one is kept and not asked again.
        AtomicInteger asked = new AtomicInteger();
        for (List<Boolean> settled : List.of(List.of(false, true), List.of(true, false))) {
            String url = "/api/v1/results?settled=" + settled;
            for (int i = 0; i < 2; i++) {
                asked.set(0);
                cache.respond(version::get, () -> settled.get(asked.getAndIncrement() % 2), url, () -> {
                    computed.incrementAndGet();
                    return Response.ok(List.of("page")).build();
                });
            }
        }
        assertEquals(4, computed.get());
        cache.respond(version::get, () -> asked.incrementAndGet() > 0, "/api/v1/results?settled", () -> Response.ok(List.of("page")).build());
        asked.set(0);
        cache.respond(version::get, () -> asked.incrementAndGet() > 0, "/api/v1/results?settled", () -> {
            throw new AssertionError("computed again");
        });
        assertEquals(0, asked.get());
    }

    @Test
    void problemsAreNotKept() {
        for (int i = 0; i < 2; i++) {
            cache.respond(version::get, "/api/v1/results?endpoint=XYZ", () -> {
                computed.incrementAndGet();
                return Response.status(400).entity("bad").build();
            });
        }
        assertEquals(2, computed.get());
    }

    @Test
    void theLeastRecentlyServedAnswersLeaveWhenFull() {
        for (int i = 0; i <= AnswerCache.MAX_ENTRIES; i++) {
            answer("/api/v1/results?page=" + i);
        }
        int all = computed.get();
        answer("/api/v1/results?page=" + AnswerCache.MAX_ENTRIES);
        assertEquals(all, computed.get());
        answer("/api/v1/results?page=0");
        assertEquals(all + 1, computed.get());
    }
}
