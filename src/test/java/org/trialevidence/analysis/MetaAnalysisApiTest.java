package org.trialevidence.analysis;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which results the meta-analysis pools and why it leaves the others out, over the real seed-data; and the
 * validation of the POST body. Expected selections follow from the documented rule applied by hand to what the
 * reviews report (which results have a CI, which are subgroups, conflicts, multi-arm trials).
 */
@QuarkusTest
class MetaAnalysisApiTest {

    private static JsonPath metaAnalysis(String... query) {
        return request(query).when().get("/api/v1/meta-analysis").then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    private static RequestSpecification request(String... query) {
        RequestSpecification request = given();
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request;
    }

    private static String reason(JsonPath answer, String result) {
        List<Map<String, String>> excluded = answer.getList("excluded");
        return excluded.stream().filter(item -> item.get("result").equals(result)).map(item -> item.get("reason")).findFirst()
                .orElseThrow(() -> new AssertionError(result + " is not in excluded: " + excluded));
    }

    /** The pooled results: of the one contrast, or of every subgroup in order. */
    private static List<String> pooled(JsonPath answer, String field) {
        if (answer.get("subgroups") == null) {
            return answer.getList("studies." + field);
        }
        List<String> pooled = new ArrayList<>();
        for (int i = 0; i < answer.getList("subgroups").size(); i++) {
            pooled.addAll(answer.getList("subgroups[" + i + "].studies." + field));
        }
        return pooled;
    }

    private static List<String> chosen(String... query) {
        return request(query).queryParam("size", 200).get("/api/v1/contrasts").then().statusCode(200).extract().jsonPath().getList("items.resultId");
    }

    @Test
    void everyMatchingResultIsPooledOrExcludedAndEachTrialCountsOnceInAContrast() {
        List<String[]> queries = List.of(new String[] {"endpoint", "PFS"}, new String[] {"endpoint", "OS"},
                new String[] {"endpoint", "PFS", "setting", "metastatic-later-line"}, new String[] {"endpoint", "PFS", "drugClass", "CDK4/6i", "setting", "metastatic"});
        for (String[] query : queries) {
            JsonPath matches = request(query).queryParam("size", 200).get("/api/v1/results").then().statusCode(200).extract().jsonPath();
            assertTrue(matches.getInt("totalItems") <= 200, "one page holds every match");
            JsonPath answer = metaAnalysis(query);
            List<String> pooled = pooled(answer, "result");
            List<String> excluded = answer.getList("excluded.result");
            Set<String> accounted = new HashSet<>(pooled);
            accounted.addAll(excluded);
            assertEquals(pooled.size() + excluded.size(), accounted.size(), "pooled and excluded are disjoint: " + String.join("&", query));
            assertEquals(new HashSet<>(matches.getList("items.id")), accounted, "every match accounted for: " + String.join("&", query));
            List<Map<String, Object>> subgroups = answer.get("subgroups") == null ? List.of(Map.of("studies", answer.getList("studies")))
                    : answer.getList("subgroups");
            for (Map<String, Object> subgroup : subgroups) {
                @SuppressWarnings("unchecked")
                List<String> trials = ((List<Map<String, String>>) subgroup.get("studies")).stream().map(study -> study.get("trial")).toList();
                assertEquals(trials.size(), new HashSet<>(trials).size(), "one result per trial in a contrast: " + trials);
                assertTrue(trials.size() >= 2, "a contrast is pooled only with 2 trials or more");
            }
            answer.getList("excluded.reason", String.class).forEach(reason -> assertFalse(reason.isBlank()));
        }
    }

    @Test
    void conflictingReportsAndHazardRatiosWithoutCi() {
        // MONARCH 3 and PALOMA-2: three reports each, only review 001's Table 1 prints a CI. Young PEARL: two reports
        // with CIs (95% in the unnamed phase II text, 90% where the text names it); the record lists the 95% one first.
        JsonPath answer = metaAnalysis("endpoint", "PFS", "trial", "MONARCH 3", "trial", "PALOMA-2", "trial", "Young PEARL", "trial", "PEARL");
        assertEquals(List.of("monarch-3-pfs-itt-review-001-table", "paloma-2-pfs-itt-review-001-table", "pearl-pfs-itt", "young-pearl-pfs-itt"),
                pooled(answer, "result"));
        assertTrue(reason(answer, "monarch-3-pfs-itt").startsWith("Hazard ratio without a confidence interval"));
        assertTrue(reason(answer, "monarch-3-pfs-itt").contains("monarch-3-pfs-itt-review-001-table is pooled"));
        assertTrue(reason(answer, "paloma-2-pfs-itt-review-001-text").startsWith("Hazard ratio without a confidence interval"));
        assertTrue(reason(answer, "young-pearl-pfs-itt-review-002-text-named").startsWith("A conflicting report of the same result"));
    }

    @Test
    void oneComparisonOfAMultiArmTrialWithinAContrastAndTheItTBeforeSubgroups() {
        // SERENA-2 compares two camizestrant doses with one fulvestrant arm: one contrast. PACE compares two regimens with
        // fulvestrant alone: two contrasts (the second adds avelumab), each pooled with its own kind.
        JsonPath answer = metaAnalysis("endpoint", "PFS", "trial", "SERENA-2", "trial", "PACE", "trial", "MAINTAIN");
        assertEquals(List.of("maintain-pfs-itt", "pace-pfs-itt-palbociclib-fulvestrant-vs-fulvestrant"), pooled(answer, "result"));
        assertTrue(reason(answer, "serena-2-pfs-itt-150mg").startsWith("Another comparison in the same trial"));
        assertTrue(reason(answer, "serena-2-pfs-itt-75mg").contains("only trial of its contrast"));
        assertTrue(reason(answer, "pace-pfs-itt-palbociclib-fulvestrant-avelumab-vs-fulvestrant").contains("only trial of its contrast"));
        assertTrue(reason(answer, "serena-2-pfs-esr1-mutant-75mg").startsWith("Subgroup result; the trial's ITT result takes precedence"));
        // SERENA-2's CIs are 90% CIs (review 002: "90% CI"); the study keeps its level.
        assertEquals(List.of(0.9f, 0.9f), request("endpoint", "PFS", "trial", "SERENA-2", "population", "itt").get("/api/v1/results").then()
                .extract().jsonPath().getList("items.comparison.ciLevel"));
    }

    @Test
    void thePrimaryAnalysisBeforeAnUpdate() {
        // ASTRRA: 5-year PFS HR 0.69 (0.48-0.97) in the text, HR 0.71 without CI in Table 1b, 8-year update HR 0.67.
        assertEquals(List.of("astrra-pfs-itt-5-year-text"), chosen("endpoint", "PFS", "trial", "ASTRRA"));
        JsonPath answer = metaAnalysis("endpoint", "PFS");
        assertTrue(reason(answer, "astrra-pfs-itt-8-year").startsWith("Another analysis of the same trial (updated analysis, 8-year)"));
    }

    @Test
    void subgroupsOnlyWhenTheQueryAsksForThem() {
        JsonPath overall = metaAnalysis("endpoint", "OS");
        assertTrue(reason(overall, "gun-1-os-her2-negative").contains("never as a stand-in for the whole trial"));
        assertTrue(reason(overall, "emerald-os-esr1-mutant").startsWith("Subgroup result; the trial's ITT result takes precedence"));

        assertEquals(Set.of("belle-2-pfs-pik3ca-mutant", "destiny-breast04-pfs-hr-positive", "emerald-pfs-esr1-mutant",
                "vepdegestrant-vs-fulvestrant-phase-3-pfs-esr1-mutant"), new HashSet<>(chosen("endpoint", "PFS", "population", "subgroup")));

        // ESR1-mutant: SERENA-6 selected its whole population by ESR1 mutation; EMERALD and the vepdegestrant trial
        // report ESR1-mutant subgroups.
        assertEquals(Set.of("emerald-pfs-esr1-mutant", "serena-6-pfs-itt", "vepdegestrant-vs-fulvestrant-phase-3-pfs-esr1-mutant"),
                new HashSet<>(chosen("endpoint", "PFS", "biomarker", "ESR1")));
    }

    @Test
    void onlyTreatmentEffectsOnTheHazardRatioScale() {
        // CLEOPATRA's OS HR 0.89 (0.83-0.96) is per 10% more TILs, an association, not pertuzumab's effect.
        assertTrue(reason(metaAnalysis("endpoint", "OS"), "cleopatra-os-til-per-10-percent").startsWith("Not a treatment comparison"));
        // TROPiCS-02 reports ORR as an odds ratio (1.63); TROPiCS-02 and TROPION-Breast01 both test an ADC against chemotherapy.
        JsonPath answer = metaAnalysis("trial", "TROPiCS-02", "trial", "TROPION-Breast01", "endpoint", "PFS", "endpoint", "ORR");
        assertEquals(Set.of("tropion-breast01-pfs-itt", "tropics-02-pfs-itt"), new HashSet<>(pooled(answer, "result")));
        assertEquals("ADC vs chemotherapy", answer.getString("contrast.question"));
        assertTrue(reason(answer, "tropics-02-orr-itt").startsWith("The effect measure is OR, not a hazard ratio."));
    }

    @Test
    void aSuspectCopyIsNeverPooled() {
        // CAPItello-291's OS row nearly repeats SOLAR-1's (review 002 Table 1b); the flag is checked before anything else.
        assertTrue(reason(metaAnalysis("endpoint", "OS"), "capitello-291-os-itt").startsWith("Flagged as a possible copy of solar-1-os-pik3ca-mutant"));
    }

    @Test
    void problemsNameWhatToChange() {
        request("drugClass", "CDK4/6i").get("/api/v1/meta-analysis").then().statusCode(422).contentType("application/problem+json")
                .body("parameter", equalTo("endpoint")).body("allowedValues", hasItems("OS", "PFS"));
        request("trial", "SERENA-2", "endpoint", "PFS").get("/api/v1/meta-analysis").then().statusCode(422)
                .contentType("application/problem+json").body("parameter", equalTo("trial, endpoint"))
                .body("detail", containsString("at least 2 trials of one contrast"));
        request("endpoint", "PFS", "significant", "true").get("/api/v1/meta-analysis").then().statusCode(400).body("parameter", equalTo("significant"));
        request("endpoint", "PFS", "maxHazardRatio", "0.6").get("/api/v1/meta-analysis").then().statusCode(400).body("parameter", equalTo("maxHazardRatio"));
        request("endpoint", "PFS", "model", "bayesian").get("/api/v1/meta-analysis").then().statusCode(400).body("parameter", equalTo("model"))
                .body("allowedValues", equalTo(List.of("fixed", "random")));
        request("endpoint", "PFS", "modle", "fixed").get("/api/v1/meta-analysis").then().statusCode(400).body("parameter", equalTo("modle"));
        request("endpoint", "PFS", "model", "fixed").get("/api/v1/meta-analysis/forest.svg").then().statusCode(200);
        request("drugClass", "CDK4/6i").get("/api/v1/meta-analysis/forest.svg").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void bothModelsAreAlwaysReported() {
        JsonPath random = metaAnalysis("endpoint", "PFS", "added", "CDK4/6i", "comparator", "endocrine-therapy");
        JsonPath fixed = metaAnalysis("endpoint", "PFS", "added", "CDK4/6i", "comparator", "endocrine-therapy", "model", "FIXED");
        assertNotNull(random.get("randomEffects"));
        assertEquals("random", random.getString("model"));
        assertEquals("fixed", fixed.getString("model"));
        assertEquals(random.getMap("fixedEffect"), fixed.getMap("fixedEffect"));
        assertEquals(random.getMap("randomEffects"), fixed.getMap("randomEffects"));
    }

    /** Two identical studies, by hand: the pooled SE is the study's SE / sqrt(2); Q = 0, so I^2 = tau^2 = 0. */
    @Test
    void twoIdenticalStudiesByHand() {
        // 95% CI 0.25-1.0: SE = ln 4 / (2 x 1.959964) = 0.353653; pooled SE 0.250070; CI 0.5 x exp(-/+ 1.959964 x 0.250070)
        // = 0.306274-0.816263. With 90% CIs: SE = ln 4 / (2 x 1.644854) = 0.421404; pooled 0.297977; CI 0.278825-0.896621.
        for (String[] level : new String[][] {{"0.95", "0.306274", "0.816263"}, {"0.90", "0.278825", "0.896621"}}) {
            String study = "{\"hazardRatio\": 0.5, \"ciLower\": 0.25, \"ciUpper\": 1.0, \"ciLevel\": " + level[0] + "}";
            JsonPath answer = given().contentType(ContentType.JSON).body("{\"studies\": [" + study + ", " + study + "], \"model\": \"fixed\"}")
                    .post("/api/v1/meta-analysis").then().statusCode(200).extract().jsonPath();
            assertEquals(0.5, answer.getDouble("fixedEffect.hazardRatio"), 1e-6);
            assertEquals(Double.parseDouble(level[1]), answer.getDouble("fixedEffect.ciLower"), 1e-5);
            assertEquals(Double.parseDouble(level[2]), answer.getDouble("fixedEffect.ciUpper"), 1e-5);
            assertEquals(0, answer.getDouble("heterogeneity.q"), 1e-9);
            assertEquals(0, answer.getDouble("heterogeneity.iSquared"), 1e-9);
            assertEquals(0, answer.getDouble("heterogeneity.tauSquared"), 1e-9);
            assertEquals(List.of("Study 1", "Study 2"), answer.getList("studies.label"));
            assertEquals(50, answer.getDouble("studies[0].weightFixed"), 1e-9);
            assertEquals(50, answer.getDouble("studies[1].weightRandom"), 1e-9);
            assertNull(answer.get("predictionInterval"), "no prediction interval below 3 studies");
        }
    }

    @Test
    void ciLevelDefaultsTo95AndTheEstimateMayEqualABound() {
        String explicit = "{\"studies\": [{\"hazardRatio\": 0.6, \"ciLower\": 0.45, \"ciUpper\": 0.8, \"ciLevel\": 0.95},"
                + " {\"hazardRatio\": 0.7, \"ciLower\": 0.7, \"ciUpper\": 0.9, \"ciLevel\": 0.95}]}";
        Response withLevel = given().contentType(ContentType.JSON).body(explicit).post("/api/v1/meta-analysis");
        Response withoutLevel = given().contentType(ContentType.JSON).body(explicit.replace(", \"ciLevel\": 0.95", "")).post("/api/v1/meta-analysis");
        withLevel.then().statusCode(200).body("model", equalTo("random")).body("excluded", equalTo(List.of())).body("studies[0].result", nullValue());
        assertEquals(withLevel.jsonPath().getMap("randomEffects"), withoutLevel.then().statusCode(200).extract().jsonPath().getMap("randomEffects"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no body                 | ''                                                                                                              | 400 | ",
            "not JSON                | {\"studies\": [                                                                                                  | 400 | ",
            "unknown field           | {\"studies\": [{\"hazardRatoi\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}, {\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}]} | 400 | studies[0].hazardRatoi",
            "number as text          | {\"studies\": [{\"hazardRatio\": \"0.5\", \"ciLower\": 0.3, \"ciUpper\": 0.8}, {\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}]} | 400 | studies[0].hazardRatio",
            "no studies              | {\"model\": \"random\"}                                                                                          | 422 | studies",
            "one study               | {\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}]}                                       | 422 | studies",
            "missing hazard ratio    | {\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}, {\"ciLower\": 0.3, \"ciUpper\": 0.8}]}   | 422 | studies[1].hazardRatio",
            "negative lower bound    | {\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}, {\"hazardRatio\": 0.5, \"ciLower\": -0.3, \"ciUpper\": 0.8}]} | 422 | studies[1].ciLower",
            "zero hazard ratio       | {\"studies\": [{\"hazardRatio\": 0, \"ciLower\": 0.3, \"ciUpper\": 0.8}, {\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}]} | 422 | studies[0].hazardRatio",
            "unknown tau estimator   | {\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}, {\"hazardRatio\": 0.6, \"ciLower\": 0.4, \"ciUpper\": 0.9}], \"tauEstimator\": \"ML\"} | 422 | tauEstimator",
            "hartungKnapp as text    | {\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}, {\"hazardRatio\": 0.6, \"ciLower\": 0.4, \"ciUpper\": 0.9}], \"hartungKnapp\": \"yes\"} | 400 | hartungKnapp",
            "unknown sensitivity     | {\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}, {\"hazardRatio\": 0.6, \"ciLower\": 0.4, \"ciUpper\": 0.9}], \"sensitivity\": \"jackknife\"} | 422 | sensitivity",
            "lower above estimate    | {\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.6, \"ciUpper\": 0.8}, {\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}]} | 422 | studies[0].ciLower",
            "upper below estimate    | {\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}, {\"hazardRatio\": 0.9, \"ciLower\": 0.3, \"ciUpper\": 0.8}]} | 422 | studies[1].ciUpper",
            "zero-width CI           | {\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.5, \"ciUpper\": 0.5}, {\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}]} | 422 | studies[0].ciUpper",
            "level 95 not 0.95       | {\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8, \"ciLevel\": 95}, {\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}]} | 422 | studies[0].ciLevel",
            "level 0                 | {\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}, {\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8, \"ciLevel\": 0}]} | 422 | studies[1].ciLevel",
            "unknown model           | {\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}, {\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}], \"model\": \"bayes\"} | 422 | model",
    })
    void invalidBodiesAreProblemsNamingTheField(String name, String body, int status, String field) {
        var then = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/meta-analysis")
                .then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (field != null) {
            then.body("parameter", equalTo(field));
        }
    }

    @Test
    void postTakesJsonOnly() {
        given().contentType(ContentType.TEXT).body("0.5 0.3 0.8").post("/api/v1/meta-analysis").then().statusCode(415)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).queryParam("model", "fixed").body("{}").post("/api/v1/meta-analysis").then().statusCode(400)
                .body("parameter", equalTo("model"));
    }

    /** README's POST examples (ReadmeTourTest requests the GET ones): the status its comment names, 200 when none. */
    @Test
    void readmePostExamplesAnswerAsDocumented() throws IOException {
        Pattern post = Pattern.compile("curl -s -X POST 'http://localhost:8080([^']+)' -H 'Content-Type: application/json' -d '([^']*)'\\s*(?:#\\s*(\\d{3})?)?");
        Matcher matcher = post.matcher(Files.readString(Path.of("README.md")));
        List<String> checked = new ArrayList<>();
        while (matcher.find()) {
            int expected = matcher.group(3) == null ? 200 : Integer.parseInt(matcher.group(3));
            given().contentType(ContentType.JSON).body(matcher.group(2)).post(matcher.group(1)).then().statusCode(expected);
            checked.add(matcher.group());
        }
        assertTrue(checked.size() >= 2, "expected README's POST examples, found " + checked);
    }
}
