package org.trialevidence.result;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evidence query over the real seed-data. Expected numbers are read from the reviews, not from the data files. */
@QuarkusTest
class ResultsApiTest {

    static JsonPath results(Map<String, ?> query) {
        return given().queryParams(query).when().get("/api/v1/results")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    static Set<String> ids(JsonPath page) {
        return new HashSet<>(page.getList("items.id", String.class));
    }

    /** Every result id the query matches, through all pages. */
    static Set<String> allIds(Map<String, ?> query) {
        Set<String> all = new HashSet<>();
        for (int page = 0; ; page++) {
            Map<String, Object> paged = new java.util.HashMap<>(query);
            paged.put("size", 200);
            paged.put("page", page);
            Set<String> ids = ids(results(paged));
            if (ids.isEmpty()) {
                return all;
            }
            all.addAll(ids);
        }
    }

    static int total(Map<String, ?> query) {
        return results(query).getInt("totalItems");
    }

    @Test
    void serena6ProgressionFreeSurvivalAsTheReviewPrintsIt() {
        // 002, text: "The median PFS was 16.0 months with camizestrant versus 9.2 months with continued AI
        // (HR 0.44; 95% CI, 0.31–0.60; p<0.00001)."
        given().queryParam("trial", "SERENA-6").queryParam("endpoint", "PFS")
                .when().get("/api/v1/results")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].trial.acronym", equalTo("SERENA-6"))
                .body("items[0].arms.find { it.role == 'experimental' }.value", equalTo(16.0f))
                .body("items[0].arms.find { it.role == 'control' }.value", equalTo(9.2f))
                .body("items[0].arms[0].unit", equalTo("months"))
                .body("items[0].comparison.effectMeasure", equalTo("HR"))
                .body("items[0].comparison.hazardRatio", equalTo(0.44f))
                .body("items[0].comparison.ciLower", equalTo(0.31f))
                .body("items[0].comparison.ciUpper", equalTo(0.6f))
                .body("items[0].comparison.ciLevel", equalTo(0.95f))
                .body("items[0].comparison.pValueText", equalTo("<0.00001"))
                .body("items[0].comparison.pValue", equalTo(0.00001f))
                .body("items[0].comparison.pValueComparator", equalTo("<"))
                .body("items[0].comparison.significant", equalTo(true))
                .body("items[0].source.document", equalTo("002_68e141cf09b578c4.txt"))
                .body("items[0].source.excerpt", containsString("16.0 months with camizestrant versus 9.2 months"))
                .body("items[0].source.excerpt", containsString("0.31–0.60"));
    }

    @Test
    void numbersAreJsonNumbersInPlainNotation() {
        String body = given().queryParam("trial", "SERENA-6").queryParam("endpoint", "PFS").get("/api/v1/results").asString();
        assertTrue(body.contains("\"pValue\":0.00001"), body);
        assertTrue(body.contains("\"hazardRatio\":0.44,"), body);
    }

    @Test
    void inavo120FoundThroughItsAliasWithTheReviewsMedians() {
        // 002, text: "extended PFS to 17.2 months compared to 7.3 months with placebo"
        JsonPath page = results(Map.of("trial", "INAVO 120", "endpoint", "PFS", "population", "itt"));
        List<Float> values = page.getList("items.arms.flatten().value", Float.class);
        assertTrue(values.contains(17.2f) && values.contains(7.3f), values.toString());
    }

