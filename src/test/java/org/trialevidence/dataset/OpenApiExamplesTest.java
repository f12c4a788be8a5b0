package org.trialevidence.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.trialevidence.overview.OpenApiEnrichment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The OpenAPI examples are live answers of the real dataset, not hand-written JSON. */
@QuarkusTest
class OpenApiExamplesTest {
    /** Which request each recorded example answers. */
    private static final Map<String, String> REQUESTS = Map.of(
            "results-serena-6-pfs.json", "/api/v1/results?trial=SERENA-6&endpoint=PFS",
            "trials-inavo-120.json", "/api/v1/trials?q=INAVO 120",
            "trial-serena-6.json", "/api/v1/trials/serena-6",
            "meta-analysis-cdk46i-added-to-et-pfs.json", "/api/v1/meta-analysis?endpoint=PFS&added=CDK4/6i&comparator=endocrine-therapy&setting=metastatic",
            "meta-analysis-pooled.json", "/api/v1/meta-analysis");

    @Test
    void everyExampleEqualsTheLiveAnswer() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (String example : OpenApiEnrichment.EXAMPLES.values()) {
            String body = OpenApiEnrichment.REQUEST_EXAMPLES.entrySet().stream()
                    .filter(request -> example.equals(OpenApiEnrichment.EXAMPLES.get(request.getKey()))).map(Map.Entry::getValue).findFirst().orElse(null);
            String live = (body == null ? given().get(REQUESTS.get(example))
                    : given().contentType("application/json").body(OpenApiEnrichment.read(body).toString()).post(REQUESTS.get(example)))
                    .then().statusCode(200).extract().asString();
            if (Boolean.getBoolean("openapi.update")) {
                Files.writeString(Path.of("src/main/resources/openapi-examples", example),
                        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(live)) + "\n");
                continue;
            }
            JsonNode recorded = OpenApiEnrichment.read(example);
            assertEquals(recorded, mapper.readTree(live), example + " is stale; refresh with: openapi/refresh");
        }
    }

    @Test
    void examplesAndAllowedCodesAreInTheDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("Recorded from the real dataset"))
                .body(containsString("Allowed codes: HR-positive, ER-positive"));
    }
}
