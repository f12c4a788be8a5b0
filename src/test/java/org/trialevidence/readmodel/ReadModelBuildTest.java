package org.trialevidence.readmodel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A kept model says which build made it: the digest of the jar the service runs from. */
class ReadModelBuildTest {

    @Test
    void aResourceInAJarIsOfThatJarsDigest() throws Exception {
        Path jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar));
        assertEquals(HexFormat.of().formatHex(digest).substring(0, 16), ReadModel.buildOf(Test.class.getResource("Test.class")));
    }

    @Test
    void inQuarkusLayoutTheLibrariesAndTheTransformedBytecodeCountToo(@TempDir Path application) throws Exception {
        Files.createDirectories(application.resolve("app"));
        Files.createDirectories(application.resolve("lib/main"));
        Files.createDirectories(application.resolve("quarkus"));
        Files.writeString(application.resolve("quarkus-run.jar"), "runner");
        Path jar = Files.writeString(application.resolve("app/trial-evidence-api.jar"), "application");
        Files.writeString(application.resolve("lib/main/com.fasterxml.jackson.core.jackson-databind-2.18.0.jar"), "library");
        Files.writeString(application.resolve("quarkus/transformed-bytecode.jar"), "transformed");
        URL resource = new URL("jar:" + jar.toUri() + "!/vocabulary/settings.json");

        String build = ReadModel.buildOf(resource);
        assertEquals(build, ReadModel.buildOf(resource), "the same files are the same build");
        Files.move(application.resolve("lib/main/com.fasterxml.jackson.core.jackson-databind-2.18.0.jar"),
                application.resolve("lib/main/com.fasterxml.jackson.core.jackson-databind-2.19.0.jar"));
        String upgraded = ReadModel.buildOf(resource);
        assertNotEquals(build, upgraded, "a library of another version");
        Files.writeString(application.resolve("quarkus/transformed-bytecode.jar"), "transformed again");
        assertNotEquals(upgraded, ReadModel.buildOf(resource), "other transformed bytecode");
    }

    @Test
    void classesFromDirectoriesAreOneBuild() {
        assertEquals("classes", ReadModel.buildOf(ReadModel.class.getClassLoader().getResource("vocabulary/settings.json")));
    }
}