    @Test
    void destinyBreast04HormoneReceptorPositiveCohort() {
        // 002, text: "Among patients with HR+ tumors, T-DXd significantly improved median PFS to 10.1 months compared to
        // 5.4 months with CHT (HR 0.51; p<0.001)"
        JsonPath page = results(Map.of("trial", "destiny-breast04", "endpoint", "PFS"));
        List<Map<String, Object>> items = page.getList("items");
        assertTrue(items.stream().anyMatch(item -> {
            Map<?, ?> comparison = (Map<?, ?>) item.get("comparison");
            return comparison != null && ((Number) comparison.get("hazardRatio")).floatValue() == 0.51f && "<0.001".equals(comparison.get("pValueText"));
        }), items.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ESR1", "ESR1m", "esr1-mutant", "ESR1 mutation", "ESR1-MUTANT"})
    void biomarkerAliasesAreOneTerm(String spelling) {
        assertEquals(allIds(Map.of("biomarker", "ESR1-mutant")), allIds(Map.of("biomarker", spelling)));
    }

    @Test
    void biomarkerMatchesTrialSelectionAndSubgroups() {
        Set<String> esr1 = ids(results(Map.of("biomarker", "ESR1", "size", 200)));
        assertTrue(esr1.contains("serena-6-pfs-itt"), "SERENA-6 selects ESR1-mutant patients");
        JsonPath page = results(Map.of("biomarker", "ESR1", "size", 200));
        page.getList("items.biomarkers", List.class).forEach(biomarkers -> assertTrue(biomarkers.contains("ESR1-mutant"), biomarkers.toString()));
    }

    @Test
    void umbrellaSettingMatchesItsChildren() {
        int metastatic = total(Map.of("setting", "metastatic"));
        int children = total(Map.of("setting", List.of("metastatic-first-line", "metastatic-second-line", "metastatic-later-line")));
        int unspecified = total(Map.of("setting", "metastatic")) - children;
        assertTrue(children > 0);
        assertEquals(metastatic, children + unspecified);
        given().queryParam("setting", "first-line").queryParam("size", 200).get("/api/v1/results")
                .then().statusCode(200).body("items.setting", everyItem(equalTo("metastatic-first-line")));
        given().queryParam("setting", "early").queryParam("size", 200).get("/api/v1/results")
                .then().statusCode(200).body("items.setting", everyItem(org.hamcrest.Matchers.oneOf("early", "adjuvant", "neoadjuvant")));
    }

    @Test
    void repeatedParameterMeansOr() {
        int pfs = total(Map.of("endpoint", "PFS"));
        int os = total(Map.of("endpoint", "OS"));
        assertEquals(pfs + os, total(Map.of("endpoint", List.of("PFS", "OS"))));
    }

    @Test
    void filtersCombineWithAnd() {
        JsonPath page = results(Map.of("endpoint", "PFS", "drugClass", "CDK4/6i", "size", 200));
        assertTrue(page.getInt("totalItems") > 0);
        assertTrue(page.getInt("totalItems") < total(Map.of("endpoint", "PFS")));
        assertEquals(List.of("PFS"), page.getList("items.endpoint", String.class).stream().distinct().toList());
    }

    @Test
    void drugClassUmbrellaCoversItsChildren() {
        Set<String> serd = allIds(Map.of("drugClass", "SERD"));
        Set<String> oral = allIds(Map.of("drugClass", "oral-SERD"));
        assertFalse(oral.isEmpty());
        assertTrue(serd.containsAll(oral));
        Set<String> endocrine = allIds(Map.of("drugClass", "endocrine therapy"));
        assertTrue(endocrine.containsAll(serd));
    }

    @Test
    void drugAndArmFilters() {
        JsonPath byDrug = results(Map.of("drug", "palbociclib", "size", 200));
        assertTrue(byDrug.getInt("totalItems") > 0);
        byDrug.getList("items.arms.drugs.flatten()", String.class);
        byDrug.getList("items", Map.class).forEach(item -> assertTrue(item.toString().contains("palbociclib"), item.get("id").toString()));
        assertEquals(ids(results(Map.of("arm", "camizestrant", "size", 200))).contains("serena-6-pfs-itt"), true);
        assertEquals(0, total(Map.of("arm", "no arm is labelled like this")));
    }

    @Test
    void populationEffectMeasureSignificanceAndHazardRatioFilters() {
        given().queryParam("population", "subgroup").queryParam("size", 200).get("/api/v1/results")
                .then().statusCode(200).body("items.population.type", everyItem(equalTo("subgroup")));
        given().queryParam("population", "ITT").queryParam("size", 200).get("/api/v1/results")
                .then().statusCode(200).body("items.population.type", everyItem(equalTo("itt")));
        given().queryParam("effectMeasure", "hr").queryParam("size", 200).get("/api/v1/results")
                .then().statusCode(200).body("items.comparison.effectMeasure", everyItem(equalTo("HR")));
        JsonPath significant = results(Map.of("significant", "true", "size", 200));
        significant.getList("items.comparison", Map.class).forEach(c ->
                assertTrue(((Number) c.get("ciUpper")).doubleValue() < 1 || ((Number) c.get("ciLower")).doubleValue() > 1, c.toString()));
        JsonPath notSignificant = results(Map.of("significant", "false", "size", 200));
        notSignificant.getList("items.comparison", Map.class).forEach(c ->
                assertTrue(((Number) c.get("ciLower")).doubleValue() <= 1 && ((Number) c.get("ciUpper")).doubleValue() >= 1, c.toString()));
        given().queryParam("maxHazardRatio", "0.5").queryParam("size", 200).get("/api/v1/results")
                .then().statusCode(200).body("totalItems", greaterThan(0))
                .body("items.comparison.hazardRatio", everyItem(lessThanOrEqualTo(0.5f)));
    }

    @Test
    void sortByHazardRatioBothWays() {
        List<Float> ascending = results(Map.of("effectMeasure", "HR", "sort", "hazardRatio", "size", 200)).getList("items.comparison.estimate", Float.class);
        List<Float> descending = results(Map.of("effectMeasure", "HR", "sort", "-hazardRatio", "size", 200)).getList("items.comparison.estimate", Float.class);
        assertEquals(ascending.stream().filter(java.util.Objects::nonNull).sorted().toList(), ascending.stream().filter(java.util.Objects::nonNull).toList());
        assertEquals(ascending.stream().filter(java.util.Objects::nonNull).sorted(java.util.Comparator.reverseOrder()).toList(),
                descending.stream().filter(java.util.Objects::nonNull).toList());
    }

    @Test
    void conflictsAreMarkedOnBothSides() {
        JsonPath conflicting = results(Map.of("conflicting", "true", "size", 200));
        assertTrue(conflicting.getInt("totalItems") > 0);
        Set<String> conflictingIds = ids(conflicting);
        conflicting.getList("items", Map.class).forEach(item -> {
            List<?> others = (List<?>) item.get("conflictsWith");
            assertFalse(others.isEmpty() && ((List<?>) item.get("disputedBy")).isEmpty(), item.get("id").toString());
            others.forEach(other -> assertTrue(conflictingIds.contains(other), item.get("id") + " conflicts with " + other + " which is not marked"));
        });
        assertEquals(total(Map.of()), conflicting.getInt("totalItems") + total(Map.of("conflicting", "false")));
    }

    @Test
    void aStatementWithoutNumbersDisputesAResult() {
        // 002: Table 1b prints DESTINY-Breast06 OS "23.4 mo. vs. 18.8 mo., HR 0.64"; the text says "OS data is still immature".
        given().queryParam("trial", "DESTINY-Breast06").queryParam("endpoint", "OS").queryParam("conflicting", "true").get("/api/v1/results")
                .then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].comparison.hazardRatio", equalTo(0.64f))
                .body("items[0].disputedBy[0].source.excerpt", containsString("OS data is still immature"));
    }

    @Test
    void pagingEnvelopeAndEdges() {
        int totalItems = total(Map.of());
        given().queryParam("size", 7).get("/api/v1/results").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(7)).body("items.size()", equalTo(7))
                .body("totalPages", equalTo((totalItems + 6) / 7));
        int lastPage = (totalItems - 1) / 7;
        given().queryParam("size", 7).queryParam("page", lastPage).get("/api/v1/results").then().statusCode(200)
                .body("items.size()", equalTo(totalItems - lastPage * 7));
        given().queryParam("page", lastPage + 1).queryParam("size", 7).get("/api/v1/results").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("totalItems", equalTo(totalItems));
        Set<String> seen = new HashSet<>();
        for (int page = 0; page <= lastPage; page++) {
            seen.addAll(ids(results(Map.of("size", 7, "page", page))));
        }
        assertEquals(totalItems, seen.size(), "paging must neither repeat nor skip results");
    }

