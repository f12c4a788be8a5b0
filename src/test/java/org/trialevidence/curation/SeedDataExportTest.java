package org.trialevidence.curation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.trialevidence.auth.TestTokens;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seeding and exporting an unchanged database gives back the repository's seed-data, byte for byte. */
@QuarkusTest
class SeedDataExportTest {

    @Test
    void anUnchangedDatabaseExportsTheSeedDataFilesAsTheyAre() throws IOException {
        byte[] zip = given().header("Authorization", "Bearer " + TestTokens.admin("root")).get("/api/v1/export/seed-data")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, String> exported = new HashMap<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                exported.put(entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> repository = new HashMap<>();
        repository.put("sources.json", Files.readString(Path.of("seed-data/sources.json")));
        try (Stream<Path> files = Files.list(Path.of("seed-data/trials"))) {
            for (Path file : files.toList()) {
                repository.put("trials/" + file.getFileName(), Files.readString(file));
            }
        }
        assertEquals(new TreeSet<>(repository.keySet()), new TreeSet<>(exported.keySet()));
        repository.forEach((name, content) -> assertEquals(content, exported.get(name), name + " differs from the repository's file"));
    }

    @Test
    void onlyAnAdminMayExport() {
        given().get("/api/v1/export/seed-data").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.curator("alice")).get("/api/v1/export/seed-data").then().statusCode(403);
    }
}
