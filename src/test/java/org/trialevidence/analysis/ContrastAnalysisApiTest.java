package org.trialevidence.analysis;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Analyses cover one randomized question: the contrasts of the CDK4/6 inhibitor trials of the reviews. */
@QuarkusTest
class ContrastAnalysisApiTest {
    private static final Map<String, String> CDK46I_METASTATIC_PFS = Map.of("drugClass", "CDK4/6i", "endpoint", "PFS", "setting", "metastatic");

    @Test
    void cdk46iTrialsAreSplitByWhatTheyCompareAndNeverPooledAcross() {
        JsonPath answer = given().queryParams(CDK46I_METASTATIC_PFS).when().get("/api/v1/meta-analysis").then().statusCode(200).extract().jsonPath();
        assertNull(answer.get("randomEffects"), "no estimate across contrasts");
        assertNull(answer.get("fixedEffect"));
        List<String> questions = answer.getList("subgroups.contrast.question");
        assertTrue(questions.contains("CDK4/6i + endocrine-therapy vs endocrine-therapy"), questions.toString());
        assertTrue(questions.contains("CDK4/6i + endocrine-therapy vs chemotherapy"), questions.toString());
        List<String> endocrine = trialsOf(answer, "CDK4/6i + endocrine-therapy vs endocrine-therapy");
        List<String> chemotherapy = trialsOf(answer, "CDK4/6i + endocrine-therapy vs chemotherapy");
        assertTrue(endocrine.containsAll(List.of("PALOMA-2", "MONALEESA-2", "MONARCH 3")), endocrine.toString());
        assertEquals(List.of("PEARL", "RIGHT Choice", "Young PEARL"), chemotherapy);
        for (String continued : List.of("MAINTAIN", "PACE", "SERENA-6")) {
            assertFalse(endocrine.contains(continued) || chemotherapy.contains(continued), continued + " answers another question");
        }
        assertTrue(answer.getList("excluded.result").contains("serena-6-pfs-itt"));
        assertTrue(answer.getString("excluded.find { it.result == 'serena-6-pfs-itt' }.reason").contains("only trial of its contrast"));
        assertEquals(answer.getList("subgroups").size() - 1, answer.getInt("subgroupDifferences.df"));
        assertTrue(answer.getDouble("subgroupDifferences.pValue") > 0 && answer.getDouble("subgroupDifferences.pValue") < 1);
    }

    private static List<String> trialsOf(JsonPath answer, String question) {
        List<String> questions = answer.getList("subgroups.contrast.question");
        return answer.getList("subgroups[" + questions.indexOf(question) + "].studies.trial");
    }

    @Test
    void addedAndComparatorChooseOneContrast() {
        JsonPath answer = given().queryParams(Map.of("added", "CDK4/6i", "comparator", "endocrine-therapy", "endpoint", "PFS", "setting", "metastatic"))
                .when().get("/api/v1/meta-analysis").then().statusCode(200).extract().jsonPath();
        assertNull(answer.get("subgroups"));
        assertEquals("add-on", answer.getString("contrast.design"));
        assertTrue(answer.getList("studies").size() >= 6);
        assertEquals("REML", answer.getString("method.tauEstimator"));
        assertTrue(answer.getBoolean("method.hartungKnapp"));
        assertEquals("t", answer.getString("randomEffects.test"));
        assertEquals(answer.getList("studies").size() - 1, answer.getInt("randomEffects.df"));
    }

    @Test
    void leaveOneOutOmitsEachPooledTrialInTurn() {
        JsonPath answer = given().queryParams(Map.of("added", "CDK4/6i", "comparator", "endocrine-therapy", "endpoint", "PFS", "setting", "metastatic",
                "sensitivity", "leave-one-out")).when().get("/api/v1/meta-analysis").then().statusCode(200).extract().jsonPath();
        assertEquals(answer.getList("studies.trial"), answer.getList("leaveOneOut.omitted"));
        for (int i = 0; i < answer.getList("leaveOneOut").size(); i++) {
            assertTrue(answer.getDouble("leaveOneOut[" + i + "].ciLower") < answer.getDouble("leaveOneOut[" + i + "].hazardRatio"));
            assertTrue(answer.getDouble("leaveOneOut[" + i + "].hazardRatio") < answer.getDouble("leaveOneOut[" + i + "].ciUpper"));
        }
    }

