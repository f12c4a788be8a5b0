package org.trialevidence.curation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.trialevidence.seeding.TrialValidation;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An empty database is seeded a chunk of trials per transaction and marked seeded after the last: a process killed
 * half way leaves committed rows without that mark. The next start must remove them and seed every trial once,
 * neither serving the half it found nor writing a trial twice. Both ways of a first start: served once the trials are
 * written, and served from the models made from the files while they are written behind them (the process is killed
 * after it served).
 */
class InterruptedSeedingIT {
    private static final int TRIALS = 3000;

    @TempDir
    Path workDirectory;

    @ParameterizedTest(name = "served before stored: {0}")
    @ValueSource(booleans = {false, true})
    void aSeedingKilledHalfWayIsDoneAgainWhole(boolean servedBeforeStored) throws Exception {
        Path seed = workDirectory.resolve("seed");
        Process generate = new ProcessBuilder("python3", "bench/generate", String.valueOf(TRIALS), seed.toString()).inheritIO().start();
        assertEquals(0, generate.waitFor(), "bench/generate failed");
        // Generated excerpts are not in the reviews: the service runs without them, as on benchmark data.
        List<String> settings = List.of("-Devidence.seed-dir=" + seed, "-Devidence.reviews-dir=" + workDirectory.resolve("no-reviews"),
                "-Devidence.seeding.trials-per-transaction=100", "-Dquarkus.log.category.\"org.trialevidence.store\".level=DEBUG",
                "-Devidence.seeding.store-behind-from=" + (servedBeforeStored ? 0 : Integer.MAX_VALUE));
        Path data = workDirectory.resolve("data");

        ServiceProcess interrupted = ServiceProcess.launch(data, true, settings);
        interrupted.awaitLog("Seeding: 300 of " + TRIALS + " trials stored", Duration.ofSeconds(180));
        interrupted.kill();
        assertFalse(interrupted.log().contains("Seeded the database"), "the seeding finished before the kill: nothing was interrupted");
        assertEquals(servedBeforeStored, interrupted.log().contains("Serving dataset"), "served before the kill only when served before stored");

        ServiceProcess service = ServiceProcess.start(data, false, settings);
        try {
            String log = service.log();
            assertTrue(log.contains("Removed the ") && log.contains(" trials of a seeding that did not finish"), log);
            assertCounts(service, seed);
            if (servedBeforeStored) {
                // Then from the database, once it holds the dataset: every trial written once.
                service.awaitLog("is stored: curation is open", Duration.ofSeconds(180));
                assertCounts(service, seed);
            }
        } finally {
            service.stop();
        }
    }

    private static void assertCounts(ServiceProcess service, Path seed) throws IOException, InterruptedException {
        JsonNode counts = TrialValidation.MAPPER.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.uri("/api/v1/dataset")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("counts");
        assertEquals(TRIALS, counts.path("trials").asLong());
        assertEquals(resultsIn(seed), counts.path("results").asLong());
    }

    private static long resultsIn(Path seed) throws IOException {
        long results = 0;
        try (Stream<Path> files = Files.list(seed.resolve("trials"))) {
            for (Path file : files.toList()) {
                results += TrialValidation.MAPPER.readTree(file.toFile()).path("results").size();
            }
        }
        return results;
    }
}
