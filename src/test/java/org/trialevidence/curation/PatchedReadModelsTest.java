package org.trialevidence.curation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.trialevidence.auth.TestTokens;
import jakarta.inject.Inject;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.dataset.DatasetState;
import org.trialevidence.entity.TrialRepository;
import org.trialevidence.result.ResultService;
import org.trialevidence.trial.TrialService;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;

/**
 * Writes patch the read models with the trials they changed instead of reading every trial again: after a series
 * of writes of every kind, each answer must be the one a read model built from the whole database gives for the
 * same records. The full build is forced the way a replica meets it, by a version the change log does not explain.
 */
@QuarkusTest
@TestProfile(CurationTestProfile.class)
class PatchedReadModelsTest {
    /** Result and trial queries, JSON and CSV, that between them cover every filter the indexes answer from postings. */
    private static final List<String> QUERIES = List.of(
            "/api/v1/results?studyType=all&size=200&page=0",
            "/api/v1/results?studyType=all&size=200&page=1",
            "/api/v1/results?size=all&format=csv",
            "/api/v1/results?biomarker=ESR1&endpoint=PFS",
            "/api/v1/results?drugClass=CDK4/6i&setting=metastatic&sort=hazardRatio&size=100",
            "/api/v1/results?sort=-pValue&size=100&page=1",
            "/api/v1/results?trial=patched-a&trial=SERENA-6",
            "/api/v1/results?conflicting=true&size=100",
            "/api/v1/results?significant=false&sort=estimate&size=100",
            "/api/v1/trials?size=200",
            "/api/v1/trials?size=all&format=csv",
            "/api/v1/trials?sort=-results&size=100",
            "/api/v1/trials?q=patched",
            "/api/v1/trials?drugClass=CDK4/6i&biomarker=ESR1",
            "/api/v1/trials/PATCHED-A",
            "/api/v1/trials/patched-a-in-place",
            "/api/v1/trials?phase=4",
            "/api/v1/trials/SERENA-6",
            "/api/v1/vocabulary/biomarkers",
            "/api/v1/vocabulary/drugClasses");

