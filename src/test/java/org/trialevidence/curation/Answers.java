package org.trialevidence.curation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bodies of GET requests by path, each checked to answer 200: to compare what two read models serve. */
final class Answers {
    private Answers() {
    }

    static Map<String, String> of(List<String> queries) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String query : queries) {
            var response = given().get(query);
            assertEquals(200, response.statusCode(), query + ": " + response.asString());
            answers.put(query, response.asString());
        }
        return answers;
    }
}
