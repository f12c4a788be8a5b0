package org.trialevidence.errors;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Bad input gets an RFC 9457 problem naming the parameter; nothing is silently ignored, nothing is a 500. */
@QuarkusTest
class ProblemResponsesTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/results, endpont, PFS",
            "/api/v1/results, biomarkers, ESR1",
            "/api/v1/trials, drugclass, CDK4/6i",
            "/api/v1/trials/serena-6, format, csv",
            "/api/v1/dataset, page, 1",
            "/api/v1/vocabulary, q, x"})
    void unknownParameterNamesAreRejected(String path, String parameter, String value) {
        given().queryParam(parameter, value).get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://trial-evidence.example/problems/unknown-parameter"))
                .body("title", equalTo("Unknown query parameter"))
                .body("status", equalTo(400))
                .body("parameter", equalTo(parameter))
                .body("detail", containsString(parameter));
    }

    @ParameterizedTest
    @CsvSource({
            "endpoint, PFSS, PFS",
            "setting, metastasis, metastatic",
            "biomarker, ESR1-mutnt, ESR1-mutant",
            "drugClass, CDK4/6, ",
            "drug, palbocilib, palbociclib",
            "population, everyone, ",
            "effectMeasure, HRR, ",
            "significant, yes, ",
            "maxHazardRatio, -1, ",
            "maxHazardRatio, abc, ",
            "conflicting, maybe, ",
            "studyType, rct, ",
            "sort, hazard, ",
            "page, -1, ",
            "size, 0, ",
            "size, 201, ",
            "size, 1e3, "})
    void badValuesNameTheParameter(String parameter, String value, String suggestion) {
        var response = given().queryParam(parameter, value).get("/api/v1/results").then();
        if ("drugClass".equals(parameter)) {
            response.statusCode(200); // "CDK4/6" is an alias of CDK4/6i, not an error
            return;
        }
        response.statusCode(400).contentType("application/problem+json")
                .body("parameter", equalTo(parameter))
                .body("detail", containsString(value));
        if (suggestion != null) {
            response.body("nearestValues", hasItem(suggestion));
        }
    }

    @Test
    void unknownValueListsTheAllowedValues() {
        given().queryParam("setting", "palliative").get("/api/v1/results").then().statusCode(400)
                .body("allowedValues", hasItem("metastatic-first-line")).body("allowedValues", hasItem("adjuvant"));
    }

    @Test
    void emptyValuesAreErrorsNotMissingFilters() {
        given().queryParam("biomarker", "").get("/api/v1/results").then().statusCode(400).body("parameter", equalTo("biomarker"));
        given().queryParam("q", " ").get("/api/v1/trials").then().statusCode(400).body("parameter", equalTo("q"));
    }

    @Test
    void wrongMethodAndUnknownPathAreProblems() {
        given().post("/api/v1/results").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", containsString("GET"));
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unsupportedAcceptIsAProblem() {
        given().accept("application/xml").get("/api/v1/results").then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void likeWildcardsInTextAreLiteral() {
        int allTrials = given().get("/api/v1/trials").then().extract().path("totalItems");
        int percent = given().queryParam("q", "%").get("/api/v1/trials").then().statusCode(200).extract().path("totalItems");
        org.junit.jupiter.api.Assertions.assertTrue(percent < allTrials, "a '%' in q must match a literal percent sign, not everything");
        given().queryParam("arm", "_").get("/api/v1/results").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void problemsCarryNoStackTraceOrSql() {
        given().queryParam("sort", "hazardRatio;drop table trial").get("/api/v1/results").then().statusCode(400)
                .body(not(containsString("Exception"))).body(not(containsString("select ")))
                .body("nearestValues", nullValue());
    }
}
