package org.trialevidence.curation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.trialevidence.auth.TestTokens;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** A source registered with its text can be cited; its excerpts are checked against that text like the reviews'. */
@QuarkusTest
@TestProfile(CurationTestProfile.class)
class SourceRegistrationTest {
    private static final String TEXT = "Final analysis. The median OS was 38.5 months with camizestrant versus 31.0 months with continued AI (HR 0.79; 95% CI, 0.61-0.98).";

    private static RequestSpecification curator() {
        return given().header("Authorization", "Bearer " + TestTokens.curator("alice")).contentType("application/json").queryParam("reason", "new publication");
    }

    private static ObjectNode citing(String trialId, String excerpt) {
        ObjectNode trial = SeedRecords.copyOf("serena-6", trialId);
        ObjectNode result = (ObjectNode) trial.get("results").get(0);
        ObjectNode source = (ObjectNode) result.get("sources").get(0);
        source.put("document", "synthetic-publication.txt");
        source.put("excerpt", excerpt);
        result.put("rawText", excerpt);
        result.remove("notes");
        result.putArray("sources").add(source);
        ObjectNode comparison = (ObjectNode) result.get("comparison");
        comparison.put("estimate", new java.math.BigDecimal("0.79")).put("ciLower", new java.math.BigDecimal("0.61"))
                .put("ciUpper", new java.math.BigDecimal("0.98")).remove("pValueText");
        result.withArray("arms").forEach(arm -> ((ObjectNode) arm).put("value", arm.get("arm").asText().startsWith("camizestrant")
                ? new java.math.BigDecimal("38.5") : new java.math.BigDecimal("31.0")));
        return trial;
    }

    @Test
    void aRegisteredSourceIsCitedAndItsExcerptsChecked() {
        Map<String, String> source = Map.of("document", "synthetic-publication.txt", "title", "A synthetic publication",
                "citation", "Test et al. (2026)", "text", TEXT);
        given().contentType("application/json").body(source).queryParam("reason", "r").post("/api/v1/sources").then().statusCode(401);
        curator().body(Map.of("document", "no-text.txt", "citation", "c")).post("/api/v1/sources").then().statusCode(422).body("parameter", equalTo("text"));

        curator().body(source).post("/api/v1/sources").then().statusCode(201).body("document", equalTo("synthetic-publication.txt"));
        curator().body(source).post("/api/v1/sources").then().statusCode(409);
        given().get("/api/v1/dataset").then().body("sources.document", hasItem("synthetic-publication.txt"));

        String quoted = "The median OS was 38.5 months with camizestrant versus 31.0 months with continued AI (HR 0.79; 95% CI, 0.61-0.98).";
        curator().body(citing("cites-new-source", quoted).toString()).post("/api/v1/trials").then().statusCode(201);
        given().queryParam("trial", "cites-new-source").queryParam("endpoint", "PFS").get("/api/v1/results").then()
                .body("items[0].comparison.hazardRatio", equalTo(0.79f)).body("items[0].source.document", equalTo("synthetic-publication.txt"))
                .body("items[0].source.title", equalTo("A synthetic publication"));

        String misquoted = "The median OS was 38.5 months with camizestrant versus 31.0 months with continued AI (HR 0.79; 95% CI, 0.61-0.98; p=0.01).";
        curator().body(citing("misquotes-new-source", misquoted).toString()).post("/api/v1/trials").then().statusCode(422)
                .body("violations.path", hasItem("$.results[0].sources[0].excerpt"));
    }
}
