package org.trialevidence.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.trialevidence.auth.TestTokens;

import java.io.IOException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Swagger UI in a real headless browser (Debian's chromium driven by playwright-core, src/test/js/swagger-ui.mjs):
 * every GET operation, "Try it out" and "Execute" with the values the document pre-fills, must answer 2xx in time.
 * Catches what a document check cannot: Swagger UI refusing a parameter value (a string example on a list hangs the
 * request), pre-filled values that combine to an error, an operation that needs a value nobody filled in. The
 * operations that need a token run after the script authorizes with an administrator's token.
 */
@QuarkusTest
class SwaggerUiTest {

    @Test
    void everyGetOperationAnswersFromTryItOut() throws IOException, InterruptedException {
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        NodeScript run = NodeScript.run(600, NodeScript.DIRECTORY.resolve("swagger-ui.mjs").toString(), base, TestTokens.admin("swagger-ui"));
        assertEquals(0, run.exitCode(), run.output());
        String summary = run.output().strip().lines().reduce((first, second) -> second).orElseThrow();
        assertEquals(getOperations(), new JsonPath(summary).getList("ran").size(), "every GET operation ran:\n" + run.output());
    }

    private static long getOperations() {
        Map<String, Map<String, Object>> paths = new JsonPath(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString()).getMap("paths");
        return paths.values().stream().filter(operations -> operations.containsKey("get")).count();
    }
}