    @Test
    void everyResultCarriesASourceWithAnExcerpt() {
        JsonPath page = results(Map.of("size", 200));
        page.getList("items", Map.class).forEach(item -> {
            Map<?, ?> source = (Map<?, ?>) item.get("source");
            assertTrue(source.get("document").toString().endsWith(".txt"));
            assertFalse(source.get("excerpt").toString().isBlank());
            assertFalse(((List<?>) item.get("sources")).isEmpty());
        });
    }

    @Test
    void otherStudyKindsOnlyWhenAskedFor() {
        JsonPath trialsOnly = results(Map.of("size", 200));
        trialsOnly.getList("items.trial.studyType", String.class).forEach(type ->
                assertTrue(List.of("randomized-controlled-trial", "single-arm-trial", "non-randomized-trial", "not-stated").contains(type), type));
        int metaAnalyses = total(Map.of("studyType", "meta-analysis"));
        assertTrue(metaAnalyses > 0);
        given().queryParam("studyType", "meta-analysis").queryParam("size", 200).get("/api/v1/results")
                .then().body("items.trial.studyType", everyItem(equalTo("meta-analysis")));
        assertEquals(total(Map.of()) + metaAnalyses + total(Map.of("studyType", List.of("cohort", "biomarker-association"))),
                total(Map.of("studyType", "all")));
    }

    @Test
    void unknownTrialInAFilterIsAnErrorNotAnEmptyAnswer() {
        given().queryParam("trial", "SERENA-66").get("/api/v1/results").then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("trial"))
                .body("nearestValues", hasItem("SERENA-6"));
    }
}
