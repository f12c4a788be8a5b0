package org.trialevidence.curation;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The packaged service in a process of its own, on a data directory that outlives it (integration tests). */
final class ServiceProcess {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service and waits until it reports ready; {@code cleanDatabase} empties a PostgreSQL database first. */
    static ServiceProcess start(Path dataDirectory, boolean cleanDatabase) throws IOException, InterruptedException {
        return start(dataDirectory, cleanDatabase, List.of());
    }

    /** As {@link #start(Path, boolean)}, with more settings ({@code -Dname=value}, later ones win). */
    static ServiceProcess start(Path dataDirectory, boolean cleanDatabase, List<String> settings) throws IOException, InterruptedException {
        ServiceProcess service = launch(dataDirectory, cleanDatabase, settings);
        service.awaitReady();
        return service;
    }

    /** Starts the service without waiting for it. */
    static ServiceProcess launch(Path dataDirectory, boolean cleanDatabase, List<String> settings) throws IOException {
        int port = freePort();
        List<String> command = java(dataDirectory);
        command.add("-Dquarkus.http.port=" + port);
        if (cleanDatabase) {
            command.add("-Dquarkus.flyway.clean-disabled=false");
            command.add("-Dquarkus.flyway.clean-at-start=true");
        }
        command.addAll(settings);
        command.add("-jar");
        command.add(jar());
        Path log = Files.createTempFile(dataDirectory.getParent(), "service", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServiceProcess(process, port, log);
    }

    /** Waits until the service's log holds the text. */
    void awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the log never said '" + text + "':\n" + log());
            }
            Thread.sleep(20);
        }
    }

    /** A token minted by the packaged service's own command, from the key in the data directory. */
    static String token(Path dataDirectory, String role, String name) throws IOException, InterruptedException {
        List<String> command = java(dataDirectory);
        command.addAll(List.of("-jar", jar(), "token", "--role", role, "--name", name));
        Process process = new ProcessBuilder(command).start();
        String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || token.isEmpty()) {
            throw new IllegalStateException("token command failed: " + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return token;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("service not ready within " + START_TIMEOUT + ":\n" + log());
    }

    private static List<String> java(Path dataDirectory) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Devidence.data-dir=" + dataDirectory);
        command.add("-Devidence.seed-dir=" + System.getProperty("evidence.seed-dir", "seed-data"));
        command.add("-Devidence.reviews-dir=" + System.getProperty("evidence.reviews-dir", "../shared/seeds"));
        command.add("-Dquarkus.profile=" + System.getProperty("service.profile", "prod"));
        return command;
    }

    private static String jar() {
        return System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
