package org.trialevidence.vocabulary;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
class VocabularyApiTest {

    @Test
    void allVocabulariesAreServed() {
        given().get("/api/v1/vocabulary").then().statusCode(200)
                .body("$", hasKey("settings")).body("$", hasKey("biomarkers")).body("$", hasKey("endpoints"))
                .body("$", hasKey("drugClasses")).body("$", hasKey("drugs"));
    }

    @Test
    void termsHaveAliasesUmbrellasAndUsage() {
        given().get("/api/v1/vocabulary/biomarkers").then().statusCode(200)
                .body("find { it.code == 'ESR1-mutant' }.aliases", hasItems("ESR1", "ESR1m"))
                .body("find { it.code == 'ESR1-mutant' }.trialCount", greaterThan(0))
                .body("find { it.code == 'HER2-low' }.parent", equalTo("HER2-negative"))
                .body("find { it.code == 'PI3K-pathway-altered' }.children", hasItems("PIK3CA-mutant", "AKT1-mutant", "PTEN-altered"));
        given().get("/api/v1/vocabulary/settings").then().statusCode(200)
                .body("find { it.code == 'metastatic' }.children", hasItems("metastatic-first-line", "metastatic-second-line"))
                .body("find { it.code == 'early' }.children", hasItems("adjuvant", "neoadjuvant"));
        given().get("/api/v1/vocabulary/drugs").then().statusCode(200)
                .body("find { it.code == 'palbociclib' }.drugClass", equalTo("CDK4/6i"))
                .body("find { it.code == 'palbociclib' }.trialCount", greaterThan(1));
        given().get("/api/v1/vocabulary/endpoints").then().statusCode(200)
                .body("code", hasItems("PFS", "OS", "ORR", "CBR", "DFS", "IDFS", "PCR", "TTP"));
    }

    @Test
    void umbrellaUsageCountsItsChildren() {
        int metastatic = given().get("/api/v1/vocabulary/settings").then().extract().path("find { it.code == 'metastatic' }.trialCount");
        int firstLine = given().get("/api/v1/vocabulary/settings").then().extract().path("find { it.code == 'metastatic-first-line' }.trialCount");
        org.junit.jupiter.api.Assertions.assertTrue(metastatic > firstLine && firstLine > 0);
    }

    @Test
    void vocabularyNamesAreCaseInsensitiveAndUnknownOnesAre404() {
        given().get("/api/v1/vocabulary/DrugClasses").then().statusCode(200).body("code", hasItem("CDK4/6i"));
        given().get("/api/v1/vocabulary/colours").then().statusCode(404).contentType("application/problem+json")
                .body("parameter", equalTo("vocabulary")).body("nearestValues", hasItem("drugClasses"));
    }
}
