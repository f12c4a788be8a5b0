package org.trialevidence.auth;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bearer tokens on GET /api/v1/auth/me: who is refused, how (RFC 9457 problems with a Bearer challenge), who is let in. */
@QuarkusTest
class AuthenticationTest {
    private static final String ME = "/api/v1/auth/me";

    @Test
    void withoutATokenTheAnswerIsA401ProblemWithABearerChallenge() {
        given().get(ME).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("https://trial-evidence.example/problems/unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo(ME))
                .body("detail", containsString("Authorization: Bearer"));
    }

    @Test
    void anotherAuthorizationSchemeIsNoToken() {
        given().header("Authorization", "Basic YWxpY2U6c2VjcmV0").get(ME).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", equalTo("Bearer"));
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("malformed", (Supplier<String>) () -> "not-a-jwt", "not a valid JWT"),
                Arguments.of("expired", (Supplier<String>) TestTokens::expired, "expired"),
                Arguments.of("signed by another key", (Supplier<String>) TestTokens::signedByAnotherKey, "signature"),
                Arguments.of("wrong issuer", (Supplier<String>) TestTokens::wrongIssuer, "not issued for this service"),
                Arguments.of("unsigned (alg none)", (Supplier<String>) TestTokens::unsigned, "not a valid JWT"),
                Arguments.of("HS256 keyed with the public key", (Supplier<String>) TestTokens::hmacWithThePublicKey, "not a valid JWT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aTokenTheServiceDidNotIssueOrThatExpiredIsA401Problem(String kind, Supplier<String> token, String reason) {
        given().auth().oauth2(token.get()).get(ME).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""))
                .body("type", equalTo("https://trial-evidence.example/problems/unauthorized"))
                .body("status", equalTo(401))
                .body("detail", containsString(reason))
                .body(not(containsString("Exception")));
    }

    @Test
    void aCuratorTokenIsAcceptedAndDescribed() {
        Instant before = Instant.now();
        String expiresAt = given().auth().oauth2(TestTokens.curator("alice")).get(ME).then().statusCode(200)
                .contentType("application/json")
                .body("name", equalTo("alice"))
                .body("roles", equalTo(List.of(Roles.CURATOR)))
                .extract().path("expiresAt");
        Instant expiry = Instant.parse(expiresAt);
        // JWT times are whole seconds, so the expiry may be up to a second before the moment the test minted it.
        assertTrue(!expiry.isBefore(before.plus(TestTokens.LIFETIME).minusSeconds(1))
                && !expiry.isAfter(Instant.now().plus(TestTokens.LIFETIME)), "expiresAt " + expiresAt);
    }

    @Test
    void anAdminTokenCarriesBothRoles() {
        given().auth().oauth2(TestTokens.admin("root")).get(ME).then().statusCode(200)
                .body("name", equalTo("root"))
                .body("roles", equalTo(List.of(Roles.ADMIN, Roles.CURATOR)));
    }

    @Test
    void anAuthenticatedAnswerIsNeitherTaggedNorCached() {
        given().auth().oauth2(TestTokens.curator("alice")).get(ME).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .header("ETag", nullValue());
    }

    @Test
    void aRoleTheTokenLacksIsA403ProblemNamingTheRole() {
        given().auth().oauth2(TestTokens.curator("alice")).get("/test-only/admin").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://trial-evidence.example/problems/forbidden"))
                .body("title", equalTo("Forbidden"))
                .body("status", equalTo(403))
                .body("detail", equalTo("This needs the role admin; the token has the roles: curator."));
        given().auth().oauth2(TestTokens.admin("root")).get("/test-only/admin").then().statusCode(200);
        given().get("/test-only/admin").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void openReadsIgnoreCredentialsTheyDoNotNeed() {
        given().get("/api/v1/dataset").then().statusCode(200);
        given().auth().oauth2("not-a-jwt").get("/api/v1/dataset").then().statusCode(200);
        given().auth().oauth2(TestTokens.expired()).queryParam("trial", "SERENA-6").get("/api/v1/results").then().statusCode(200);
    }

    @Test
    void theQueryParameterGuardStillAppliesOnceAuthenticated() {
        given().auth().oauth2(TestTokens.curator("alice")).queryParam("user", "bob").get(ME).then().statusCode(400)
                .contentType("application/problem+json").body("parameter", equalTo("user"));
    }
}
