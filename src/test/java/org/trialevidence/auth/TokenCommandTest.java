package org.trialevidence.auth;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token command prints only a token, and the running service accepts it; misuse exits 2 with a message on stderr. */
@QuarkusTest
class TokenCommandTest {

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TokenCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCuratorTokenIsPrintedAloneAndAccepted() {
        Instant before = Instant.now();
        Run minted = run("--role", "curator", "--name", "alice");
        assertEquals(0, minted.status(), minted.err());
        assertEquals("", minted.err());
        assertTrue(minted.out().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\n"), "only the token and a newline: " + minted.out());
        String expiresAt = given().auth().oauth2(minted.out().strip()).get("/api/v1/auth/me").then().statusCode(200)
                .body("name", equalTo("alice"))
                .body("roles", equalTo(List.of("curator")))
                .extract().path("expiresAt");
        Duration lifetime = Duration.between(before, Instant.parse(expiresAt));
        assertTrue(lifetime.compareTo(Duration.ofHours(8).minusMinutes(1)) > 0 && lifetime.compareTo(Duration.ofHours(8)) <= 0,
                "the default lifetime is 8 hours: " + lifetime);
    }

    @Test
    void anAdminTokenCarriesBothRolesForTheHoursAsked() {
        Instant before = Instant.now();
        Run minted = run("--name", "root", "--role", "admin", "--hours", "1");
        assertEquals(0, minted.status(), minted.err());
        String expiresAt = given().auth().oauth2(minted.out().strip()).get("/api/v1/auth/me").then().statusCode(200)
                .body("name", equalTo("root"))
                .body("roles", equalTo(List.of("admin", "curator")))
                .extract().path("expiresAt");
        Duration lifetime = Duration.between(before, Instant.parse(expiresAt));
        assertTrue(lifetime.compareTo(Duration.ofMinutes(59)) > 0 && lifetime.compareTo(Duration.ofHours(1)) <= 0, "lifetime " + lifetime);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--name alice",
            "--role boss --name alice",
            "--role Curator --name alice",
            "--role curator",
            "--role curator --name",
            "--role curator --name alice --hours 0",
            "--role curator --name alice --hours 721",
            "--role curator --name alice --hours eight",
            "--role curator --name alice --role admin",
            "--role curator --name alice --admin"})
    void misuseExits2WithAMessageAndNoToken(String args) {
        Run refused = run(args.split(" "));
        assertEquals(2, refused.status());
        assertEquals("", refused.out());
        assertTrue(refused.err().contains(TokenCommand.USAGE), refused.err());
        assertTrue(refused.err().lines().count() >= 2, "a message saying what is wrong, then the usage: " + refused.err());
    }

    @Test
    void helpPrintsTheUsage() {
        Run help = run("--help");
        assertEquals(0, help.status());
        assertEquals(TokenCommand.USAGE + "\n", help.out());
    }
}
