package org.trialevidence.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON, CSV and SVG are gzipped when the client asks, and say that the answer varies with what it asks. */
@QuarkusTest
class CompressionTest {
    /** RestAssured would inflate the body itself; these requests read the bytes as sent. */
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void jsonCsvAndSvgAreGzippedWhenAskedFor() throws IOException {
        for (String path : new String[] {"/api/v1/results?trial=SERENA-6&endpoint=PFS", "/api/v1/results?trial=SERENA-6&endpoint=PFS&format=csv",
                "/api/v1/results/forest.svg?trial=SERENA-6&endpoint=PFS", "/api/v1/export/results.json"}) {
            Response response = given().config(RAW).header("Accept-Encoding", "gzip").get(path);
            response.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", containsString("Accept-Encoding"));
            String body = new String(new GZIPInputStream(new ByteArrayInputStream(response.asByteArray())).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body.contains("SERENA-6"), path + ": " + body.substring(0, Math.min(200, body.length())));
        }
    }

    @Test
    void withoutAcceptEncodingTheBodyIsPlain() {
        Response response = given().config(RAW).header("Accept-Encoding", "identity").get("/api/v1/results?trial=SERENA-6&endpoint=PFS");
        response.then().statusCode(200);
        assertEquals(null, response.getHeader("Content-Encoding") == null || "identity".equals(response.getHeader("Content-Encoding")) ? null : "compressed");
        assertTrue(response.asString().contains("SERENA-6"));
    }

    @Test
    void crossOriginScriptsCanReadThePagingHeaders() {
        given().header("Origin", "https://example.org").get("/api/v1/results?endpoint=PFS").then().statusCode(200)
                .header("Access-Control-Expose-Headers", containsString("Link")).header("Access-Control-Expose-Headers", containsString("X-Total-Count"));
    }
}
