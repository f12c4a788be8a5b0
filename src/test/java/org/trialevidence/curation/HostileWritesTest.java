package org.trialevidence.curation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.trialevidence.auth.TestTokens;

import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Curator writes an attacker or a careless client would send: text longer than the database keeps, invisible and
 * disguising characters, names that look like another trial's. Each is refused before the database sees it, as a
 * problem naming the JSON path (or parameter) and what is allowed, and nothing is stored.
 */
@QuarkusTest
@TestProfile(CurationTestProfile.class)
class HostileWritesTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String EMOJI = "\uD83D\uDC8A";

    private static ValidatableResponse post(ObjectNode trial) {
        return given().header("Authorization", "Bearer " + TestTokens.curator("mallory")).contentType("application/json")
                .queryParam("reason", "hostile").body(trial.toString()).post("/api/v1/trials").then();
    }

    /** A copy of SERENA-6 under a new id with one fault; the answer must name {@code path} and the limit. */
    private static void refused(String id, Consumer<ObjectNode> fault, String path, String limit) {
        ObjectNode trial = SeedRecords.copyOf("serena-6", id);
        fault.accept(trial);
        String message = post(trial).statusCode(422).contentType(PROBLEM)
                .body("violations.path", hasItem(path))
                .extract().path("violations.find { it.path == '" + path + "' }.message");
        // The schema validator groups digits as the default locale does (4,000 or 4.000).
        assertTrue(message.replaceAll("(?<=\\d)[,.\\u00a0\\u202f](?=\\d{3})", "").contains(limit), message);
        given().get("/api/v1/trials/" + id).then().statusCode(404);
    }

    @Test
    void textLongerThanItsColumnIsRefusedNamingPathAndLimit() {
        refused("long-sponsor", trial -> trial.put("sponsor", "s".repeat(256)), "$.sponsor", "255");
        refused("long-design", trial -> trial.put("designNotes", "d".repeat(4001)), "$.designNotes", "4000");
        refused("long-acronym", trial -> trial.put("acronym", "A".repeat(101)), "$.acronym", "100");
        refused("long-alias", trial -> trial.putArray("aliases").add("A".repeat(101)), "$.aliases[0]", "100");
        refused("long-raw", trial -> result(trial).put("rawText", "r".repeat(4001)), "$.results[0].rawText", "4000");
        refused("long-analysis", trial -> ((ObjectNode) result(trial).get("analysis")).put("description", "a".repeat(1001)),
                "$.results[0].analysis.description", "1000");
        refused("long-label", trial -> arm(trial).put("label", "l".repeat(256)), "$.arms[0].label", "255");
        refused("long-dose", trial -> arm(trial).put("dose", "9".repeat(256)), "$.arms[0].dose", "255");
        refused("long-population", trial -> ((ObjectNode) result(trial).get("population")).put("label", "p".repeat(256)),
                "$.results[0].population.label", "255");
    }

    @Test
    void aCharacterBeyondTheBasicPlaneCountsAsTheDatabaseCountsIt() {
        // 200 characters, 400 UTF-16 units: H2 would refuse it for a 255-long column.
        refused("emoji-sponsor", trial -> trial.put("sponsor", EMOJI.repeat(200)), "$.sponsor", "255");
        ObjectNode fits = SeedRecords.copyOf("serena-6", "emoji-fits");
        fits.put("sponsor", EMOJI.repeat(127) + "x");
        post(fits).statusCode(201);
        given().get("/api/v1/trials/emoji-fits").then().statusCode(200).body("sponsor", equalTo(EMOJI.repeat(127) + "x"));
    }

    @Test
    void textAtItsLimitIsStored() {
        ObjectNode trial = SeedRecords.copyOf("serena-6", "at-the-limit");
        trial.put("sponsor", "s".repeat(255));
        trial.put("designNotes", "d".repeat(4000));
        result(trial).put("rawText", result(trial).get("rawText").asText() + "r".repeat(4000 - result(trial).get("rawText").asText().length()));
        post(trial).statusCode(201);
        given().get("/api/v1/trials/at-the-limit").then().statusCode(200).body("sponsor", equalTo("s".repeat(255)));
    }

    @Test
    void searchTextTooLongAltogetherIsRefused() {
        refused("long-search", trial -> {
            ArrayNode aliases = trial.putArray("aliases");
            for (int i = 0; i < 90; i++) {
                aliases.add("ALIAS " + i + " " + "X".repeat(90));
            }
        }, "$", "at most 8000");
    }

    @Test
    void aResultWrittenAloneIsMeasuredToo() {
        ObjectNode trial = SeedRecords.copyOf("serena-6", "result-limits");
        post(trial).statusCode(201);
        ObjectNode added = result(trial).deepCopy();
        added.put("id", "result-limits-long");
        added.put("rawText", "r".repeat(4001));
        given().header("Authorization", "Bearer " + TestTokens.curator("mallory")).contentType("application/json")
                .queryParam("reason", "hostile").body(added.toString()).post("/api/v1/trials/result-limits/results")
                .then().statusCode(422).contentType(PROBLEM).body("violations.path", hasItem("$.results[2].rawText"));
        given().get("/api/v1/trials/result-limits/results/result-limits-long").then().statusCode(404);
    }

    @Test
    void invisibleAndDisguisingCharactersAreRefusedNamingTheField() {
        refused("zero-width", trial -> trial.put("acronym", "PALOMA\u200B-3"), "$.acronym", "U+200B");
        refused("bidi-override", trial -> trial.put("acronym", "SERENA\u202E6"), "$.acronym", "U+202E");
        refused("nul-raw", trial -> result(trial).put("rawText", "HR 0.44\u0000"), "$.results[0].rawText", "U+0000");
        refused("bom-note", trial -> trial.putArray("curationNotes").add("\uFEFFnote"), "$.curationNotes[0]", "U+FEFF");

        ObjectNode lone = SeedRecords.copyOf("serena-6", "lone-surrogate");
        lone.put("sponsor", "LONE");
        given().header("Authorization", "Bearer " + TestTokens.curator("mallory")).contentType("application/json")
                .queryParam("reason", "hostile").body(lone.toString().replace("\"LONE\"", "\"Astra\\ud800Zeneca\"")).post("/api/v1/trials")
                .then().statusCode(422).contentType(PROBLEM).body("violations.path", hasItem("$.sponsor"))
                .body("violations.message", hasItem(containsString("U+D800")));
        given().get("/api/v1/trials/lone-surrogate").then().statusCode(404);
    }

    @Test
    void textIsStoredInNfc() {
        ObjectNode trial = SeedRecords.copyOf("serena-6", "decomposed");
        trial.put("sponsor", "Institut Curie, Cre\u0301teil");
        post(trial).statusCode(201).body("sponsor", equalTo("Institut Curie, Cr\u00E9teil"));
        given().get("/api/v1/trials/decomposed/document").then().statusCode(200).body("sponsor", equalTo("Institut Curie, Cr\u00E9teil"));
    }

    @Test
    void aNameThatLooksLikeAnotherTrialsIsRefusedNamingIt() {
        for (String lookAlike : new String[] {"PAL0MA-3", "\u0420ALOMA-3", "\uFF30\uFF21\uFF2C\uFF2F\uFF2D\uFF21-3", "PALOMA-\u0417", "paloma 3"}) {
            ObjectNode trial = SeedRecords.copyOf("serena-6", "look-alike");
            trial.putArray("aliases").add(lookAlike);
            post(trial).statusCode(422).contentType(PROBLEM)
                    .body("violations.path", hasItem("$.aliases[0]"))
                    .body("violations.find { it.path == '$.aliases[0]' }.message", containsString("trial paloma-3"));
        }
        ObjectNode distinct = SeedRecords.copyOf("serena-6", "paloma-9");
        distinct.put("acronym", "PALOMA-9");
        post(distinct).statusCode(201);
        given().get("/api/v1/trials/look-alike").then().statusCode(404);
    }

    @Test
    void aReasonOrASourceWithAControlCharacterIsRefused() {
        given().header("Authorization", "Bearer " + TestTokens.curator("mallory")).contentType("application/json")
                .queryParam("reason", "fixed\u0000").body(SeedRecords.copyOf("serena-6", "nul-reason").toString()).post("/api/v1/trials")
                .then().statusCode(400).contentType(PROBLEM).body("parameter", equalTo("reason"));
        given().header("Authorization", "Bearer " + TestTokens.curator("mallory")).contentType("application/json")
                .queryParam("reason", "hostile").body("{\"document\": \"nul.txt\", \"citation\": \"A citation\", \"text\": \"HR 0.5\\u0000\"}")
                .post("/api/v1/sources").then().statusCode(422).contentType(PROBLEM).body("parameter", equalTo("text"));
        given().get("/api/v1/trials/nul-reason").then().statusCode(404);
    }

    @Test
    void aChangeMustNameTheVersionItChangesNotAnyVersion() {
        ObjectNode trial = SeedRecords.copyOf("serena-6", "wildcard");
        String etag = post(trial).statusCode(201).extract().header("ETag");
        trial.put("sponsor", "Overwritten blindly");
        String resultId = result(trial).get("id").asText();
        for (String ifMatch : new String[] {"*", " * ", etag + ", *"}) {
            given().header("Authorization", "Bearer " + TestTokens.curator("mallory")).contentType("application/json")
                    .header("If-Match", ifMatch).queryParam("reason", "hostile").body(trial.toString()).put("/api/v1/trials/wildcard")
                    .then().statusCode(428).contentType(PROBLEM).body("parameter", equalTo("If-Match"));
            given().header("Authorization", "Bearer " + TestTokens.curator("mallory")).contentType("application/json")
                    .header("If-Match", ifMatch).queryParam("reason", "hostile").body(result(trial).toString())
                    .put("/api/v1/trials/wildcard/results/" + resultId).then().statusCode(428).contentType(PROBLEM);
            given().header("Authorization", "Bearer " + TestTokens.admin("root")).header("If-Match", ifMatch).queryParam("reason", "hostile")
                    .delete("/api/v1/trials/wildcard").then().statusCode(428).contentType(PROBLEM);
        }
        given().get("/api/v1/trials/wildcard/document").then().statusCode(200).header("ETag", etag).body("sponsor", equalTo("AstraZeneca"));
    }

    private static ObjectNode result(ObjectNode trial) {
        return (ObjectNode) trial.get("results").get(0);
    }

    private static ObjectNode arm(ObjectNode trial) {
        return (ObjectNode) trial.get("arms").get(0);
    }
}
