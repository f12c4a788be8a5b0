package org.trialevidence.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.trialevidence.auth.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Thousands of generated requests (jqwik generators, fixed seed, so every run sends the same requests) with hostile
 * parameter names and values, Accept headers and methods, to every endpoint. Never a 5xx; every 4xx is
 * application/problem+json naming what was wrong; no stack trace or SQL in any body.
 */
@QuarkusTest
class HostileRequestsTest {
    private static final long SEED = 20261124L;
    private static final int REQUESTS = 3000;
    private static final List<String> PATHS = List.of("/api/v1/trials", "/api/v1/trials/serena-6", "/api/v1/trials/", "/api/v1/results",
            "/api/v1/vocabulary", "/api/v1/vocabulary/biomarkers", "/api/v1/vocabulary/", "/api/v1/dataset", "/api/v1/compare",
            "/api/v1/export/results.json", "/api/v1/nowhere", "/api/v2/results",
            "/api/v1/trials/serena-6/document", "/api/v1/trials/serena-6/history", "/api/v1/trials/serena-6/results/serena-6-pfs-itt",
            "/api/v1/trials/serena-6/results", "/api/v1/trials/serena-6/restore", "/api/v1/sources", "/api/v1/export/seed-data", "/api/v1/auth/me");
    private static final List<String> NAMES = List.of("trial", "endpoint", "setting", "biomarker", "arm", "drug", "drugClass", "population",
            "effectMeasure", "significant", "maxHazardRatio", "conflicting", "studyType", "sort", "page", "size", "format", "q", "phase", "status");
    private static final List<String> HOSTILE = List.of("", " ", "%", "_", "'", "\"", "' OR '1'='1", "1; DROP TABLE trial;--", "{\"$gt\": \"\"}",
            "[1,2]", "null", "\u0000", "%00", "..%2F..%2Fetc%2Fpasswd", "<script>alert(1)</script>", "ESR1\u0000m", "Ｅｓｒ１", "💊", "ß",
            "-1", "-0", "0", "1e309", "NaN", "Infinity", "9".repeat(40), "2147483648", "-2147483649", "0x10", "all", "ALL", "true ", "TRUE",
            "hazardRatio;drop", "-", "--hazardRatio", "\\", "\\%", "PFS\r\nX-Injected: 1", "x".repeat(3000));
    private static final List<String> ACCEPT = List.of("application/json", "*/*", "text/csv", "application/xml", "text/html", "image/png",
            "application/problem+json", "", "garbage/", "application/fhir+json");
    private static final List<String> METHODS = List.of("GET", "GET", "GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    @TestHTTPResource("/")
    URL base;

    /** Half the requests carry a curator's token, so the write endpoints' own checks are reached too. */
    record Hostile(String method, String path, List<String[]> parameters, String accept, boolean asCurator) {
        String query() {
            return parameters.stream().map(p -> URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p[1], StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    static Arbitrary<Hostile> requests() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.of(NAMES), Arbitraries.strings().ofMaxLength(12), Arbitraries.of(HOSTILE));
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of(HOSTILE), Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("PFS", "OS", "ESR1", "metastatic", "CDK4/6i", "SERENA-6", "itt", "HR", "3", "csv"),
                Arbitraries.integers().map(String::valueOf));
        Arbitrary<String[]> parameter = Combinators.combine(names, values).as((name, value) -> new String[] {name, value});
        return Combinators.combine(Arbitraries.of(METHODS), Arbitraries.of(PATHS), parameter.list().ofMaxSize(6), Arbitraries.of(ACCEPT),
                        Arbitraries.of(false, true))
                .as(Hostile::new);
    }

    /** jqwik generators outside a jqwik property (the service runs in a Quarkus test) need a session of their own. */
    static List<Hostile> generate(int count) {
        List<Hostile> requests = new ArrayList<>();
        JqwikSession.start();
        try {
            RandomGenerator<Hostile> generator = requests().generator(1000);
            Random random = new Random(SEED);
            for (int i = 0; i < count; i++) {
                requests.add(generator.next(random).value());
            }
        } finally {
            JqwikSession.finish();
        }
        return requests;
    }

    @Test
    void neverA5xxAndEvery4xxIsAProblemNamingTheFault() throws Exception {
        List<Hostile> requests = generate(REQUESTS);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> failures = new ArrayList<>();
        int clientErrors = 0;
        for (Hostile request : requests) {
            HttpResponse<String> response = send(client, request);
            String body = response.body();
            int status = response.statusCode();
            String contentType = response.headers().firstValue("content-type").orElse("");
            String sent = request.method() + " " + request.path() + "?" + request.query();
            String label = sent.substring(0, Math.min(240, sent.length())) + " Accept: " + request.accept() + " -> " + status;
            if (status >= 500) {
                failures.add(label + " " + body);
            }
            if (status >= 400 && status < 500) {
                clientErrors++;
                if (!"HEAD".equals(request.method()) && !contentType.startsWith("application/problem+json")) {
                    failures.add(label + " content-type " + contentType);
                }
                if (status == 400 && !"HEAD".equals(request.method()) && !body.contains("\"parameter\"")) {
                    failures.add(label + " names no parameter: " + body);
                }
            }
            for (String leak : List.of("Exception", "\tat ", "org.hibernate", "SQL", "select ", "java.lang")) {
                if (body.contains(leak)) {
                    failures.add(label + " leaks '" + leak + "': " + body.substring(0, Math.min(300, body.length())));
                }
            }
            if (failures.size() > 20) {
                break;
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " bad answers, first ones:\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
        assertTrue(clientErrors > REQUESTS / 4, "the generator should provoke plenty of client errors, got " + clientErrors);
    }

    private HttpResponse<String> send(HttpClient client, Hostile request) throws IOException, InterruptedException {
        String query = request.query();
        URI uri = URI.create(base.toString().replaceAll("/$", "") + request.path() + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(request.method(), List.of("POST", "PUT", "PATCH").contains(request.method())
                        ? HttpRequest.BodyPublishers.ofString("{\"x\": 1}") : HttpRequest.BodyPublishers.noBody());
        if (!request.accept().isEmpty()) {
            builder.header("Accept", request.accept());
        }
        if (request.asCurator()) {
            builder.header("Authorization", "Bearer " + TestTokens.curator("fuzzer"));
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theGeneratorIsRepeatable() {
        List<String> first = generate(50).stream().map(Hostile::query).toList();
        List<String> second = generate(50).stream().map(Hostile::query).toList();
        assertFalse(first.stream().allMatch(String::isEmpty));
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
    }
}
