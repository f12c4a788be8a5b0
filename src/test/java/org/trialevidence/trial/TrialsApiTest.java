package org.trialevidence.trial;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TrialsApiTest {

    static JsonPath trials(Map<String, ?> query) {
        return given().queryParams(query).get("/api/v1/trials").then().statusCode(200).extract().jsonPath();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INAVO120", "INAVO 120", "inavo-120", "Inavo120"})
    void aliasesFindInavo120(String name) {
        given().get("/api/v1/trials/" + name).then().statusCode(200).body("id", equalTo("inavo120")).body("acronym", equalTo("INAVO120"));
        assertTrue(trials(Map.of("q", name)).getList("items.id", String.class).contains("inavo120"));
    }

    @Test
    void fullRecordHasArmsResultsSafetyApprovalsAndSources() {
        given().get("/api/v1/trials/serena-6").then().statusCode(200)
                .body("studyType", equalTo("randomized-controlled-trial"))
                .body("setting", equalTo("metastatic-first-line"))
                .body("biomarkers", hasItem("ESR1-mutant"))
                .body("arms.role", hasItems("experimental", "control"))
                .body("arms[0].drugs.code", hasItem("camizestrant"))
                .body("arms[0].drugs.drugClass", hasItem("oral-SERD"))
                .body("drugClasses", hasItems("oral-SERD", "CDK4/6i", "AI"))
                .body("results.endpoint", hasItem("PFS"))
                // 002, Table 1b: "neutropenia (45% vs. 34%)"
                .body("safety[0].events.find { it.term == 'neutropenia' && it.arm == 'camizestrant-cdk46i' }.percent", equalTo(45))
                .body("sources[0].document", equalTo("002_68e141cf09b578c4.txt"))
                .body("guideline.text", containsString("Not yet included"));
        // 002, Table 1b, PALOMA-3 row: FDA approval "Feb-15"
        given().get("/api/v1/trials/PALOMA-3").then().statusCode(200)
                .body("approvals.find { it.agency == 'FDA' }.dateAsReported", equalTo("Feb-15"));
    }

    /** The record and the results list serve one view of each result (the record takes them from the results' read model). */
    @ParameterizedTest
    @ValueSource(strings = {"serena-6", "PALOMA-2", "MONALEESA-7", "PEARL"})
    void aTrialsRecordListsItsResultsAsTheResultsListServesThem(String name) {
        List<Object> inRecord = given().get("/api/v1/trials/" + name).then().statusCode(200).extract().jsonPath().getList("results");
        List<Object> listed = given().queryParam("size", 100).get("/api/v1/trials/" + name + "/results").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertTrue(inRecord.size() > 1, name + " has results");
        assertEquals(listed, inRecord);
    }

    @Test
    void namedOnlyTrialsAnswerWithoutResults() {
        given().get("/api/v1/trials/SERENA-4").then().statusCode(200).body("results.size()", equalTo(0)).body("status", equalTo("ongoing"));
    }

    @Test
    void drugAndDrugClassFilters() {
        JsonPath ribociclib = trials(Map.of("drug", "ribociclib", "size", 200));
        assertTrue(ribociclib.getList("items.id", String.class).contains("monaleesa-2"));
        ribociclib.getList("items.drugs", List.class).forEach(drugs -> assertTrue(drugs.contains("ribociclib")));
        given().queryParam("drugClass", "CDK4/6 inhibitor").queryParam("size", 200).get("/api/v1/trials")
                .then().statusCode(200).body("items.drugClasses", everyItem(hasItem("CDK4/6i")));
    }

    @Test
    void settingBiomarkerEndpointPhaseStudyTypeAndStatusFilters() {
        given().queryParam("setting", "metastatic-first-line").queryParam("size", 200).get("/api/v1/trials")
                .then().statusCode(200).body("items.setting", everyItem(equalTo("metastatic-first-line")));
        assertTrue(trials(Map.of("biomarker", "PIK3CA", "size", 200)).getList("items.id", String.class).containsAll(List.of("solar-1", "inavo120")));
        given().queryParam("endpoint", "OS").queryParam("size", 200).get("/api/v1/trials")
                .then().statusCode(200).body("items.endpoints", everyItem(hasItem("OS")));
        given().queryParam("phase", "3").queryParam("size", 200).get("/api/v1/trials")
                .then().statusCode(200).body("items.phase", everyItem(equalTo("3")));
        given().queryParam("studyType", "randomized-controlled-trial").queryParam("size", 200).get("/api/v1/trials")
                .then().statusCode(200).body("items.studyType", everyItem(equalTo("randomized-controlled-trial")));
        given().queryParam("status", "ongoing").queryParam("size", 200).get("/api/v1/trials")
                .then().statusCode(200).body("items.status", everyItem(equalTo("ongoing")));
    }

    @Test
    void sortingByAcronymAndResultCount() {
        List<String> acronyms = trials(Map.of("size", 200)).getList("items.acronym", String.class);
        assertEquals(acronyms.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), acronyms);
        List<Integer> counts = trials(Map.of("size", 200, "sort", "-results")).getList("items.resultCount", Integer.class);
        assertEquals(counts.stream().sorted(java.util.Comparator.reverseOrder()).toList(), counts);
    }

    @Test
    void unknownTrialIs404WithSuggestions() {
        given().get("/api/v1/trials/PALOMA-33").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("nearestValues", hasItem("PALOMA-3"));
    }

    @Test
    void unknownPhaseListsThePhasesPresent() {
        given().queryParam("phase", "7").get("/api/v1/trials").then().statusCode(400)
                .body("parameter", equalTo("phase")).body("allowedValues", hasItem("3")).body("allowedValues", not(hasItem("7")));
    }
}
