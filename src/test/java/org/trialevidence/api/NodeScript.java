package org.trialevidence.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a tool from src/test/js (its npm packages pinned there and installed by the build's npm ci) with node, and
 * returns its exit code and output. Without node or the packages the calling test fails rather than pass unchecked.
 */
record NodeScript(int exitCode, String output) {
    static final Path DIRECTORY = Path.of("src/test/js");

    static NodeScript run(long timeoutSeconds, String... arguments) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(DIRECTORY.resolve("node_modules")),
                DIRECTORY + "/node_modules is missing: the build installs it (npm ci) in generate-test-resources; run mvn -B verify");
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("node-script", ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("node is not on PATH (Debian: apt-get install nodejs npm)", e);
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command.subList(0, 2)) + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return new NodeScript(process.exitValue(), output);
    }
}