    private static RequestSpecification curator() {
        return given().header("Authorization", "Bearer " + TestTokens.curator("patch-test")).contentType("application/json").queryParam("reason", "read-model patch test");
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TestTokens.admin("patch-test")).contentType("application/json").queryParam("reason", "read-model patch test");
    }

    @Inject
    TrialRepository trialRepository;

    /** The overview's trials, arms and study types, which the patched read model counts, are those the database holds. */
    private void assertOverviewCountsTrialsAsTheDatabase(String version) {
        JsonPath overview = given().get("/api/v1/dataset").then().statusCode(200).body("version", equalTo(version)).extract().jsonPath();
        Map<String, Object> counted = QuarkusTransaction.requiringNew().call(() -> Map.of("trials", trialRepository.count(),
                "arms", trialRepository.countArms(), "studyTypes", new TreeMap<>(trialRepository.countByStudyType())));
        Map<String, Long> studyTypes = new TreeMap<>();
        overview.<String, Number>getMap("studyTypes").forEach((type, count) -> studyTypes.put(type, count.longValue()));
        assertEquals(counted, Map.of("trials", overview.getLong("counts.trials"), "arms", overview.getLong("counts.arms"), "studyTypes", studyTypes),
                "version " + version);
    }

    @Test
    void answersAfterWritesEqualThoseOfAFullBuild() throws Exception {
        assertOverviewCountsTrialsAsTheDatabase(given().get("/api/v1/dataset").then().extract().path("version"));
        ObjectNode a = SeedRecords.copyOf("serena-6", "patched-a");
        // A conflict with another trial's result: that trial changes too (its result lists the conflict).
        ((ObjectNode) a.get("results").get(0)).putArray("conflictsWith").add("serena-6-pfs-itt");
        String aTag = curator().body(a.toString()).post("/api/v1/trials").then().statusCode(201).extract().header("ETag");
        ObjectNode b = SeedRecords.copyOf("monaleesa-2", "patched-b");
        String bTag = curator().body(b.toString()).post("/api/v1/trials").then().statusCode(201).extract().header("ETag");
        given().get("/api/v1/trials/SERENA-6").then().statusCode(200);

        // A new acronym moves the trial in the default order; a new sponsor and setting change its postings.
        a.put("acronym", "AAA-PATCHED");
        a.put("sponsor", "Patched sponsor");
        aTag = curator().header("If-Match", aTag).body(a.toString()).put("/api/v1/trials/patched-a").then().statusCode(200).extract().header("ETag");
        ObjectNode result = (ObjectNode) a.get("results").get(1).deepCopy();
        result.put("id", "patched-a-extra");
        result.remove("conflictsWith");
        curator().body(result.toString()).post("/api/v1/trials/patched-a/results").then().statusCode(201);
        String first = ((ArrayNode) b.get("results")).get(0).get("id").asText();
        admin().header("If-Match", "\"result-" + first + "-v1\"").delete("/api/v1/trials/patched-b/results/" + first).then().statusCode(204);
        bTag = given().get("/api/v1/trials/patched-b/document").then().extract().header("ETag");
        admin().header("If-Match", bTag).delete("/api/v1/trials/patched-b").then().statusCode(204);
        admin().post("/api/v1/trials/patched-b/restore").then().statusCode(200);
        // A write in place (same acronym, same results): what the patch does not change is shared with the version
        // before (the map of trial names, the rows by trial), a new alias is found and a new phase is counted.
        var current = given().get("/api/v1/trials/patched-a/document");
        ObjectNode inPlace = (ObjectNode) new ObjectMapper().readTree(current.asString());
        inPlace.put("sponsor", "Written in place");
        inPlace.put("phase", "4");
        ((ArrayNode) inPlace.get("aliases")).add("PATCHED A IN PLACE");
        curator().header("If-Match", current.header("ETag")).body(inPlace.toString()).put("/api/v1/trials/patched-a").then().statusCode(200);

        Map<String, String> patched = Answers.of(QUERIES);
        String writtenVersion = given().get("/api/v1/dataset").then().extract().path("version");
        assertOverviewCountsTrialsAsTheDatabase(writtenVersion);

        // Another writer moved the version without a change log entry: no replica can say what changed, so the
        // read models are built from every trial again.
        QuarkusTransaction.requiringNew().run(() -> DatasetState.lockForWrite().advance(java.time.Instant.now()));
        // At once, before the read models can know of the new version: the overview counts in the database.
        assertOverviewCountsTrialsAsTheDatabase(QuarkusTransaction.requiringNew().call(() -> DatasetState.current().version));
        Thread.sleep(1_200); // the version read from the database is trusted for a second
        String rebuiltVersion = given().get("/api/v1/dataset").then().extract().path("version");
        assertNotEquals(writtenVersion, rebuiltVersion);
        Map<String, String> rebuilt = Answers.of(QUERIES);
        assertOverviewCountsTrialsAsTheDatabase(rebuiltVersion);

        assertEquals(patched.keySet(), rebuilt.keySet());
        patched.forEach((query, body) -> assertEquals(rebuilt.get(query), body, query));
        assertEquals(true, patched.get("/api/v1/trials/SERENA-6").contains("patched-a-serena-6-pfs-itt"),
                "the conflict reached the other trial's record");
    }

    @Inject
    DatasetService dataset;
    @Inject
    ResultService results;
    @Inject
    TrialService trials;

    /** Another replica's write is followed by the watch, without any request asking: the version and both read models. */
    @Test
    void aVersionMovedElsewhereIsFollowedWithoutARequest() throws InterruptedException {
        String before = dataset.lastKnownVersion();
        QuarkusTransaction.requiringNew().run(() -> DatasetState.lockForWrite().advance(java.time.Instant.now()));
        // At once, before the read models can know of the new version: the overview counts in the database.
        assertOverviewCountsTrialsAsTheDatabase(QuarkusTransaction.requiringNew().call(() -> DatasetState.current().version));
        String moved = QuarkusTransaction.requiringNew().call(dataset::versionInDatabase);
        assertNotEquals(before, moved);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!(moved.equals(dataset.lastKnownVersion()) && results.answersWithoutBlocking() && trials.answersWithoutBlocking())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(moved, dataset.lastKnownVersion(), "the watch read the version");
        assertTrue(results.answersWithoutBlocking() && trials.answersWithoutBlocking(), "the read models followed it");
    }
}
