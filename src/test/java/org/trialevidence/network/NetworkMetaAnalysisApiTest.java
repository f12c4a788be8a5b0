package org.trialevidence.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialevidence.plot.SvgDocuments;
import org.w3c.dom.Document;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /api/v1/network-meta-analysis answers metafor's numbers for the two published networks of
 * {@code stats/network-meta-analysis-reference.json} (made by {@code src/test/r/network-meta-analysis-reference.R}) and
 * refuses bad input with a problem naming the field; GET builds a connected network from the curated trials.
 */
@QuarkusTest
class NetworkMetaAnalysisApiTest {
    private static final String PATH = "/api/v1/network-meta-analysis";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonNode reference;

    @BeforeAll
    static void readReference() throws IOException {
        try (InputStream in = NetworkMetaAnalysisApiTest.class.getResourceAsStream("/stats/network-meta-analysis-reference.json")) {
            assertNotNull(in);
            reference = MAPPER.readTree(in);
        }
    }

    private static JsonNode network(String name) {
        for (JsonNode network : reference.get("networks")) {
            if (network.get("name").asText().equals(name)) {
                return network;
            }
        }
        throw new AssertionError(name);
    }

    private static ObjectNode body(JsonNode network) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("effectMeasure", network.get("effectMeasure").asText());
        body.put("reference", network.get("reference").asText());
        body.put("smallValues", network.get("smallValues").asText());
        body.set("contrasts", network.get("contrasts").deepCopy());
        return body;
    }

    private static JsonPath post(Object body, int status) {
        return given().contentType(ContentType.JSON).body(body.toString()).when().post(PATH).then().statusCode(status).extract().jsonPath();
    }

    @Test
    void theOddsRatioNetworkAnswersMetaforsNumbersAsRatios() {
        JsonNode expected = network("hasselblad1998");
        JsonPath answer = post(body(expected), 200);
        assertEquals("OR", answer.getString("effectMeasure"));
        assertEquals("log", answer.getString("scale"));
        assertEstimates(expected.get("fixed").get("estimates"), answer.getList("fixedEffect.estimates"), true, 1e-4);
        assertEstimates(expected.get("random").get("estimates"), answer.getList("randomEffects.estimates"), true, 2e-3);
        near(expected.get("random").get("tauSquared").asDouble(), answer.getDouble("randomEffects.tauSquared"), 2e-3, "tau^2");
        assertLeague(expected, answer, true);
        assertEquals("undesirable", answer.getString("ranking.smallValues"));
        List<Map<String, Object>> ranked = answer.getList("ranking.treatments");
        assertEquals("grp_counseling", ranked.get(0).get("treatment"), "best by random-effects P-score, as in R");
        for (Map<String, Object> treatment : ranked) {
            String name = (String) treatment.get("treatment");
            near(expected.get("pScores").get("random").get(name).asDouble(), ((Number) treatment.get("pScoreRandom")).doubleValue(), 2e-3, name);
            near(expected.get("pScores").get("fixed").get(name).asDouble(), ((Number) treatment.get("pScoreFixed")).doubleValue(), 1e-4, name);
        }
        JsonNode q = expected.get("designByTreatment");
        near(q.get("total").get("q").asDouble(), answer.getDouble("inconsistency.designByTreatment.total.q"), 1e-4, "Q total");
        near(q.get("betweenDesigns").get("q").asDouble(), answer.getDouble("inconsistency.designByTreatment.betweenDesigns.q"), 1e-4, "Q between");
        assertEquals(q.get("withinDesigns").get("df").asInt(), answer.getInt("inconsistency.designByTreatment.withinDesigns.df"));
        JsonNode split = expected.get("nodeSplit").get("fixed").get(0);
        assertEquals(split.get("treatment").asText(), answer.getString("inconsistency.nodeSplitting.fixedEffect[0].treatment"));
        near(Math.exp(split.get("indirect").get("estimate").asDouble()), answer.getDouble("inconsistency.nodeSplitting.fixedEffect[0].indirect.estimate"),
                1e-4, "indirect");
        near(split.get("difference").get("pValue").asDouble(), answer.getDouble("inconsistency.nodeSplitting.fixedEffect[0].pValue"), 1e-4, "split p");
        assertEquals(24, answer.getList("studies").size());
        assertEquals(6, answer.getList("comparisons").size());
    }

    @Test
    void theMeanDifferenceNetworkStaysOnTheIdentityScale() {
        JsonNode expected = network("senn2013");
        JsonPath answer = post(body(expected), 200);
        assertEquals("identity", answer.getString("scale"));
        assertEstimates(expected.get("fixed").get("estimates"), answer.getList("fixedEffect.estimates"), false, 1e-4);
        assertEstimates(expected.get("random").get("estimates"), answer.getList("randomEffects.estimates"), false, 2e-3);
        near(expected.get("random").get("tauSquared").asDouble(), answer.getDouble("randomEffects.tauSquared"), 2e-3, "tau^2");
        assertLeague(expected, answer, false);
        assertEquals("desirable", answer.getString("ranking.smallValues"));
        assertEquals(10 * 9, answer.getList("leagueTable").size());
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        JsonNode hasselblad = network("hasselblad1998");
        problem(body(hasselblad).put("reference", "acupuncture"), 422, "reference");
        problem(body(hasselblad).put("effectMeasure", "SMD"), 422, "effectMeasure");
        problem(change(body(hasselblad), contrasts -> ((ObjectNode) contrasts.get(3)).put("standardError", 0)), 422, "contrasts[3].standardError");
        problem(change(body(hasselblad), contrasts -> ((ObjectNode) contrasts.get(5)).put("standardError", -0.2)), 422, "contrasts[5].standardError");
        ObjectNode repeated = change(body(hasselblad), contrasts -> contrasts.add(contrasts.get(0).deepCopy()));
        JsonPath repeat = problem(repeated, 422, "contrasts[" + hasselblad.get("contrasts").size() + "]");
        assertTrue(repeat.getString("detail").contains("twice"), repeat.getString("detail"));
        ObjectNode one = MAPPER.createObjectNode().put("effectMeasure", "MD").put("reference", "A");
        one.putArray("contrasts").addObject().put("study", "s").put("treatment1", "A").put("treatment2", "A").put("estimate", 0.1).put("standardError", 0.1);
        problem(one, 422, "contrasts[0]");
        ObjectNode split = MAPPER.createObjectNode().put("effectMeasure", "MD").put("reference", "A");
        ArrayNode rows = split.putArray("contrasts");
        rows.addObject().put("study", "s1").put("treatment1", "A").put("treatment2", "B").put("estimate", 0.1).put("standardError", 0.1);
        rows.addObject().put("study", "s2").put("treatment1", "C").put("treatment2", "D").put("estimate", 0.1).put("standardError", 0.1);
        JsonPath disconnected = problem(split, 422, "contrasts");
        assertTrue(disconnected.getString("detail").contains("part 1: A, B; part 2: C, D"), disconnected.getString("detail"));
        problem(body(hasselblad).put("extra", 1), 400, "extra");
    }

    private static JsonPath problem(ObjectNode body, int status, String field) {
        return given().contentType(ContentType.JSON).body(body.toString()).when().post(PATH).then().statusCode(status)
                .contentType("application/problem+json").body("parameter", equalTo(field)).extract().jsonPath();
    }

    private static ObjectNode change(ObjectNode body, Consumer<ArrayNode> change) {
        change.accept((ArrayNode) body.get("contrasts"));
        return body;
    }

    private static final String[] EXAMPLE = {"endpoint", "PFS", "setting", "metastatic", "comparator", "endocrine-therapy", "biomarker", "HR-positive"};

    private static io.restassured.specification.RequestSpecification example() {
        var request = given();
        for (int i = 0; i < EXAMPLE.length; i += 2) {
            request = request.queryParam(EXAMPLE[i], EXAMPLE[i + 1]);
        }
        return request;
    }

    @Test
    void theCuratedExampleIsAConnectedNetworkOfAtLeastFourTreatmentsFromCuratedTrials() {
        JsonPath answer = example().when().get(PATH).then().statusCode(200).extract().jsonPath();
        List<String> treatments = answer.getList("ranking.treatments.treatment");
        assertTrue(treatments.size() >= 4, treatments.toString());
        assertEquals("HR", answer.getString("effectMeasure"));
        List<String> trials = answer.getList("studies.trial");
        assertFalse(trials.isEmpty());
        for (String trial : trials) {
            given().when().get("/api/v1/trials/" + trial).then().statusCode(200).body("id", equalTo(trial));
        }
        Set<String> inStudies = new HashSet<>();
        List<List<String>> studyTreatments = answer.getList("studies.treatments");
        studyTreatments.forEach(inStudies::addAll);
        assertEquals(new HashSet<>(treatments), inStudies, "every treatment comes from a study of the answer");
        for (String result : answer.<String>getList("studies.resultIds.flatten()")) {
            given().when().get("/api/v1/results/" + result).then().statusCode(200).body("endpoint", equalTo("PFS"))
                    .body("trial.id", org.hamcrest.Matchers.in(trials));
        }
    }

    @Test
    void theCuratedNetworkListsThePartsItLeavesOutAndNamesDrugsOnRequest() {
        JsonPath byClass = example().when().get(PATH).then().statusCode(200).extract().jsonPath();
        List<String> answered = byClass.getList("ranking.treatments.treatment");
        List<List<String>> leftOut = byClass.getList("leftOut.treatments");
        assertFalse(leftOut.isEmpty(), "the example's AI-based trials are not linked to the fulvestrant-based ones");
        for (List<String> part : leftOut) {
            assertTrue(part.stream().noneMatch(answered::contains), part + " is not part of the answer");
        }
        List<List<String>> leftOutTrials = byClass.getList("leftOut.trials");
        assertTrue(leftOutTrials.stream().anyMatch(trials -> trials.contains("PALOMA-2")), leftOutTrials.toString());
        List<String> drugs = example().queryParam("nodes", "drug").when().get(PATH).then().statusCode(200).extract().jsonPath()
                .getList("ranking.treatments.treatment");
        assertTrue(drugs.contains("fulvestrant + palbociclib"), drugs.toString());
        assertTrue(drugs.contains("fulvestrant + ribociclib"), drugs.toString());
    }

    @Test
    void theCuratedGraphIsWellFormedSvgWithANodePerTreatment() {
        int treatments = example().when().get(PATH).then().statusCode(200).extract().jsonPath().getList("ranking.treatments").size();
        String svg = example().when().get(PATH + "/graph.svg").then().statusCode(200).contentType(containsString("image/svg+xml")).extract().asString();
        Document document = SvgDocuments.parse(svg);
        assertEquals(treatments, SvgDocuments.select(document, "//circle").size());
    }

    @Test
    void theLeagueTableCsvHasEveryOrderedPair() {
        int treatments = example().when().get(PATH).then().statusCode(200).extract().jsonPath().getList("ranking.treatments").size();
        String csv = example().when().get(PATH + "/league.csv").then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("row,column,fixedEstimate,fixedCiLower,fixedCiUpper,randomEstimate,randomCiLower,randomCiUpper", lines[0]);
        assertEquals(treatments * (treatments - 1), lines.length - 1);
    }

    @Test
    void theCuratedNetworkNeedsOneEndpointAndAKnownReference() {
        given().queryParam("setting", "metastatic").when().get(PATH).then().statusCode(400).body("parameter", equalTo("endpoint"));
        example().queryParam("reference", "homeopathy").when().get(PATH).then().statusCode(400).body("parameter", equalTo("reference"));
        example().queryParam("nodes", "molecule").when().get(PATH).then().statusCode(400).body("parameter", equalTo("nodes"));
    }

    private static void assertEstimates(JsonNode expected, List<Map<String, Object>> actual, boolean ratio, double tolerance) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = expected.get(i);
            Map<String, Object> a = actual.get(i);
            String what = e.get("treatment").asText();
            assertEquals(what, a.get("treatment"));
            assertEquals(e.get("versus").asText(), a.get("versus"));
            near(shown(e.get("estimate").asDouble(), ratio), number(a, "estimate"), tolerance, what + " estimate");
            near(shown(e.get("ciLower").asDouble(), ratio), number(a, "ciLower"), tolerance, what + " ciLower");
            near(shown(e.get("ciUpper").asDouble(), ratio), number(a, "ciUpper"), tolerance, what + " ciUpper");
            near(e.get("standardError").asDouble(), number(a, "standardError"), tolerance, what + " standardError (analysis scale)");
        }
    }

    private static void assertLeague(JsonNode expected, JsonPath answer, boolean ratio) {
        List<Map<String, Object>> league = answer.getList("leagueTable");
        assertEquals(expected.get("league").size(), league.size());
        for (int i = 0; i < league.size(); i++) {
            JsonNode e = expected.get("league").get(i);
            Map<String, Object> a = league.get(i);
            assertEquals(e.get("row").asText(), a.get("row"));
            assertEquals(e.get("column").asText(), a.get("column"));
            @SuppressWarnings("unchecked") Map<String, Object> fixed = (Map<String, Object>) a.get("fixedEffect");
            @SuppressWarnings("unchecked") Map<String, Object> random = (Map<String, Object>) a.get("randomEffects");
            near(shown(e.get("fixed").get("estimate").asDouble(), ratio), number(fixed, "estimate"), 1e-4, a.get("row") + " vs " + a.get("column"));
            near(shown(e.get("random").get("estimate").asDouble(), ratio), number(random, "estimate"), 2e-3, a.get("row") + " vs " + a.get("column"));
        }
    }

    private static double shown(double value, boolean ratio) {
        return ratio ? Math.exp(value) : value;
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    private static void near(double expected, double actual, double relative, String what) {
        assertEquals(expected, actual, Math.max(1e-8, relative * Math.abs(expected)), what);
    }
}
