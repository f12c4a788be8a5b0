package org.trialevidence.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service started on a data directory that does not exist yet: it creates the key pair at start-up, and
 * verifies tokens with that new public key. SmallRye JWT must therefore read the key after start-up (at the first
 * request that carries a token), not at boot, or this test fails.
 */
@QuarkusTest
@TestProfile(FirstStartTest.FreshDataDirectory.class)
class FirstStartTest {
    public static class FreshDataDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path parent = Files.createDirectories(Path.of("target"));
                Path data = Files.createTempDirectory(parent, "first-start-").resolve("data");
                assertFalse(Files.exists(data));
                return Map.of("evidence.data-dir", data.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theKeyPairIsCreatedAtStartAndVerifiesTokens() {
        Path keys = LocalKeyPair.directory(TestTokens.dataDirectory());
        assertTrue(keys.toString().contains("first-start-"), "the profile's fresh directory is in use: " + keys);
        assertTrue(Files.exists(keys.resolve(LocalKeyPair.PRIVATE_KEY)) && Files.exists(keys.resolve(LocalKeyPair.PUBLIC_KEY)));
        given().auth().oauth2(TestTokens.curator("alice")).get("/api/v1/auth/me").then().statusCode(200).body("name", equalTo("alice"));
    }
}
