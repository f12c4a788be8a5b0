package org.trialevidence.analysis;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
class ComparisonApiTest {

    @Test
    void serena6AgainstPaloma3OnPfs() {
        // 002 text: SERENA-6 "16.0 months ... versus 9.2 months ... (HR 0.44; ...)"; PALOMA-3 "Median PFS was 9.5 months
        // versus 4.6 months (HR 0.46; p<0.0001)". SERENA-6 switched during AI + CDK4/6i; PALOMA-3 compared fulvestrant
        // with or without palbociclib after endocrine therapy: different comparators and populations.
        given().queryParam("trial", "SERENA-6").queryParam("trial", "PALOMA-3").queryParam("endpoint", "PFS")
                .get("/api/v1/compare").then().statusCode(200)
                .body("endpoint", equalTo("PFS"))
                .body("rows.size()", equalTo(2))
                .body("rows.find { it.trial.acronym == 'SERENA-6' }.result.comparison.hazardRatio", equalTo(0.44f))
                .body("rows.find { it.trial.acronym == 'PALOMA-3' }.result.comparison.hazardRatio", equalTo(0.46f))
                .body("rows.find { it.trial.acronym == 'PALOMA-3' }.result.population.type", equalTo("itt"))
                .body("differences.aspect", hasItems("contrast", "comparator", "population"))
                .body("differences.find { it.aspect == 'comparator' }.values", hasKey("SERENA-6"))
                .body("differences.find { it.aspect == 'contrast' }.values.'PALOMA-3'", equalTo("CDK4/6i + endocrine-therapy vs endocrine-therapy"));
    }

    @Test
    void trialsOfOneQuestionDifferInNoContrast() {
        // PALOMA-2 and MONALEESA-2 both add a CDK4/6 inhibitor to letrozole.
        given().queryParam("trial", "PALOMA-2").queryParam("trial", "MONALEESA-2").queryParam("endpoint", "PFS")
                .get("/api/v1/compare").then().statusCode(200)
                .body("differences.aspect", not(hasItem("contrast")));
    }

    @Test
    void aTrialWithoutTheEndpointIsListedNotDropped() {
        given().queryParam("trial", "SERENA-6").queryParam("trial", "SERENA-4").queryParam("endpoint", "PFS")
                .get("/api/v1/compare").then().statusCode(200)
                .body("rows.size()", equalTo(1)).body("withoutResult", hasItem("SERENA-4"));
    }

    @Test
    void needsTwoTrialsAndOneEndpoint() {
        given().queryParam("trial", "SERENA-6").queryParam("endpoint", "PFS").get("/api/v1/compare")
                .then().statusCode(400).contentType("application/problem+json").body("parameter", equalTo("trial"));
        given().queryParam("trial", "SERENA-6").queryParam("trial", "PALOMA-3").get("/api/v1/compare")
                .then().statusCode(400).body("parameter", equalTo("endpoint"));
        given().queryParam("trial", "SERENA-6").queryParam("trial", "PALOMA-3").queryParam("endpoint", "PFS").queryParam("size", "5")
                .get("/api/v1/compare").then().statusCode(400).body("parameter", equalTo("size"));
    }
}
