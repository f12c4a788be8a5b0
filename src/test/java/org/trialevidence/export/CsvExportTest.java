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
        assertEquals("16.0", row.get("experimental.value"));
        assertEquals("Camizestrant + same CDK4/6 inhibitor", row.get("experimental.label"));
        assertEquals("months", row.get("experimental.unit"));
        assertEquals("9.2", row.get("control.value"));
        assertEquals("FALSE", row.get("control.notReached"), "R's read.csv and pandas read TRUE/FALSE as booleans");
        assertEquals("", row.get("other1.value"), "a two-arm trial fills no other arm");
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
    void armsAreNamedByTheirRoleNotTheirPosition() throws IOException {
        // 003, IMPACT: "poorer response in tamoxifen- but not in anastrozole-treated patients (22% vs 58%; P = 0.18)"; the record
        // lists the tamoxifen arm first, and it is the control of anastrozole vs tamoxifen.
        CSVRecord row = parse(given().queryParam("trial", "IMPACT").queryParam("format", "csv").queryParam("size", "all").get("/api/v1/results").asString())
                .stream().filter(record -> record.get("id").equals("impact-clinical-response-her2-overexpressing")).findFirst().orElseThrow();
        assertEquals("anastrozole", row.get("experimental.arm"));
        assertEquals("58", row.get("experimental.value"));
        assertEquals("percent", row.get("experimental.unit"));
        assertEquals("tamoxifen", row.get("control.arm"));
        assertEquals("22", row.get("control.value"));
    }

    @Test
    void layoutArmsHasOneRowPerArmWithItsSource() throws IOException {
        List<CSVRecord> rows = parse(given().queryParam("trial", "SERENA-6").queryParam("endpoint", "PFS").queryParam("format", "csv")
                .queryParam("layout", "arms").get("/api/v1/results").then().statusCode(200).extract().asString());
        assertEquals(2, rows.size());
        // 002: "16.0 months with camizestrant versus 9.2 months with continued AI"
        CSVRecord experimental = rows.stream().filter(row -> row.get("role").equals("experimental")).findFirst().orElseThrow();
        CSVRecord control = rows.stream().filter(row -> row.get("role").equals("control")).findFirst().orElseThrow();
        assertEquals("16.0", experimental.get("value"));
        assertEquals("9.2", control.get("value"));
        for (CSVRecord row : rows) {
            assertEquals("serena-6-pfs-itt", row.get("resultId"));
            assertEquals("SERENA-6", row.get("trial"));
            assertEquals("PFS", row.get("endpoint"));
            assertEquals("months", row.get("unit"));
            assertEquals("002_68e141cf09b578c4.txt", row.get("source.document"));
            assertTrue(row.get("source.excerpt").contains("16.0 months with camizestrant versus 9.2 months"));
        }
        given().queryParam("trial", "SERENA-6").queryParam("layout", "arms").get("/api/v1/results").then().statusCode(400)
                .body("parameter", equalTo("layout"));
        given().queryParam("trial", "SERENA-6").queryParam("layout", "wide").get("/api/v1/results").then().statusCode(200)
                .body("items[0].trial.acronym", equalTo("SERENA-6"));
        given().queryParam("format", "csv").queryParam("layout", "tall").get("/api/v1/results").then().statusCode(400)
                .body("parameter", equalTo("layout")).body("allowedValues", equalTo(List.of("wide", "arms")));
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
        assertTrue(header.keySet().containsAll(List.of("id", "trial.id", "endpoint", "population.type", "experimental.value", "control.value",
                "other1.value", "comparison.hazardRatio",
                "comparison.ciLower", "comparison.ciUpper", "comparison.pValueText", "source.document", "source.excerpt")));
        rows.forEach(row -> assertEquals(header.size(), row.size(), "row " + row.getRecordNumber()));
        // R's make.names (read.csv's check.names=TRUE) and pandas keep such names as they are.
        header.keySet().forEach(name -> assertTrue(name.matches("[A-Za-z][A-Za-z0-9._]*"), name));
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
