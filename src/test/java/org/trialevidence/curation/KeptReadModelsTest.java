package org.trialevidence.curation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.trialevidence.auth.TestTokens;
import org.trialevidence.dataset.DatasetState;
import org.trialevidence.readmodel.ReadModels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new process starts from the read models an earlier one kept in the data directory and brings them up to the
 * database's version from the change log: its answers are those of a model built from the whole database. The
 * profile keeps every read model on disk (the real dataset is far below the size that is kept by default).
 */
@QuarkusTest
@TestProfile(KeptReadModelsTest.KeptOnDisk.class)
class KeptReadModelsTest {
    public static class KeptOnDisk implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evidence.read-model.keep-views-up-to", "0", "evidence.read-model.keep-on-disk-from", "0");
        }
    }

    private static final List<String> QUERIES = List.of(
            "/api/v1/results?studyType=all&size=200&page=0",
            "/api/v1/results?studyType=all&size=200&page=1",
            "/api/v1/results?biomarker=ESR1&endpoint=PFS&sort=-estimate",
            "/api/v1/results?drugClass=CDK4/6i&setting=metastatic&sort=hazardRatio&size=100",
            "/api/v1/trials?size=200",
            "/api/v1/trials?drugClass=CDK4/6i&biomarker=ESR1",
            "/api/v1/vocabulary/biomarkers");
    /** Asked once the written trial exists. */
    private static final List<String> WRITTEN_TRIAL = List.of("/api/v1/results?trial=kept-trial", "/api/v1/trials/KEPT-TRIAL");

    @Inject
    ReadModels readModels;

    @Test
    void aRestartStartsFromTheKeptModelsAndCatchesUpFromTheChangeLog() throws InterruptedException {
        Map<String, String> beforeRestart = Answers.of(QUERIES);
        readModels.restart();
        assertTrue(Files.isRegularFile(Path.of("target/test-data/read-models/results.kept")), "the results read model was kept");
        assertTrue(Files.isRegularFile(Path.of("target/test-data/read-models/trials.kept")), "the trials read model was kept");
        assertEquals(beforeRestart, Answers.of(QUERIES), "the kept models answer as the built ones did");

        // Written while no model is held: the next start loads the kept version and patches the written trial in.
        readModels.restart();
        ObjectNode trial = SeedRecords.copyOf("serena-6", "kept-trial");
        given().header("Authorization", "Bearer " + TestTokens.curator("keep-test")).contentType("application/json")
                .queryParam("reason", "kept read model test").body(trial.toString()).post("/api/v1/trials").then().statusCode(201);
        Map<String, String> caughtUp = Answers.of(WRITTEN_TRIAL);
        caughtUp.putAll(Answers.of(QUERIES));
        assertTrue(caughtUp.get("/api/v1/results?trial=kept-trial").contains("kept-trial-serena-6-pfs-itt"), "the write reached the kept model");

        // A version the change log does not explain: built from the whole database.
        QuarkusTransaction.requiringNew().run(() -> DatasetState.lockForWrite().advance(Instant.now()));
        Thread.sleep(1_200); // the version read from the database is trusted for a second
        Map<String, String> rebuilt = Answers.of(WRITTEN_TRIAL);
        rebuilt.putAll(Answers.of(QUERIES));
        caughtUp.forEach((query, body) -> assertEquals(rebuilt.get(query), body, query));
    }
}
