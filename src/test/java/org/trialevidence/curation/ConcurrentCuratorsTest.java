package org.trialevidence.curation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.trialevidence.auth.TestTokens;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many curators change one trial at once, each reading it and writing back with If-Match: no update is lost
 * (two writers never both succeed from the same version), stale writers get 412, nothing answers 5xx, and the
 * stored record is the last acknowledged write.
 */
@QuarkusTest
@TestProfile(CurationTestProfile.class)
class ConcurrentCuratorsTest {
    private static final int CURATORS = 8;
    private static final int ATTEMPTS_EACH = 12;
    private static final String TRIAL = "contended-trial";

    private record Outcome(int status, String sentSponsor, String etag) { }

    @Test
    void staleWritersGet412AndNoUpdateIsLost() throws Exception {
        ObjectNode trial = SeedRecords.copyOf("serena-6", TRIAL);
        given().header("Authorization", "Bearer " + TestTokens.curator("setup")).contentType("application/json")
                .queryParam("reason", "contention test").body(trial.toString()).post("/api/v1/trials").then().statusCode(201);

        ExecutorService pool = Executors.newFixedThreadPool(CURATORS);
        List<Future<List<Outcome>>> futures = new ArrayList<>();
        for (int c = 0; c < CURATORS; c++) {
            int curator = c;
            futures.add(pool.submit(() -> attempts(curator, trial)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<List<Outcome>> future : futures) {
            outcomes.addAll(future.get());
        }
        pool.shutdown();

        assertTrue(outcomes.stream().allMatch(o -> o.status() == 200 || o.status() == 412),
                "only 200 and 412 are expected: " + outcomes.stream().map(Outcome::status).toList());
        Map<Long, String> acknowledged = new TreeMap<>();
        outcomes.stream().filter(o -> o.status() == 200).forEach(o -> {
            long version = Long.parseLong(o.etag().replaceAll(".*-v(\\d+)\"$", "$1"));
            String previous = acknowledged.put(version, o.sentSponsor());
            assertEquals(null, previous, "two writes were acknowledged as version " + version + ": an update was lost");
        });
        assertTrue(acknowledged.size() >= CURATORS, "too few writes got through to say anything: " + acknowledged.size());
        assertTrue(outcomes.stream().anyMatch(o -> o.status() == 412), "no writer was ever stale: the test did not contend");
        List<Long> versions = new ArrayList<>(acknowledged.keySet());
        assertEquals(2L, versions.get(0));
        assertEquals(versions.size() + 1L, versions.get(versions.size() - 1), "acknowledged versions must follow each other without gaps");

        String lastAcknowledged = acknowledged.get(versions.get(versions.size() - 1));
        Response document = given().get("/api/v1/trials/" + TRIAL + "/document");
        assertEquals(lastAcknowledged, document.path("sponsor"));
        assertEquals("\"trial-" + TRIAL + "-v" + versions.get(versions.size() - 1) + "\"", document.header("ETag"));
        List<String> trail = given().get("/api/v1/trials/" + TRIAL + "/history").path("findAll { it.action == 'update' }.after.sponsor");
        assertEquals(new ArrayList<>(acknowledged.values()), trail, "the audit trail lists every acknowledged write, in version order");
    }

    private static List<Outcome> attempts(int curator, ObjectNode trial) {
        String token = TestTokens.curator("curator-" + curator);
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        for (int attempt = 0; attempt < ATTEMPTS_EACH; attempt++) {
            String etag = given().get("/api/v1/trials/" + TRIAL + "/document").header("ETag");
            String sponsor = "curator " + curator + " attempt " + attempt;
            ObjectNode changed = trial.deepCopy().put("sponsor", sponsor);
            Response response = given().header("Authorization", "Bearer " + token).contentType("application/json")
                    .header("If-Match", etag).queryParam("reason", sponsor).body(changed.toString()).put("/api/v1/trials/" + TRIAL);
            outcomes.add(new Outcome(response.statusCode(), sponsor, response.header("ETag")));
        }
        return outcomes;
    }
}
