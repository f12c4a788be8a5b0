package org.trialevidence.auth;

import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code token --role curator|admin --name NAME [--hours H]}: mints a bearer token with the service's private key
 * and prints only the token, so that {@code TOKEN=$(java -jar quarkus-run.jar token ...)} works. It does not start
 * the service; it reads the same configuration (data directory, issuer), so the token is one the service accepts.
 */
public final class TokenCommand {
    public static final String NAME = "token";
    private static final int OK = 0;
    private static final int FAILED = 1;
    private static final int USAGE_ERROR = 2;
    private static final int DEFAULT_HOURS = 8;
    /** A leaked token stays valid until it expires (there is no revocation list), so its lifetime is bounded. */
    private static final int MAX_HOURS = 24 * 30;
    static final String USAGE = "usage: token --role curator|admin --name NAME [--hours 1-" + MAX_HOURS + ", default " + DEFAULT_HOURS + "]";
    private static final int MAX_NAME_LENGTH = 100;
    private static final Map<String, List<String>> GROUPS = Map.of(
            Roles.CURATOR, List.of(Roles.CURATOR),
            Roles.ADMIN, List.of(Roles.CURATOR, Roles.ADMIN));

    private TokenCommand() {
    }

    private record Request(String name, List<String> groups, Duration lifetime) {
    }

    /** Returns the exit status: 0, 1 when the key cannot be read or created, 2 for a usage error. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.equals(List.of("--help"))) {
            out.println(USAGE);
            return OK;
        }
        Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return USAGE_ERROR;
        }
        Config config = ConfigProvider.getConfig();
        Path dataDirectory = config.getValue("evidence.data-dir", Path.class);
        Path privateKey = LocalKeyPair.directory(dataDirectory).resolve(LocalKeyPair.PRIVATE_KEY);
        try {
            if (config.getValue("evidence.auth.create-local-key", Boolean.class)) {
                LocalKeyPair.ensure(dataDirectory);
            } else if (!Files.exists(privateKey)) {
                err.println("No private key at " + privateKey.toAbsolutePath()
                        + ", and evidence.auth.create-local-key is false: mint tokens where the service's signing key is kept.");
                return FAILED;
            }
            out.println(mint(request, config.getValue("mp.jwt.verify.issuer", String.class), dataDirectory, Instant.now()));
            return OK;
        } catch (IOException | RuntimeException e) {
            err.println("Cannot mint a token: " + e.getMessage());
            return FAILED;
        }
    }

    private static String mint(Request request, String issuer, Path dataDirectory, Instant now) throws IOException {
        return Jwt.issuer(issuer)
                .subject(request.name())
                .upn(request.name())
                .groups(new LinkedHashSet<>(request.groups()))
                .issuedAt(now)
                .expiresAt(now.plus(request.lifetime()))
                .sign(LocalKeyPair.readPrivateKey(dataDirectory));
    }

    private static Request parse(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!Set.of("--role", "--name", "--hours").contains(option)) {
                throw new IllegalArgumentException("Unknown argument '" + option + "'.");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(option + " needs a value.");
            }
            if (options.put(option, args.get(i + 1)) != null) {
                throw new IllegalArgumentException(option + " is given twice.");
            }
        }
        String role = options.get("--role");
        if (role == null) {
            throw new IllegalArgumentException("--role is required: " + Roles.CURATOR + " or " + Roles.ADMIN + ".");
        }
        List<String> groups = GROUPS.get(role);
        if (groups == null) {
            throw new IllegalArgumentException("Unknown role '" + role + "': " + Roles.CURATOR + " or " + Roles.ADMIN + ".");
        }
        String name = options.get("--name");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("--name is required: who the token is for (its sub and upn claims).");
        }
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("--name must be at most " + MAX_NAME_LENGTH + " characters without control characters.");
        }
        return new Request(name, groups, Duration.ofHours(hours(options.getOrDefault("--hours", String.valueOf(DEFAULT_HOURS)))));
    }

    private static int hours(String value) {
        try {
            int hours = Integer.parseInt(value);
            if (hours >= 1 && hours <= MAX_HOURS) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        throw new IllegalArgumentException("--hours must be a whole number from 1 to " + MAX_HOURS + ", not '" + value + "'.");
    }
}
