package org.trialevidence.auth;

import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LocalKeyPairTest {
    @TempDir
    Path data;

    @Test
    void theFirstCallCreatesAMatchingRsa2048PairInPem() throws Exception {
        assertTrue(LocalKeyPair.ensure(data));
        Path keys = data.resolve("keys");
        String privatePem = Files.readString(keys.resolve("private-key.pem"), StandardCharsets.US_ASCII);
        String publicPem = Files.readString(keys.resolve("public-key.pem"), StandardCharsets.US_ASCII);
        assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"), "PKCS#8, not PKCS#1 (BEGIN RSA PRIVATE KEY)");
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        PublicKey publicKey = KeyUtils.decodePublicKey(publicPem);
        assertEquals(2048, ((RSAPublicKey) publicKey).getModulus().bitLength());

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(LocalKeyPair.readPrivateKey(data));
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(signature), "the public key must verify what the private key signs");
    }

    @Test
    void onlyTheOwnerMayReadThePrivateKey() throws Exception {
        assumeTrue(data.getFileSystem().supportedFileAttributeViews().contains("posix"), "file modes need a POSIX file system");
        LocalKeyPair.ensure(data);
        Path keys = data.resolve("keys");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("private-key.pem"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
    }

    @Test
    void laterCallsKeepTheExistingPair() throws Exception {
        LocalKeyPair.ensure(data);
        byte[] privateKey = Files.readAllBytes(data.resolve("keys/private-key.pem"));
        byte[] publicKey = Files.readAllBytes(data.resolve("keys/public-key.pem"));
        assertFalse(LocalKeyPair.ensure(data));
        assertArrayEquals(privateKey, Files.readAllBytes(data.resolve("keys/private-key.pem")));
        assertArrayEquals(publicKey, Files.readAllBytes(data.resolve("keys/public-key.pem")));
    }

    @Test
    void halfAPairIsNeverSilentlyReplaced() throws Exception {
        LocalKeyPair.ensure(data);
        Files.delete(data.resolve("keys/public-key.pem"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LocalKeyPair.ensure(data));
        assertTrue(refused.getMessage().contains("restore the other"), refused.getMessage());
        assertFalse(Files.exists(data.resolve("keys/public-key.pem")));
    }
}
