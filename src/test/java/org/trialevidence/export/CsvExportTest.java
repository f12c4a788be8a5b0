package org.trialevidence.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV answers read back with Apache Commons CSV, compared with the JSON answers of the same query. */
@QuarkusTest
class CsvExportTest {

    static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            return parser.getRecords();
        }
    }

    @Test
    void serena6RowAsTheReviewPrintsIt() throws IOException {
        Response response = given().queryParam("trial", "SERENA-6").queryParam("endpoint", "PFS").queryParam("format", "csv").get("/api/v1/results");
        response.then().statusCode(200).contentType(startsWith("text/csv"));
        assertTrue(response.asString().contains("\r\n"), "RFC 4180 line ends are CRLF");
        List<CSVRecord> rows = parse(response.asString());
        assertEquals(1, rows.size());
        CSVRecord row = rows.get(0);
        // 002, text: "16.0 months with camizestrant versus 9.2 months ... (HR 0.44; 95% CI, 0.31–0.60; p<0.00001)"
        assertEquals("SERENA-6", row.get("trial.acronym"));
        assertEquals(16.0, Double.parseDouble(row.get("arms[0].value")));
        assertEquals(9.2, Double.parseDouble(row.get("arms[1].value")));
        assertEquals("0.44", row.get("comparison.hazardRatio"));
        assertEquals("0.31", row.get("comparison.ciLower"));
        assertEquals("0.60", row.get("comparison.ciUpper"), "as the review prints it");
        assertEquals("0.00001", row.get("comparison.pValue"), "numbers are plain decimals, never 1E-5");
        assertEquals("<0.00001", row.get("comparison.pValueText"));
        assertTrue(row.get("source.excerpt").contains("16.0 months with camizestrant"));
        // Table 1b: "Camizestrant + same CDK4/6 inhibitor" vs "Continue AI + same CDK4/6i".
        assertEquals("oral-SERD", row.get("comparison.contrast.added"));
        assertEquals("AI", row.get("comparison.contrast.removed"));
        assertEquals("CDK4/6i", row.get("comparison.contrast.common"));
        assertEquals("switch-on-ctdna-mutation", row.get("comparison.contrast.design"));
    }

    @Test
    void acceptHeaderAsksForCsvToo() throws IOException {
        String byAccept = given().accept("text/csv").queryParam("trial", "PALOMA-3").get("/api/v1/results").then().statusCode(200).extract().asString();
        String byFormat = given().queryParam("format", "csv").queryParam("trial", "PALOMA-3").get("/api/v1/results").asString();
        assertEquals(byFormat, byAccept);
        assertFalse(parse(byAccept).isEmpty());
    }

    @Test
    void sizeAllStreamsEveryMatchInTheJsonOrder() throws IOException {
        int total = given().queryParam("endpoint", "PFS").get("/api/v1/results").then().extract().path("totalItems");
        List<CSVRecord> rows = parse(given().queryParam("endpoint", "PFS").queryParam("format", "csv").queryParam("size", "all").get("/api/v1/results").asString());
        assertEquals(total, rows.size());
        List<String> firstPage = given().queryParam("endpoint", "PFS").queryParam("size", 50).get("/api/v1/results").then().extract().path("items.id");
        assertEquals(firstPage, rows.stream().limit(50).map(row -> row.get("id")).toList());
        given().queryParam("size", "all").get("/api/v1/results").then().statusCode(400).body("parameter", equalTo("size"));
    }

    @Test
    void headerNamesMatchJsonFieldsAndEveryRowIsComplete() throws IOException {
        String csv = given().queryParam("format", "csv").queryParam("size", "all").queryParam("studyType", "all").get("/api/v1/results").asString();
        List<CSVRecord> rows = parse(csv);
        Map<String, Integer> header = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder().setHeader().build()).getHeaderMap();
        assertTrue(header.keySet().containsAll(List.of("id", "trial.id", "endpoint", "population.type", "arms[0].value", "comparison.hazardRatio",
                "comparison.ciLower", "comparison.ciUpper", "comparison.pValueText", "source.document", "source.excerpt")));
        rows.forEach(row -> assertEquals(header.size(), row.size(), "row " + row.getRecordNumber()));
        int total = given().queryParam("studyType", "all").get("/api/v1/results").then().extract().path("totalItems");
        assertEquals(total, rows.size());
    }

    @Test
    void trialsAnswerCsvToo() throws IOException {
        List<CSVRecord> rows = parse(given().queryParam("format", "csv").queryParam("q", "INAVO 120").get("/api/v1/trials").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString());
        assertEquals(1, rows.size());
        assertEquals("INAVO120", rows.get(0).get("acronym"));
        assertTrue(rows.get(0).get("drugs").contains("inavolisib"));
    }

    @Test
    void wholeDatasetExportsCarryTheVersion() throws IOException {
        String version = given().get("/api/v1/dataset").then().extract().path("version");
        int total = given().queryParam("studyType", "all").get("/api/v1/results").then().extract().path("totalItems");
        Response csv = given().get("/api/v1/export/results.csv");
        csv.then().statusCode(200).header("X-Dataset-Version", version);
        assertEquals(total, parse(csv.asString()).size());
        given().get("/api/v1/export/results.json").then().statusCode(200).header("X-Dataset-Version", version)
                .body("datasetVersion", equalTo(version)).body("results.size()", equalTo(total));
    }

    @Test
    void badFormatNamesTheParameter() {
        given().queryParam("format", "xlsx").get("/api/v1/results").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo("format"));
    }
}
