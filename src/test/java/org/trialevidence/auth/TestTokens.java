package org.trialevidence.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Tokens for tests, signed with the running test service's own key (under the test data directory) unless a test
 * needs a bad one. Built with the JWT builder directly rather than with TokenCommand, so tests of the command do not
 * check it against itself.
 */
public final class TestTokens {
    static final Duration LIFETIME = Duration.ofHours(1);

    private TestTokens() {
    }

    public static String curator(String name) {
        return withRoles(name, Roles.CURATOR);
    }

    public static String admin(String name) {
        return withRoles(name, Roles.CURATOR, Roles.ADMIN);
    }

    public static String withRoles(String name, String... roles) {
        return claims(issuer(), name, Instant.now(), roles).sign(serviceKey());
    }

    /** Expired an hour ago: well beyond the verifier's 60 s clock skew. */
    public static String expired() {
        return claims(issuer(), "alice", Instant.now().minus(Duration.ofHours(2)), Roles.CURATOR).sign(serviceKey());
    }

    public static String signedByAnotherKey() {
        try {
            return claims(issuer(), "alice", Instant.now(), Roles.CURATOR).sign(KeyUtils.generateKeyPair(2048).getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String wrongIssuer() {
        return claims("someone-else", "alice", Instant.now(), Roles.CURATOR).sign(serviceKey());
    }

    /** {"alg":"none"}: claims anyone could write. */
    public static String unsigned() {
        String token = withRoles("alice", Roles.CURATOR);
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    /** HS256 keyed with the public key's PEM, which anyone can read: the classic algorithm-confusion forgery. */
    public static String hmacWithThePublicKey() {
        try {
            byte[] publicPem = Files.readAllBytes(LocalKeyPair.directory(dataDirectory()).resolve(LocalKeyPair.PUBLIC_KEY));
            return claims(issuer(), "alice", Instant.now(), Roles.CURATOR).jws().algorithm(SignatureAlgorithm.HS256)
                    .sign(new SecretKeySpec(publicPem, "HmacSHA256"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JwtClaimsBuilder claims(String issuer, String name, Instant issuedAt, String... roles) {
        return Jwt.issuer(issuer).subject(name).upn(name).groups(new LinkedHashSet<>(List.of(roles)))
                .issuedAt(issuedAt).expiresAt(issuedAt.plus(LIFETIME));
    }

    static Path dataDirectory() {
        return ConfigProvider.getConfig().getValue("evidence.data-dir", Path.class);
    }

    private static String issuer() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class);
    }

    private static PrivateKey serviceKey() {
        try {
            return LocalKeyPair.readPrivateKey(dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
