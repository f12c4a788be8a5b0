package org.trialevidence.result;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers keep the decimals the review prints wherever they are shown. 002 text: SERENA-6 "(HR 0.44; 95% CI,
 * 0.31–0.60; p<0.00001)"; the database column holds 0.600000.
 */
@QuarkusTest
class PrintedPrecisionTest {
    @Test
    void theJsonNumberIsThePrintedOne() {
        String json = given().queryParam("trial", "SERENA-6").queryParam("endpoint", "PFS").get("/api/v1/results").then().statusCode(200)
                .extract().asString();
        assertTrue(json.contains("\"ciUpper\":0.60"), json);
    }

    @Test
    void forestPlotCompareAndFhirTextShowThePrintedDecimals() {
        given().queryParam("trial", "SERENA-6").queryParam("endpoint", "PFS").get("/api/v1/results/forest.svg").then().statusCode(200)
                .body(containsString("0.44 (0.31\u20130.60)")).body(not(containsString("0.31\u20130.6)")));
        given().queryParam("trial", "SERENA-6").queryParam("trial", "PALOMA-3").queryParam("endpoint", "PFS").get("/api/v1/compare")
                .then().statusCode(200).body(containsString("\"ciUpper\":0.60"));
        given().queryParam("trial", "SERENA-6").queryParam("endpoint", "PFS").get("/fhir/Evidence").then().statusCode(200)
                .body(containsString("CI 0.31\u20130.60"));
    }
}
