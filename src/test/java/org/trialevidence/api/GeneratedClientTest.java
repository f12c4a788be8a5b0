package org.trialevidence.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.trialevidence.client.ApiClient;
import org.trialevidence.client.ApiException;
import org.trialevidence.client.api.ResultsApi;
import org.trialevidence.client.api.TrialsApi;
import org.trialevidence.client.model.Comparison;
import org.trialevidence.client.model.ResultPage;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A Java client generated from the committed openapi/openapi.yaml by openapi-generator (pom: test-client, into
 * target/generated-test-sources) compiles and answers real queries against the test service: the document is
 * usable by a standard generator, not only by Swagger UI.
 */
@QuarkusTest
class GeneratedClientTest {

    private static ApiClient client() {
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        return new ApiClient().setScheme(base.getScheme()).setHost(base.getHost()).setPort(base.getPort());
    }

    /** SERENA-6 PFS: HR 0.44 (95% CI 0.31-0.60), as the review prints it. */
    @Test
    void searchResultsAnswersTheEvidenceQuery() throws ApiException {
        ResultPage page = new ResultsApi(client()).searchResults(ResultsApi.APISearchResultsRequest.newBuilder()
                .trial(List.of("SERENA-6")).endpoint(List.of("PFS")).population("itt").build());
        assertEquals(1, page.getItems().size(), "SERENA-6 has one ITT PFS result");
        Comparison comparison = page.getItems().get(0).getComparison();
        assertEquals("HR", comparison.getEffectMeasure());
        assertEquals(0, new BigDecimal("0.44").compareTo(comparison.getHazardRatio()));
        assertEquals(0, new BigDecimal("0.31").compareTo(comparison.getCiLower()));
        assertEquals(0, new BigDecimal("0.60").compareTo(comparison.getCiUpper()));
    }

    @Test
    void aProblemAnswerReachesTheCallerAsAnException() {
        ApiException e = assertThrows(ApiException.class, () -> new TrialsApi(client()).getTrial("no-such-trial"));
        assertEquals(404, e.getCode());
    }
}
