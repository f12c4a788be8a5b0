package org.trialevidence.auth;

import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * The embedded default's RSA key pair under {@code ${evidence.data-dir}/keys}: the private key signs the tokens the
 * {@code token} command mints, the public key is where {@code mp.jwt.verify.publickey.location} points. It is created
 * on first use and reused after, so tokens outlive restarts; it never belongs in the repository.
 */
public final class LocalKeyPair {
    public static final String PRIVATE_KEY = "private-key.pem";
    public static final String PUBLIC_KEY = "public-key.pem";
    private static final int KEY_SIZE = 2048;

    private LocalKeyPair() {
    }

    public static Path directory(Path dataDirectory) {
        return dataDirectory.resolve("keys");
    }

    /**
     * Creates the pair unless it exists; returns whether it did. Safe against the service and the token command
     * starting together: creation happens under a file lock, and each file appears whole (written aside, then moved).
     */
    public static synchronized boolean ensure(Path dataDirectory) throws IOException {
        Path keys = directory(dataDirectory);
        if (complete(keys)) {
            return false;
        }
        Files.createDirectories(keys);
        if (posix(keys)) {
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
        }
        try (FileChannel lockFile = FileChannel.open(keys.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            if (complete(keys)) {
                return false;
            }
            if (Files.exists(keys.resolve(PRIVATE_KEY)) || Files.exists(keys.resolve(PUBLIC_KEY))) {
                // Replacing the survivor would silently invalidate every token signed with the old pair.
                throw new IllegalStateException("Only one of " + PRIVATE_KEY + " and " + PUBLIC_KEY + " exists in "
                        + keys.toAbsolutePath() + "; restore the other, or delete it to have a new pair created (tokens minted before stop working).");
            }
            KeyPair pair = generate();
            // The private key is written first and published last: a pair is complete only when both files exist.
            write(keys, PRIVATE_KEY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), "rw-------");
            write(keys, PUBLIC_KEY, pem("PUBLIC KEY", pair.getPublic().getEncoded()), "rw-r--r--");
            return true;
        }
    }

    public static PrivateKey readPrivateKey(Path dataDirectory) throws IOException {
        Path file = directory(dataDirectory).resolve(PRIVATE_KEY);
        try {
            return KeyUtils.decodePrivateKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file.toAbsolutePath() + " is not a PKCS#8 PEM RSA private key", e);
        }
    }

    private static boolean complete(Path keys) {
        return Files.exists(keys.resolve(PRIVATE_KEY)) && Files.exists(keys.resolve(PUBLIC_KEY));
    }

    private static KeyPair generate() throws IOException {
        try {
            return KeyUtils.generateKeyPair(KEY_SIZE);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate an RSA key pair", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    /** Files.createTempFile is owner-only on POSIX, so the private key is never readable by others, not even briefly. */
    private static void write(Path keys, String name, String content, String permissions) throws IOException {
        Path aside = Files.createTempFile(keys, name, ".tmp");
        try {
            Files.writeString(aside, content, StandardCharsets.US_ASCII);
            if (posix(keys)) {
                Files.setPosixFilePermissions(aside, PosixFilePermissions.fromString(permissions));
            }
            Files.move(aside, keys.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(aside);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
