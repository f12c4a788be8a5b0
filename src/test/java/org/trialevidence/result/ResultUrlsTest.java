package org.trialevidence.result;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One result by URL, a trial's results under the trial's URL, and the comparison as CSV. */
@QuarkusTest
class ResultUrlsTest {

    @Test
    void oneResultHasItsOwnUrl() {
        // 002: "16.0 months with camizestrant versus 9.2 months with continued AI (HR 0.44; 95% CI, 0.31–0.60; p<0.00001)"
        given().get("/api/v1/results/serena-6-pfs-itt").then().statusCode(200)
                .body("id", equalTo("serena-6-pfs-itt")).body("trial.acronym", equalTo("SERENA-6"))
                .body("comparison.hazardRatio", equalTo(0.44f)).body("source.document", equalTo("002_68e141cf09b578c4.txt"));
        given().get("/api/v1/results/SERENA-6-PFS-ITT").then().statusCode(200).body("id", equalTo("serena-6-pfs-itt"));
        given().get("/api/v1/results/serena-6-pfs").then().statusCode(404).contentType("application/problem+json")
                .body("parameter", equalTo("id")).body("nearestValues", hasItem("serena-6-pfs-itt"));
    }

    @Test
    void aTrialsResultsAreUnderTheTrial() {
        int all = given().queryParam("trial", "SERENA-6").queryParam("studyType", "all").get("/api/v1/results").then().extract().path("totalItems");
        assertTrue(all > 1);
        given().get("/api/v1/trials/SERENA 6/results").then().statusCode(200)
                .body("totalItems", equalTo(all)).body("items.trial.id", everyItem(equalTo("serena-6")));
        given().queryParam("endpoint", "PFS").get("/api/v1/trials/serena-6/results").then().statusCode(200)
                .body("items.id", equalTo(List.of("serena-6-pfs-itt")));
        given().get("/api/v1/trials/serena-66/results").then().statusCode(404).contentType("application/problem+json")
                .body("parameter", equalTo("id")).body("nearestValues", hasItem("SERENA-6"));
        given().queryParam("trial", "PALOMA-3").get("/api/v1/trials/serena-6/results").then().statusCode(400).body("parameter", equalTo("trial"));
    }

    @Test
    void compareAnswersCsvWithOneRowPerTrial() throws IOException {
        String csv = given().queryParam("trial", "SERENA-6").queryParam("trial", "PALOMA-3").queryParam("endpoint", "PFS").queryParam("format", "csv")
                .get("/api/v1/compare").then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            rows = parser.getRecords();
        }
        assertEquals(List.of("SERENA-6", "PALOMA-3"), rows.stream().map(row -> row.get("trial.acronym")).sorted(java.util.Comparator.reverseOrder()).toList());
        CSVRecord serena = rows.stream().filter(row -> row.get("trial.acronym").equals("SERENA-6")).findFirst().orElseThrow();
        assertEquals("serena-6-pfs-itt", serena.get("id"));
        assertEquals("16.0", serena.get("experimental.value"));
        assertEquals("9.2", serena.get("control.value"));
        assertEquals("0.44", serena.get("comparison.hazardRatio"));
        // SERENA-6 switches to camizestrant on top of a CDK4/6 inhibitor, PALOMA-3 adds palbociclib to fulvestrant.
        assertTrue(serena.get("differences").contains("comparator"), serena.get("differences"));
        given().accept("text/csv").queryParam("trial", "SERENA-6").queryParam("trial", "PALOMA-3").queryParam("endpoint", "PFS")
                .get("/api/v1/compare").then().statusCode(200).contentType(startsWith("text/csv"));
        given().queryParam("trial", "SERENA-6").queryParam("trial", "PALOMA-3").queryParam("endpoint", "PFS").queryParam("format", "xml")
                .get("/api/v1/compare").then().statusCode(400).body("parameter", equalTo("format"));
    }
}
