package org.trialevidence.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.trialevidence.auth.TestTokens;
import org.trialevidence.seeding.TrialValidation;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(CurationTestProfile.class)
class CurationApiTest {
    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    private static RequestSpecification curator() {
        return as(TestTokens.curator("alice"));
    }

    private static RequestSpecification admin() {
        return as(TestTokens.admin("root"));
    }

    private static String create(ObjectNode trial) {
        return curator().queryParam("reason", "test record").body(trial.toString()).post("/api/v1/trials")
                .then().statusCode(201).extract().header("ETag");
    }

    private static JsonNode json(Response response) {
        try {
            return TrialValidation.MAPPER.readTree(response.asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writesNeedATokenAndTheRightRole() {
        ObjectNode trial = SeedRecords.copyOf("serena-6", "role-check");
        given().contentType("application/json").queryParam("reason", "r").body(trial.toString()).post("/api/v1/trials")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", containsString("Bearer"));
        as(TestTokens.withRoles("reader")).queryParam("reason", "r").body(trial.toString()).post("/api/v1/trials")
                .then().statusCode(403).contentType(PROBLEM);
        as(TestTokens.expired()).queryParam("reason", "r").body(trial.toString()).post("/api/v1/trials")
                .then().statusCode(401).contentType(PROBLEM);
        curator().queryParam("reason", "r").header("If-Match", "*").delete("/api/v1/trials/serena-6")
                .then().statusCode(403).contentType(PROBLEM);
        given().get("/api/v1/trials/role-check").then().statusCode(404);
    }

    @Test
    void aRewriteThatDropsPrintedDecimalsKeepsThem() {
        // 002 text: "HR 0.44; 95% CI, 0.31–0.60": an ordinary JSON library writes the upper bound back as 0.6.
        ObjectNode trial = SeedRecords.copyOf("serena-6", "printed-trial");
        String version = create(trial);
        ((ObjectNode) trial.get("results").get(0).get("comparison")).put("ciUpper", 0.6);
        curator().queryParam("reason", "re-serialized").header("If-Match", version).body(trial.toString()).put("/api/v1/trials/printed-trial")
                .then().statusCode(200);
        String document = given().get("/api/v1/trials/printed-trial/document").then().statusCode(200).extract().asString();
        assertTrue(document.matches("(?s).*\"ciUpper\"\\s*:\\s*0\\.60\\b.*"), "the stored record keeps the printed 0.60: " + document);
        String results = given().queryParam("trial", "printed-trial").queryParam("endpoint", "PFS").get("/api/v1/results").then().statusCode(200)
                .extract().asString();
        assertTrue(results.matches("(?s).*\"ciUpper\"\\s*:\\s*0\\.60\\b.*"), "served as printed: " + results);
        given().queryParam("trial", "printed-trial").queryParam("endpoint", "PFS").queryParam("format", "csv").get("/api/v1/results")
                .then().statusCode(200).body(containsString(",0.60,"));
    }

    @Test
    void aCreatedTrialIsServedWithItsDocumentAndHistory() {
        ObjectNode trial = SeedRecords.copyOf("serena-6", "created-trial");
        String datasetBefore = given().get("/api/v1/dataset").then().extract().path("version");
        Response created = curator().queryParam("reason", "A new publication").body(trial.toString()).post("/api/v1/trials");
        created.then().statusCode(201).header("Location", containsString("/api/v1/trials/created-trial"))
                .header("ETag", "\"trial-created-trial-v1\"");
        assertEquals(trial, json(created));

        given().get("/api/v1/trials/CREATED-TRIAL").then().statusCode(200).body("id", equalTo("created-trial"))
                .body("results.id", hasItem("created-trial-serena-6-pfs-itt"));
        given().queryParam("trial", "created-trial").queryParam("endpoint", "PFS").get("/api/v1/results")
                .then().statusCode(200).body("items[0].comparison.hazardRatio", equalTo(0.44f));
        Response document = given().get("/api/v1/trials/created-trial/document");
        document.then().statusCode(200).header("ETag", "\"trial-created-trial-v1\"");
        assertEquals(trial, json(document));
        given().header("If-None-Match", "\"trial-created-trial-v1\"").get("/api/v1/trials/created-trial/document").then().statusCode(304);

        String datasetAfter = given().get("/api/v1/dataset").then().extract().path("version");
        assertNotEquals(datasetBefore, datasetAfter, "a write must change the dataset version");

        given().get("/api/v1/trials/created-trial/history").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].action", equalTo("create")).body("[0].actor", equalTo("alice"))
                .body("[0].reason", equalTo("A new publication")).body("[0].trialVersion", equalTo(1))
                .body("[0].datasetVersion", equalTo(datasetAfter)).body("[0].before", equalTo(null))
                .body("[0].after.id", equalTo("created-trial"));
        curator().queryParam("reason", "again").body(trial.toString()).post("/api/v1/trials").then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void anInvalidRecordIsRefusedWithEveryFaultAndNothingStored() {
        ObjectNode trial = SeedRecords.copyOf("serena-6", "invalid-trial");
        trial.put("setting", "outer-space");
        ObjectNode comparison = (ObjectNode) trial.get("results").get(0).get("comparison");
        comparison.put("estimate", 0.45);
        curator().queryParam("reason", "bad").body(trial.toString()).post("/api/v1/trials")
                .then().statusCode(422).contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("violations.path", hasItems("$.setting", "$.results[0].comparison.estimate"));
        given().get("/api/v1/trials/invalid-trial").then().statusCode(404);
        given().get("/api/v1/trials/invalid-trial/history").then().statusCode(404);
    }

    @Test
    void everyWriteNeedsAReason() {
        curator().body(SeedRecords.copyOf("serena-6", "no-reason").toString()).post("/api/v1/trials")
                .then().statusCode(400).contentType(PROBLEM).body("parameter", equalTo("reason"));
    }

    @Test
    void aChangeNeedsTheCurrentETagAndAStaleOneChangesNothing() {
        ObjectNode trial = SeedRecords.copyOf("serena-6", "versioned-trial");
        String v1 = create(trial);
        String listTag = given().queryParam("trial", "versioned-trial").get("/api/v1/results").then().statusCode(200).extract().header("ETag");
        trial.put("sponsor", "Changed sponsor");
        curator().queryParam("reason", "r").body(trial.toString()).put("/api/v1/trials/versioned-trial")
                .then().statusCode(428).contentType(PROBLEM).body("parameter", equalTo("If-Match"));
        String v2 = curator().queryParam("reason", "sponsor corrected").header("If-Match", v1).body(trial.toString())
                .put("/api/v1/trials/versioned-trial").then().statusCode(200).body("sponsor", equalTo("Changed sponsor"))
                .extract().header("ETag");
        assertEquals("\"trial-versioned-trial-v2\"", v2);
        given().queryParam("trial", "versioned-trial").header("If-None-Match", listTag).get("/api/v1/results")
                .then().statusCode(200).header("ETag", not(equalTo(listTag)));

        trial.put("sponsor", "A stale writer's sponsor");
        curator().queryParam("reason", "r").header("If-Match", v1).body(trial.toString()).put("/api/v1/trials/versioned-trial")
                .then().statusCode(412).contentType(PROBLEM);
        given().get("/api/v1/trials/versioned-trial").then().body("sponsor", equalTo("Changed sponsor"));
        given().get("/api/v1/trials/versioned-trial/history").then()
                .body("action", equalTo(List.of("create", "update")))
                .body("[1].before.sponsor", not(equalTo("Changed sponsor"))).body("[1].after.sponsor", equalTo("Changed sponsor"));

        trial.put("id", "another-id");
        curator().queryParam("reason", "r").header("If-Match", v2).body(trial.toString()).put("/api/v1/trials/versioned-trial")
                .then().statusCode(422).body("violations[0].path", equalTo("$.id"));
    }

    @Test
    void resultsAreWrittenOneAtATimeWithTheirOwnVersions() {
        ObjectNode trial = SeedRecords.copyOf("serena-6", "result-trial");
        create(trial);
        ObjectNode result = (ObjectNode) trial.get("results").get(0).deepCopy();
        String resultId = result.get("id").asText();
        String etag = given().get("/api/v1/trials/result-trial/results/" + resultId).then().statusCode(200)
                .body("id", equalTo(resultId)).extract().header("ETag");
        assertEquals("\"result-" + resultId + "-v1\"", etag);

        ArrayNode notes = result.putArray("notes");
        notes.add("Re-read against the text.");
        String changed = curator().queryParam("reason", "note added").header("If-Match", etag).body(result.toString())
                .put("/api/v1/trials/result-trial/results/" + resultId).then().statusCode(200)
                .body("notes[0]", equalTo("Re-read against the text.")).extract().header("ETag");
        assertEquals("\"result-" + resultId + "-v2\"", changed);
        curator().queryParam("reason", "stale").header("If-Match", etag).body(result.toString())
                .put("/api/v1/trials/result-trial/results/" + resultId).then().statusCode(412).contentType(PROBLEM).body("parameter", equalTo("If-Match"));
        curator().queryParam("reason", "blind").body(result.toString())
                .put("/api/v1/trials/result-trial/results/" + resultId).then().statusCode(428).contentType(PROBLEM);
        String other = trial.get("results").get(1).get("id").asText();
        given().get("/api/v1/trials/result-trial/results/" + other).then().header("ETag", "\"result-" + other + "-v1\"");

        ObjectNode added = result.deepCopy();
        added.put("id", "result-trial-extra");
        curator().queryParam("reason", "added").body(added.toString()).post("/api/v1/trials/result-trial/results")
                .then().statusCode(201).header("Location", containsString("/api/v1/trials/result-trial/results/result-trial-extra"));
        given().queryParam("trial", "result-trial").get("/api/v1/results").then().body("items.id", hasItem("result-trial-extra"));

        curator().queryParam("reason", "r").header("If-Match", "*").delete("/api/v1/trials/result-trial/results/result-trial-extra")
                .then().statusCode(403);
        admin().queryParam("reason", "duplicate").header("If-Match", "\"result-result-trial-extra-v1\"")
                .delete("/api/v1/trials/result-trial/results/result-trial-extra").then().statusCode(204);
        given().queryParam("trial", "result-trial").get("/api/v1/results").then().body("items.id", not(hasItem("result-trial-extra")));
        given().get("/api/v1/trials/result-trial/results/result-trial-extra").then().statusCode(404);

        admin().queryParam("reason", "deleted by mistake").post("/api/v1/trials/result-trial/results/result-trial-extra/restore")
                .then().statusCode(200).body("id", equalTo("result-trial-extra"));
        given().queryParam("trial", "result-trial").get("/api/v1/results").then().body("items.id", hasItem("result-trial-extra"));
        given().get("/api/v1/trials/result-trial/history").then()
                .body("action", equalTo(List.of("create", "update", "create", "delete", "restore")))
                .body("resultId[3]", equalTo("result-trial-extra"));
    }

    @Test
    void aDeletedTrialLeavesEveryReadEndpointAndCanBeRestored() {
        ObjectNode trial = SeedRecords.copyOf("serena-6", "deleted-trial");
        String etag = create(trial);
        admin().queryParam("reason", "r").delete("/api/v1/trials/deleted-trial").then().statusCode(428);
        String deletedTag = admin().queryParam("reason", "withdrawn").header("If-Match", etag).delete("/api/v1/trials/deleted-trial")
                .then().statusCode(204).extract().header("ETag");
        assertEquals("\"trial-deleted-trial-v2\"", deletedTag);
        given().get("/api/v1/trials/deleted-trial").then().statusCode(404);
        given().get("/api/v1/trials/deleted-trial/document").then().statusCode(404);
        given().queryParam("q", "deleted-trial").get("/api/v1/trials").then().body("totalItems", equalTo(0));
        given().queryParam("studyType", "all").get("/api/v1/results?size=all&format=json").then()
                .body("items.id", not(hasItem("deleted-trial-serena-6-pfs-itt")));
        curator().queryParam("reason", "r").body(trial.toString()).post("/api/v1/trials").then().statusCode(409)
                .body("detail", containsString("restore"));

        admin().queryParam("reason", "withdrawn by mistake").post("/api/v1/trials/deleted-trial/restore").then().statusCode(200)
                .header("ETag", "\"trial-deleted-trial-v3\"");
        given().get("/api/v1/trials/deleted-trial").then().statusCode(200).body("results", hasSize(2));
        given().get("/api/v1/trials/deleted-trial/history").then().body("action", equalTo(List.of("create", "delete", "restore")))
                .body("[1].after", equalTo(null)).body("[1].before.id", equalTo("deleted-trial"));
    }

    @Test
    void aDeclaredConflictShowsOnBothResults() {
        ObjectNode trial = SeedRecords.copyOf("serena-6", "conflict-trial");
        ((ObjectNode) trial.get("results").get(0)).putArray("conflictsWith").add("serena-6-pfs-itt");
        String serenaBefore = given().get("/api/v1/trials/serena-6/document").then().extract().header("ETag");
        create(trial);
        given().queryParam("trial", "serena-6").queryParam("endpoint", "PFS").get("/api/v1/results").then()
                .body("items[0].conflicting", equalTo(true))
                .body("items[0].conflictsWith", equalTo(List.of("conflict-trial-serena-6-pfs-itt")));
        String serenaAfter = given().get("/api/v1/trials/serena-6/document").then().extract().header("ETag");
        assertNotEquals(serenaBefore, serenaAfter, "the other side's record shows something new, so its ETag moves");
        List<Map<String, Object>> serenaHistory = given().get("/api/v1/trials/serena-6/history").then().extract().path("");
        Map<String, Object> last = serenaHistory.get(serenaHistory.size() - 1);
        assertEquals("conflicts-changed", last.get("action"));
        assertEquals("alice", last.get("actor"));
        assertTrue(((String) last.get("reason")).contains("conflict-trial"), String.valueOf(last.get("reason")));
        assertEquals(serenaAfter, "\"trial-serena-6-v" + last.get("trialVersion") + "\"");

        ObjectNode unknown = SeedRecords.copyOf("serena-6", "dangling-conflict");
        ((ObjectNode) unknown.get("results").get(0)).putArray("conflictsWith").add("no-such-result");
        curator().queryParam("reason", "r").body(unknown.toString()).post("/api/v1/trials").then().statusCode(422)
                .body("violations[0].path", equalTo("$.results[0].conflictsWith[0]"));
    }

    @Test
    void namesAndResultIdsStayUnique() {
        ObjectNode trial = SeedRecords.copyOf("serena-6", "name-clash");
        trial.putArray("aliases").add("SERENA 6");
        ((ObjectNode) trial.get("results").get(1)).put("id", "serena-6-pfs-itt");
        curator().queryParam("reason", "r").body(trial.toString()).post("/api/v1/trials").then().statusCode(422)
                .body("violations.path", hasItems("$.aliases[0]", "$.results[1].id"))
                .body("violations.message", hasItem(containsString("serena-6")));
    }

    @Test
    void aMalformedBodyIsAProblemNotAFailure() {
        curator().queryParam("reason", "r").body("{not json").post("/api/v1/trials").then().statusCode(400).contentType(PROBLEM);
        curator().queryParam("reason", "r").body("[1, 2]").post("/api/v1/trials").then().statusCode(400).contentType(PROBLEM);
        curator().queryParam("reason", "r").header("If-Match", "*").body("{}").put("/api/v1/trials/no-such-trial")
                .then().statusCode(404).contentType(PROBLEM).body("detail", notNullValue());
    }
}
