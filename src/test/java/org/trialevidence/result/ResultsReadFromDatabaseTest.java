package org.trialevidence.result;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Large datasets keep no views in memory and read each page's results from the database: the same answers must
 * come out. The profile sets the threshold to 0 so the real data takes that path.
 */
@QuarkusTest
@TestProfile(ResultsReadFromDatabaseTest.NoCachedViews.class)
class ResultsReadFromDatabaseTest {

    public static class NoCachedViews implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evidence.read-model.keep-views-up-to", "0");
        }
    }

    @Test
    void serena6FromTheDatabasePath() {
        serena6FromTheDatabasePath(20);
    }

    /** Each page size is its own URL: pages are kept by URL and version, and a test that changes a stored view asks anew. */
    private static void serena6FromTheDatabasePath(int pageSize) {
        // 002, text: "16.0 months ... versus 9.2 months ... (HR 0.44; 95% CI, 0.31–0.60; p<0.00001)"
        given().queryParam("trial", "SERENA-6").queryParam("endpoint", "PFS").queryParam("size", pageSize).get("/api/v1/results").then().statusCode(200)
                .body("items[0].comparison.hazardRatio", equalTo(0.44f))
                .body("items[0].comparison.ciUpper", equalTo(0.6f))
                .body("items[0].arms.find { it.role == 'experimental' }.value", equalTo(16.0f));
    }

    @Inject
    EntityManager entityManager;

    /** Views stored as the database is seeded name each source's review by its title, as views made later do. */
    @Test
    void aSeededViewNamesItsReview() {
        // bolero-2.json: review 001's figure, "HR 0.52" in its excerpt; the title is review 001's in seed-data/sources.json.
        given().get("/api/v1/results/bolero-2-pfs-itt-review001").then().statusCode(200)
                .body("comparison.hazardRatio", equalTo(0.52f))
                .body("source.document", equalTo("001_82335943482da74e.txt"))
                .body("source.title", equalTo("Mechanisms of endocrine resistance in hormone receptor-positive breast cancer"));
    }

    @Test
    void aViewNotStoredYetIsMadeFromItsRow() {
        // Between a write (which clears the stored views of the results it changed) and the patch that stores them again.
        String stored = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select r.viewJson from Result r where r.id = 'serena-6-pfs-itt'", String.class).getSingleResult());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery("update Result r set r.viewJson = null where r.id = 'serena-6-pfs-itt'").executeUpdate());
        try {
            serena6FromTheDatabasePath(7);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery("update Result r set r.viewJson = :json where r.id = 'serena-6-pfs-itt'")
                    .setParameter("json", stored).executeUpdate());
        }
    }

    @Inject
    ResultService results;

    @Test
    void aPageIsKeptByVersionOnlyWhileTheDatabaseHoldsThatVersion() {
        results.answeringVersion();
        assertTrue(results.pagesOfOneVersion(), "the views the build found stale are stored: pages are of its version alone");
        // A write committed, the index not patched yet: the database holds a newer version than the index.
        QuarkusTransaction.begin();
        try {
            entityManager.createQuery("update DatasetState s set s.version = concat(s.version, '0')").executeUpdate();
            assertFalse(results.pagesOfOneVersion());
        } finally {
            QuarkusTransaction.rollback();
        }
        assertTrue(results.pagesOfOneVersion());
    }

    @Test
    void aPageOfStoredViewsIsKeptByVersion() {
        String stored = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select r.viewJson from Result r where r.id = 'serena-6-pfs-itt'", String.class).getSingleResult());
        serena6FromTheDatabasePath(3);
        // Changed behind the service's back (no write, the version holds): the kept page is served, not read again.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery("update Result r set r.viewJson = :json where r.id = 'serena-6-pfs-itt'")
                .setParameter("json", stored.replace("\"hazardRatio\":0.44", "\"hazardRatio\":9.99")).executeUpdate());
        try {
            serena6FromTheDatabasePath(3);
            given().queryParam("trial", "SERENA-6").queryParam("endpoint", "PFS").queryParam("size", 4).get("/api/v1/results").then()
                    .body("items[0].comparison.hazardRatio", equalTo(9.99f));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery("update Result r set r.viewJson = :json where r.id = 'serena-6-pfs-itt'")
                    .setParameter("json", stored).executeUpdate());
        }
    }

    @Test
    void pagesInOrderWithoutRepeatsOrGaps() throws java.io.IOException {
        int total = given().queryParam("sort", "-hazardRatio").get("/api/v1/results").then().extract().path("totalItems");
        Set<String> seen = new HashSet<>();
        List<Float> estimates = new java.util.ArrayList<>();
        for (int page = 0; page * 50 < total; page++) {
            JsonPath json = given().queryParam("sort", "-hazardRatio").queryParam("size", 50).queryParam("page", page)
                    .get("/api/v1/results").then().statusCode(200).extract().jsonPath();
            seen.addAll(json.getList("items.id", String.class));
            json.getList("items.comparison.estimate", Float.class).stream().filter(java.util.Objects::nonNull).forEach(estimates::add);
        }
        assertEquals(total, seen.size());
        assertEquals(estimates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), estimates);
        String csv = given().queryParam("format", "csv").queryParam("size", "all").get("/api/v1/results").asString();
        try (var parser = org.apache.commons.csv.CSVParser.parse(csv, org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            assertEquals(total, parser.getRecords().size(), "one CSV row per result");
        }
    }
}
