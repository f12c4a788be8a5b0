package org.trialevidence.dataset;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.trialevidence.entity.ResultRepository;
import org.trialevidence.entity.TrialRepository;

import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DatasetApiTest {

    @Test
    void versionCountsAndSources() {
        int results = given().queryParam("studyType", "all").get("/api/v1/results").then().extract().path("totalItems");
        int trials = given().get("/api/v1/trials").then().extract().path("totalItems");
        given().get("/api/v1/dataset").then().statusCode(200)
                .body("version", matchesPattern("[0-9a-f]{16}"))
                .body("sourceFidelityChecked", equalTo(true))
                .body("counts.results", equalTo(results))
                .body("counts.trials", equalTo(trials))
                .body("counts.conflictingResults", greaterThan(0))
                .body("sources.document", hasItems("000_c1356b608d4bb68c.txt", "001_82335943482da74e.txt",
                        "002_68e141cf09b578c4.txt", "003_08164ca290269567.txt", "004_305f31815c953bf8.txt"))
                .body("sources.find { it.document == '004_305f31815c953bf8.txt' }.title", equalTo("Is there a role for immunotherapy in HER2-positive breast cancer?"));
    }

    @Inject
    ResultRepository resultRepository;

    /** The results' counts are answered from the index of the version named: they must be the ones the database counts. */
    @Test
    void resultCountsAreThoseTheDatabaseCounts() {
        JsonPath answer = given().get("/api/v1/dataset").then().statusCode(200).extract().jsonPath();
        Map<String, Long> counted = QuarkusTransaction.requiringNew().call(() -> Map.of(
                "results", resultRepository.count(),
                "trialsWithResults", resultRepository.countTrialsWithResults(),
                "resultsWithEffectEstimate", resultRepository.countWithEffectEstimate(),
                "conflictingResults", resultRepository.countConflicting()));
        assertEquals(answer.getString("version"), given().get("/api/v1/dataset").then().extract().path("version"), "no write meanwhile");
        for (String count : new String[]{"results", "trialsWithResults", "resultsWithEffectEstimate", "conflictingResults"}) {
            assertEquals(counted.get(count), answer.getLong("counts." + count), count);
        }
        assertTrue(counted.get("resultsWithEffectEstimate") < counted.get("results") && counted.get("trialsWithResults") < counted.get("results"),
                "the counts differ from one another, so a count taken for another fails");
    }

    @Inject
    TrialRepository trialRepository;

    /** The trials' counts too: the read models count them, and they must be the ones the database counts. */
    @Test
    void trialCountsAreThoseTheDatabaseCounts() {
        JsonPath answer = given().get("/api/v1/dataset").then().statusCode(200).extract().jsonPath();
        long trials = QuarkusTransaction.requiringNew().call(trialRepository::count);
        long arms = QuarkusTransaction.requiringNew().call(trialRepository::countArms);
        Map<String, Long> studyTypes = QuarkusTransaction.requiringNew().call(trialRepository::countByStudyType);
        assertEquals(answer.getString("version"), given().get("/api/v1/dataset").then().extract().path("version"), "no write meanwhile");
        assertEquals(trials, answer.getLong("counts.trials"));
        assertEquals(arms, answer.getLong("counts.arms"));
        Map<String, Long> answered = new TreeMap<>();
        answer.<String, Number>getMap("studyTypes").forEach((type, count) -> answered.put(type, count.longValue()));
        assertEquals(new TreeMap<>(studyTypes), answered);
        assertTrue(arms > trials && studyTypes.size() > 1, "arms " + arms + ", study types " + studyTypes);
    }

    @Test
    void healthIsUpAndReadyOnceLoaded() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'seed-data' }.status", equalTo("UP"));
    }

    @Test
    void rootIsTheEvidenceExplorerAndLinksSwaggerUi() {
        given().redirects().follow(false).get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("X-Content-Type-Options", "nosniff")
                // Not cached as immutable: the next release of the page must reach browsers that have this one.
                .header("Cache-Control", not(containsString("immutable")))
                .body(containsString("<title>Evidence explorer"))
                .body(containsString("href=\"/q/swagger-ui\""));
        given().get("/explorer/explorer.js").then().statusCode(200).contentType(startsWith("text/javascript"))
                .header("X-Content-Type-Options", "nosniff");
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
