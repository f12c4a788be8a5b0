package org.trialevidence.analysis;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** preferred=true keeps the results the analyses choose, by the analyses' own rule. */
@QuarkusTest
class PreferredResultsTest {

    @Test
    void paloma2HasOnePreferredPfsResult() {
        given().queryParam("trial", "PALOMA-2").queryParam("endpoint", "PFS").get("/api/v1/results").then().statusCode(200)
                .body("totalItems", equalTo(3));
        // Only review 001's table prints a CI: "PALOMA-2 ... 27.6 vs. 14.5 months ... (HR 0.563; 95% CI" 0.461-0.687; the other two
        // reports (002: "hazard ratios for progression of 0.54"; 001's text: 0.56) have no CI and cannot be pooled.
        given().queryParam("trial", "PALOMA-2").queryParam("endpoint", "PFS").queryParam("preferred", "true").get("/api/v1/results").then()
                .statusCode(200).body("totalItems", equalTo(1)).header("X-Total-Count", "1")
                .body("items[0].id", equalTo("paloma-2-pfs-itt-review-001-table")).body("items[0].comparison.hazardRatio", equalTo(0.563f));
        given().queryParam("endpoint", "PFS").queryParam("preferred", "true").get("/api/v1/trials/PALOMA-2/results").then().statusCode(200)
                .body("items.id", equalTo(List.of("paloma-2-pfs-itt-review-001-table")));
    }

    @Test
    void thePreferredResultsAreTheOnesTheContrastsListUses() {
        Set<String> preferred = new TreeSet<>(given().queryParam("endpoint", "PFS").queryParam("added", "CDK4/6i").queryParam("preferred", "true")
                .queryParam("size", 200).get("/api/v1/results").then().statusCode(200).extract().jsonPath().getList("items.id", String.class));
        Set<String> contrasts = new TreeSet<>(given().queryParam("endpoint", "PFS").queryParam("added", "CDK4/6i").queryParam("size", 200)
                .get("/api/v1/contrasts").then().statusCode(200).extract().jsonPath().getList("items.resultId", String.class));
        assertTrue(preferred.size() >= 5, preferred.toString());
        assertEquals(contrasts, preferred);
        int every = given().queryParam("endpoint", "PFS").queryParam("added", "CDK4/6i").get("/api/v1/results").then().extract().path("totalItems");
        assertTrue(every > preferred.size(), "some matches are not preferred");
        given().queryParam("endpoint", "PFS").queryParam("added", "CDK4/6i").queryParam("preferred", "false").get("/api/v1/results").then()
                .body("totalItems", equalTo(every));
    }

    @Test
    void aBadValueNamesTheParameterAndTheRuleIsInOpenApi() {
        given().queryParam("preferred", "yes").get("/api/v1/results").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("preferred")).body("allowedValues", equalTo(List.of("true", "false")));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/results'.get.parameters.find { it.name == 'preferred' }.description",
                        containsString("one treatment comparison per trial with an HR and CI"));
    }
}
