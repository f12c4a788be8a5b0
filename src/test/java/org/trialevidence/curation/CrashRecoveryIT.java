package org.trialevidence.curation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialevidence.seeding.TrialValidation;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acknowledged writes survive SIGKILL: a client writes as fast as it can (new trials, and changes to one trial
 * chained by If-Match), the service process is killed mid-stream, and after a restart on the same database every
 * acknowledged write is there, the write in flight is there whole or not at all, and the audit trail says the same.
 */
class CrashRecoveryIT {
    private static final String TARGET = "crash-target";
    private static final int WRITES_BEFORE_KILL = 40;

    @TempDir
    Path workDirectory;

    /** What the client knows: the writes acknowledged, and the one it had sent when the service died. */
    private static final class Ledger {
        final List<String> createdTrials = new ArrayList<>();
        final List<String> acknowledgedSponsors = new ArrayList<>();
        volatile String inFlightTrial;
        volatile String inFlightSponsor;
        volatile int acknowledged;
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        Path data = workDirectory.resolve("data");
        ServiceProcess service = ServiceProcess.start(data, true);
        String token = ServiceProcess.token(data, "curator", "crash-client");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ObjectNode target = SeedRecords.copyOf("serena-6", TARGET);
        assertEquals(201, send(client, post(service, token, "/api/v1/trials", target)).statusCode());

        Ledger ledger = new Ledger();
        CountDownLatch enough = new CountDownLatch(1);
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        Thread writer = new Thread(() -> writeUntilTheServiceDies(client, service, token, target, ledger, enough, unexpected));
        writer.start();
        assertTrue(enough.await(120, TimeUnit.SECONDS), "the client did not get " + WRITES_BEFORE_KILL + " writes acknowledged");
        service.kill();
        writer.join(30_000);
        if (unexpected.get() != null) {
            throw new AssertionError("a write got an unexpected answer before the kill", unexpected.get());
        }

        ServiceProcess restarted = ServiceProcess.start(data, false);
        try {
            for (String trial : ledger.createdTrials) {
                assertEquals(200, send(client, get(restarted, "/api/v1/trials/" + trial)).statusCode(), "acknowledged trial " + trial + " is lost");
                assertEquals(SeedRecords.copyOf("serena-6", trial), json(send(client, get(restarted, "/api/v1/trials/" + trial + "/document"))));
            }
            if (ledger.inFlightTrial != null) {
                int served = send(client, get(restarted, "/api/v1/trials/" + ledger.inFlightTrial)).statusCode();
                int document = send(client, get(restarted, "/api/v1/trials/" + ledger.inFlightTrial + "/document")).statusCode();
                int history = send(client, get(restarted, "/api/v1/trials/" + ledger.inFlightTrial + "/history")).statusCode();
                assertTrue(served == document && document == history && (served == 200 || served == 404),
                        "the write in flight is half there: trial " + served + ", document " + document + ", history " + history);
            }
            JsonNode current = json(send(client, get(restarted, "/api/v1/trials/" + TARGET + "/document")));
            String sponsor = current.path("sponsor").asText();
            String lastAcknowledged = ledger.acknowledgedSponsors.isEmpty() ? target.path("sponsor").asText()
                    : ledger.acknowledgedSponsors.get(ledger.acknowledgedSponsors.size() - 1);
            assertTrue(sponsor.equals(lastAcknowledged) || sponsor.equals(ledger.inFlightSponsor),
                    "the trial holds '" + sponsor + "', neither the last acknowledged change '" + lastAcknowledged + "' nor the one in flight");

            JsonNode trail = json(send(client, get(restarted, "/api/v1/trials/" + TARGET + "/history")));
            List<String> sponsorsInTrail = new ArrayList<>();
            trail.forEach(entry -> {
                if ("update".equals(entry.path("action").asText())) {
                    sponsorsInTrail.add(entry.path("after").path("sponsor").asText());
                }
            });
            List<String> expected = new ArrayList<>(ledger.acknowledgedSponsors);
            if (!sponsor.equals(lastAcknowledged)) {
                expected.add(sponsor);
            }
            assertEquals(expected, sponsorsInTrail, "the audit trail must list exactly the changes that are stored, in order");
        } finally {
            restarted.stop();
        }
    }

    /** Alternates a new trial and a change to the target, each only after the last was acknowledged. */
    private static void writeUntilTheServiceDies(HttpClient client, ServiceProcess service, String token, ObjectNode target,
                                                 Ledger ledger, CountDownLatch enough, AtomicReference<Throwable> unexpected) {
        String etag = "\"trial-" + TARGET + "-v1\"";
        ObjectNode changing = target.deepCopy();
        try {
            for (int i = 0; ; i++) {
                if (i % 2 == 0) {
                    String id = "crash-" + i;
                    ledger.inFlightTrial = id;
                    HttpResponse<String> created = send(client, post(service, token, "/api/v1/trials", SeedRecords.copyOf("serena-6", id)));
                    if (created.statusCode() != 201) {
                        throw new IllegalStateException("create answered " + created.statusCode() + ": " + created.body());
                    }
                    ledger.createdTrials.add(id);
                    ledger.inFlightTrial = null;
                } else {
                    String sponsor = "Sponsor revision " + i;
                    changing.put("sponsor", sponsor);
                    ledger.inFlightSponsor = sponsor;
                    HttpResponse<String> changed = send(client, HttpRequest.newBuilder(service.uri("/api/v1/trials/" + TARGET + "?reason=revision+" + i))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("If-Match", etag)
                            .PUT(HttpRequest.BodyPublishers.ofString(changing.toString())).build());
                    if (changed.statusCode() != 200) {
                        throw new IllegalStateException("change answered " + changed.statusCode() + ": " + changed.body());
                    }
                    etag = changed.headers().firstValue("ETag").orElseThrow();
                    ledger.acknowledgedSponsors.add(sponsor);
                    ledger.inFlightSponsor = null;
                }
                if (++ledger.acknowledged == WRITES_BEFORE_KILL) {
                    enough.countDown();
                }
            }
        } catch (IOException serviceDied) {
            // expected once the process is killed
        } catch (Throwable other) {
            unexpected.set(other);
            enough.countDown();
        }
    }

    private static HttpRequest post(ServiceProcess service, String token, String path, JsonNode body) {
        return HttpRequest.newBuilder(service.uri(path + "?reason=crash+test")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    private static HttpRequest get(ServiceProcess service, String path) {
        return HttpRequest.newBuilder(service.uri(path)).build();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return TrialValidation.MAPPER.readTree(response.body());
    }
}
