package org.trialevidence.dataset;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** openapi/openapi.yaml is the committed contract; it must equal what the service serves. */
@QuarkusTest
class OpenApiDocumentTest {
    static final Path COMMITTED = Path.of("openapi/openapi.yaml");

    @Test
    void committedDocumentEqualsTheServedOne() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served);
        }
        assertTrue(Files.exists(COMMITTED), "missing " + COMMITTED + "; write it with: openapi/refresh");
        assertEquals(Files.readString(COMMITTED), served,
                "openapi/openapi.yaml differs from the served document; review the change and refresh it with: openapi/refresh");
    }

    @Test
    void everyQueryParameterIsDescribedWithAnExample() {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        io.restassured.path.json.JsonPath document = new io.restassured.path.json.JsonPath(served);
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = document.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Object parameters = operation.get("parameters");
            if (parameters instanceof java.util.List<?> list) {
                for (Object parameter : list) {
                    java.util.Map<?, ?> p = (java.util.Map<?, ?>) parameter;
                    assertTrue(p.get("description") != null && !p.get("description").toString().isBlank(), path + " " + p.get("name") + " has no description");
                    assertTrue(p.get("example") != null, path + " " + p.get("name") + " has no example");
                }
            }
        }));
    }
}
