package org.trialevidence.curation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.trialevidence.auth.TestTokens;
import org.trialevidence.dataset.StoringBehind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first start that serves the dataset from the read models made from seed-data while the records are written behind
 * them (a large dataset's first start; here every size, with pages read from the views stored, as at 100,000 trials).
 * The inserts are held until the test has read: every answer the service gives meanwhile, from the trials made from
 * their files, must be the answer it gives once the database holds the dataset; curation waits with a 503.
 */
@QuarkusTest
@TestProfile(StoreBehindTest.StoreBehind.class)
class StoreBehindTest {
    /** The reads of SeededReadModelsCheck, the dataset's overview, a comparison, a forest plot, a network meta-analysis. */
    private static final List<String> READS = new ArrayList<>(SeededReadModelsCheck.QUERIES);

    static {
        READS.addAll(List.of("/api/v1/dataset", "/api/v1/compare?trial=monaleesa-2&trial=paloma-2&endpoint=PFS",
                "/api/v1/results/forest.svg?drugClass=CDK4/6i&endpoint=PFS&setting=metastatic",
                "/api/v1/network-meta-analysis?endpoint=PFS&setting=metastatic"));
    }

    /** SERENA-6's PFS, as review 002 prints it: "(HR 0.44; 95% CI, 0.31–0.60; p<0.00001)". */
    private static final String SERENA_6_PFS = "/api/v1/results?trial=SERENA-6&endpoint=PFS&population=itt";

    @Inject
    StoringBehind storingBehind;

    /**
     * A copy of seed-data, so that a file can change while the dataset is stored. Made once per JVM: this class is
     * loaded twice (by JUnit for the profile, by Quarkus for the test), and both must name the same copy.
     */
    private static final Path SEED = copyOfSeedData();

    private static Path copyOfSeedData() {
        String made = System.getProperty("store-behind-test.seed-copy");
        if (made != null) {
            return Path.of(made);
        }
        try {
            Path copy = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "store-behind-seed");
            Path committed = Path.of("seed-data");
            try (Stream<Path> paths = Files.walk(committed)) {
                for (Path path : paths.toList()) {
                    Path target = copy.resolve(committed.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target);
                    }
                }
            }
            System.setProperty("store-behind-test.seed-copy", copy.toString());
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class StoreBehind implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evidence.seeding.store-behind-from", "0", "evidence.read-model.keep-views-up-to", "0",
                    "evidence.seeding.trials-per-transaction", "20", "evidence.seed-dir", SEED.toString());
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(HeldRecordStore.class);
        }
    }

    @AfterAll
    static void releaseSeeding() {
        HeldRecordStore.release();
    }

    /**
     * While SOLAR-1 is made from its file, the file changes: its results' views are not in memory (pages read stored
     * views, here from the files), so its results answer 503 (not a 500, not the unvalidated file) until the file is as
     * validated again. The writer is held at the first trials of the first chunks; SOLAR-1 is far behind them, and no
     * read before asked for its results alone (answers are kept by URL and version).
     */
    private void aTrialWhoseFileChangedIsNotServedUntilStored() {
        Path file = SEED.resolve("trials/solar-1.json");
        try {
            byte[] validated = Files.readAllBytes(file);
            Files.write(file, (new String(validated, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
            try {
                given().get("/api/v1/results?trial=SOLAR-1").then().statusCode(503).contentType("application/problem+json").header("Retry-After", "10")
                        .body("type", containsString("unavailable-yet")).body("detail", containsString("solar-1.json changed since this start validated it"));
            } finally {
                // Else the write behind would meet the changed file once released, and stop the service under the other tests.
                Files.write(file, validated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        given().get("/api/v1/results?trial=SOLAR-1").then().statusCode(200).body("items[0].trial.id", equalTo("solar-1"));
    }

    @Test
    void answersWhileStoringAreTheAnswersOnceStoredAndCurationWaits() throws InterruptedException {
        assertTrue(storingBehind.inProgress().isPresent(), "the inserts are held: the dataset is being stored");
        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'seed-data' }.data.stored", equalTo(false));
        given().get(SERENA_6_PFS).then().statusCode(200)
                .body("items[0].comparison.hazardRatio", equalTo(0.44f))
                .body("items[0].comparison.ciLower", equalTo(0.31f))
                .body("items[0].comparison.ciUpper", equalTo(0.60f));
        Map<String, String> whileStoring = Answers.of(READS);
        aTrialWhoseFileChangedIsNotServedUntilStored();

        String curator = "Bearer " + TestTokens.curator("alice");
        for (Response refused : List.of(
                given().header("Authorization", curator).contentType("application/json").queryParam("reason", "while storing")
                        .body(SeedRecords.copyOf("serena-6", "stored-behind-trial").toString()).post("/api/v1/trials"),
                given().header("Authorization", curator).get("/api/v1/trials/serena-6/document"),
                given().header("Authorization", curator).get("/api/v1/trials/serena-6/history"))) {
            refused.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "10")
                    .body("type", containsString("unavailable-yet")).body("detail", containsString("being written to the database"));
        }

        HeldRecordStore.release();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (storingBehind.inProgress().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(storingBehind.inProgress().isEmpty(), "the dataset is stored within two minutes of the release");

        given().get("/q/health/ready").then().statusCode(200).body("checks.find { it.name == 'seed-data' }.data.stored", equalTo(true));
        Map<String, String> stored = Answers.of(READS);
        whileStoring.forEach((query, answer) -> assertEquals(answer, stored.get(query), query + ": the same answer once the database holds the dataset"));
        given().header("Authorization", curator).get("/api/v1/trials/serena-6/document").then().statusCode(200).body("id", equalTo("serena-6"));
        given().header("Authorization", curator).contentType("application/json").queryParam("reason", "after storing")
                .body(SeedRecords.copyOf("serena-6", "stored-behind-trial").toString()).post("/api/v1/trials").then().statusCode(201);
    }
}
