package org.trialevidence.readmodel;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A kept model says which build made it: the digest of the jar the service runs from. */
class ReadModelBuildTest {

    @Test
    void aResourceInAJarIsOfThatJarsDigest() throws Exception {
        Path jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar));
        assertEquals(HexFormat.of().formatHex(digest).substring(0, 16), ReadModel.buildOf(Test.class.getResource("Test.class")));
    }

    @Test
    void classesFromDirectoriesAreOneBuild() {
        assertEquals("classes", ReadModel.buildOf(ReadModel.class.getClassLoader().getResource("vocabulary/settings.json")));
    }
}