    @Test
    void addedMatchesWhatTheExperimentalArmAddsNotWhatBothArmsGet() {
        List<String> anyArm = given().queryParams(Map.of("drugClass", "CDK4/6i", "endpoint", "PFS", "size", "200")).when().get("/api/v1/results")
                .then().statusCode(200).extract().jsonPath().getList("items.trial.acronym");
        List<String> added = given().queryParams(Map.of("added", "CDK4/6i", "endpoint", "PFS", "size", "200")).when().get("/api/v1/results")
                .then().statusCode(200).extract().jsonPath().getList("items.trial.acronym");
        assertTrue(anyArm.contains("SERENA-6") && anyArm.contains("MAINTAIN"));
        assertFalse(added.contains("SERENA-6"), "both SERENA-6 arms take a CDK4/6 inhibitor");
        assertFalse(added.contains("MAINTAIN"), "MAINTAIN continues the CDK4/6 inhibitor after progression");
        assertTrue(added.containsAll(List.of("PALOMA-2", "PEARL")));
    }

    @Test
    void trialsAreFoundByTheirComparator() {
        List<String> trials = given().queryParams(Map.of("added", "CDK4/6i", "comparator", "chemotherapy", "size", "200")).when().get("/api/v1/trials")
                .then().statusCode(200).extract().jsonPath().getList("items.acronym");
        assertTrue(trials.containsAll(List.of("PEARL", "RIGHT Choice", "Young PEARL")), trials.toString());
        assertFalse(trials.contains("PALOMA-2"));
    }

    @Test
    void unknownAddedOrComparatorValuesAreProblemsWithTheNearestValues() {
        given().queryParam("added", "CDK4/6j").when().get("/api/v1/results").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("added")).body("nearestValues", hasItem("CDK4/6i"));
        given().queryParam("comparator", "chemotheraphy").when().get("/api/v1/meta-analysis").then().statusCode(400)
                .contentType("application/problem+json").body("nearestValues", hasItem("chemotherapy"));
        given().queryParam("tauEstimator", "ML").queryParams(CDK46I_METASTATIC_PFS).when().get("/api/v1/meta-analysis").then().statusCode(400)
                .contentType("application/problem+json").body("allowedValues", hasItem("REML"));
    }

    @Test
    void everyPairwiseComparisonOfEmber3HasItsOwnArms() {
        JsonPath answer = given().queryParams(Map.of("trial", "EMBER-3", "endpoint", "ORR")).when().get("/api/v1/results").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("ember-3-orr-itt", "ember-3-orr-itt-imlunestrant-abemaciclib-vs-imlunestrant"), answer.getList("items.id"));
        assertEquals(List.of(15.2f, 14.6f), answer.getList("items[0].arms.value"));
        assertEquals(List.of(34.8f, 15.2f), answer.getList("items[1].arms.value"));
        assertEquals("imlunestrant", answer.getString("items[1].comparison.controlArm"));
        assertEquals("control", answer.getString("items[1].arms.find { it.arm == 'imlunestrant' }.role"),
                "imlunestrant is the control of imlunestrant + abemaciclib");
        assertEquals("experimental", answer.getString("items[0].arms.find { it.arm == 'imlunestrant' }.role"));
        JsonPath pfs = given().queryParams(Map.of("trial", "EMBER-3", "endpoint", "PFS", "population", "itt")).when().get("/api/v1/results")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("CDK4/6i + oral-SERD vs oral-SERD", pfs.getString("items.find { it.id == 'ember-3-pfs-itt-imlunestrant-abemaciclib-vs-imlunestrant' }.comparison.contrast.label"));
    }

    @Test
    void auditedRecordsCarryTheirCorrectionsAndFlags() {
        JsonPath first = given().queryParam("trial", "FIRST").when().get("/api/v1/results").then().statusCode(200).extract().jsonPath();
        assertEquals("endpoint", first.getString("items.find { it.id == 'first-orr-itt' }.corrections[0].field"));
        assertEquals("ORR", first.getString("items.find { it.id == 'first-orr-itt' }.corrections[0].served"));
        assertEquals("CBR", first.getString("items.find { it.id == 'first-cbr-itt' }.corrections[0].served"));
        JsonPath tropion = given().queryParams(Map.of("trial", "TROPION-Breast01", "endpoint", "PFS")).when().get("/api/v1/results").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("comparison.estimate", tropion.getString("items[0].corrections[0].field"));
        assertTrue(tropion.getString("items[0].corrections[0].sourceShows").contains("o.63"));
        JsonPath capitello = given().queryParams(Map.of("trial", "CAPItello-291", "endpoint", "OS")).when().get("/api/v1/results").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("solar-1-os-pik3ca-mutant"), capitello.getList("items[0].suspect.resembles"));
        given().queryParams(Map.of("trial", "CAPItello-291", "endpoint", "OS", "format", "csv")).when().get("/api/v1/results").then().statusCode(200)
                .body(containsString("SOLAR-1"));
        given().queryParams(Map.of("trial", "SOLAR-1", "endpoint", "OS")).when().get("/api/v1/results").then().statusCode(200)
                .body("items.suspect", not(hasItem(org.hamcrest.Matchers.notNullValue())));
    }
}
