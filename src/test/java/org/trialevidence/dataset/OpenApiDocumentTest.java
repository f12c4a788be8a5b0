package org.trialevidence.dataset;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Swagger UI's "Try it out" pre-fills a parameter's example and cannot parse a single string for a list (the
     * request never leaves): a repeatable parameter's example is a list, or it sits on its items and fills nothing.
     * Single-valued filters (conflicting, significant, population, ...) have none: pre-filled, they would narrow
     * the first answer; their descriptions give the values.
     */
    @Test
    void everyParameterIsDescribedAndListsHaveListExamples() {
        eachOperation((path, method, operation) -> {
            Object parameters = operation.get("parameters");
            if (parameters instanceof List<?> list) {
                for (Object parameter : list) {
                    Map<?, ?> p = (Map<?, ?>) parameter;
                    String where = method + " " + path + " " + p.get("name");
                    assertTrue(p.get("description") != null && !p.get("description").toString().isBlank(), where + " has no description");
                    Map<?, ?> schema = (Map<?, ?>) p.get("schema");
                    if ("array".equals(schema.get("type"))) {
                        Map<?, ?> items = (Map<?, ?>) schema.get("items");
                        assertTrue(p.get("example") instanceof List<?> || items.get("examples") instanceof List<?>, where + " has no list example");
                        assertTrue(p.get("example") == null || p.get("example") instanceof List<?>, where + ": a list takes a list example");
                    }
                }
            }
        });
    }

    /** Generated clients name their methods by operationId; without one they get names like get_api_v1_dataset. */
    @Test
    void everyOperationHasAnOperationId() {
        Set<String> ids = new HashSet<>();
        eachOperation((path, method, operation) -> {
            Object id = operation.get("operationId");
            assertTrue(id instanceof String s && !s.isBlank(), method + " " + path + " has no operationId");
            assertTrue(ids.add((String) id), "operationId " + id + " is used twice");
        });
    }

    /** Reading first, in the order of the README's tour; the curation writes last. */
    @Test
    void tagsAreInTheOrderAReaderNeedsThem() {
        assertEquals(List.of("Trials", "Results", "Analysis", "Vocabulary", "Dataset", "Export", "FHIR", "Curation", "Curation access"),
                served().getList("tags.name"));
    }

    private interface OperationVisitor {
        void visit(String path, String method, Map<String, Object> operation);
    }

    private static void eachOperation(OperationVisitor visitor) {
        Map<String, Map<String, Map<String, Object>>> paths = served().getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> visitor.visit(path, method, operation)));
    }

    private static JsonPath served() {
        return new JsonPath(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
    }
}
