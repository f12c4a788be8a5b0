package org.trialevidence.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class HttpHygieneTest {

    @Test
    void strongEtagAnswersIfNoneMatchWith304() {
        String etag = given().queryParam("endpoint", "PFS").get("/api/v1/results").then().statusCode(200)
                .header("ETag", matchesPattern("\"[0-9a-f]{32}\""))
                .header("Cache-Control", "public, no-cache")
                .extract().header("ETag");
        given().header("If-None-Match", etag).queryParam("endpoint", "PFS").get("/api/v1/results").then().statusCode(304)
                .header("ETag", equalTo(etag)).body(emptyOrNullString());
        given().header("If-None-Match", "\"someone-elses\"").queryParam("endpoint", "PFS").get("/api/v1/results").then().statusCode(200);
    }

    @Test
    void theTagDependsOnTheRequestAndTheRepresentation() {
        String pfs = given().queryParam("endpoint", "PFS").get("/api/v1/results").then().extract().header("ETag");
        String os = given().queryParam("endpoint", "OS").get("/api/v1/results").then().extract().header("ETag");
        String csv = given().queryParam("endpoint", "PFS").accept("text/csv").get("/api/v1/results").then().extract().header("ETag");
        assertNotEquals(pfs, os);
        assertNotEquals(pfs, csv);
        assertEquals(pfs, given().queryParam("endpoint", "PFS").get("/api/v1/results").then().extract().header("ETag"));
    }

    @Test
    void errorsAreNotTagged() {
        given().queryParam("endpont", "PFS").get("/api/v1/results").then().statusCode(400).header("ETag", nullValue());
    }

    @Test
    void anyOriginMayReadButNotWrite() {
        given().header("Origin", "https://example.org").get("/api/v1/dataset").then().statusCode(200)
                .header("Access-Control-Allow-Origin", not(emptyOrNullString()));
        String allowed = given().header("Origin", "https://example.org").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/results").then().extract().header("Access-Control-Allow-Methods");
        // POST is announced for the read-only analyses (POST /api/v1/meta-analysis); a write POST from another origin, and
        // its preflight, are refused by the service (HttpLimitsTest).
        assertEquals(java.util.Set.of("GET", "HEAD", "OPTIONS", "POST"), java.util.Set.of(allowed.replace(" ", "").split(",")));
    }

    @Test
    void noSniffingAndNoServerBanner() {
        given().get("/api/v1/dataset").then().statusCode(200).header("X-Content-Type-Options", "nosniff").header("Server", nullValue());
        given().get("/api/v1/nothing").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void oversizedRequestsAreRefused() {
        given().queryParam("q", "x".repeat(10_000)).get("/api/v1/trials").then().statusCode(414);
        given().body("x".repeat(600_000)).contentType("application/json").post("/api/v1/trials").then().statusCode(413);
    }
}
