package org.trialevidence.seeding;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real service does not start on a seed-data directory with a fault; it names the file and the JSON path. */
@QuarkusMainTest
@TestProfile(StartupRefusesBadSeedDataTest.BrokenSeedData.class)
class StartupRefusesBadSeedDataTest {

    /** A copy of the committed seed-data plus one trial file with a number its excerpt does not print. */
    public static class BrokenSeedData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path directory = Files.createTempDirectory("broken-seed");
                Path committed = SeedDataFidelityTest.seedDirectory();
                Files.createDirectories(directory.resolve("schema"));
                Files.createDirectories(directory.resolve("trials"));
                Files.copy(committed.resolve(SeedDataReader.SCHEMA), directory.resolve(SeedDataReader.SCHEMA));
                Files.copy(committed.resolve(SeedDataReader.SOURCES), directory.resolve(SeedDataReader.SOURCES));
                Files.copy(committed.resolve("trials/paloma-3.json"), directory.resolve("trials/paloma-3.json"));
                String serena6 = Files.readString(committed.resolve("trials/serena-6.json"));
                String broken = serena6.replaceFirst("\"value\":\\s*16\\.0", "\"value\": 61.0");
                if (broken.equals(serena6)) {
                    // Without the fault the service would start and this test would wait for it forever.
                    throw new IllegalStateException("serena-6.json no longer holds the value 16.0 this test breaks");
                }
                Files.writeString(directory.resolve("trials/serena-6.json"), broken);
                return Map.of("evidence.seed-dir", directory.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void startUpStopsNamingFileAndPath(LaunchResult result) {
        String output = result.getOutput() + result.getErrorOutput();
        assertTrue(output.contains("serena-6.json $.results[0].arms[0].value"), output);
        assertTrue(output.contains("61"), output);
        assertTrue(output.contains("nothing is served"), output);
    }
}
