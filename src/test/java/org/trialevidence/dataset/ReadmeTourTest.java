package org.trialevidence.dataset;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.trialevidence.auth.TestTokens;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every curl in README.md does what README says: the status its comment names (200 when it names none), and a
 * list example returns at least one item. A curl that sends README's {@code $TOKEN} is sent with a curator's token.
 */
@QuarkusTest
class ReadmeTourTest {
    private static final Pattern CURL = Pattern.compile(
            "curl -s 'http://localhost:8080([^'?]+)(?:\\?([^']*))?'( -H \"Authorization: Bearer \\$TOKEN\")?\\s*(?:#\\s*(\\d{3})?)?");

    @Test
    void everyCurlInTheReadmeAnswersAsDocumented() throws IOException {
        List<String> checked = new ArrayList<>();
        Matcher matcher = CURL.matcher(Files.readString(Path.of("README.md")));
        while (matcher.find()) {
            String path = matcher.group(1);
            int expected = matcher.group(4) == null ? 200 : Integer.parseInt(matcher.group(4));
            var request = given().urlEncodingEnabled(false);
            if (matcher.group(3) != null) {
                request = request.auth().oauth2(TestTokens.curator("alice"));
            }
            if (matcher.group(2) != null) {
                for (String pair : matcher.group(2).split("&")) {
                    String[] nameValue = pair.split("=", 2);
                    request = request.queryParam(nameValue[0], nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8).replace(" ", "%20") : "");
                }
            }
            Response response = request.get(path);
            assertEquals(expected, response.statusCode(), matcher.group());
            if (expected == 200 && response.asString().startsWith("{\"items\"")) {
                assertFalse(response.jsonPath().getList("items").isEmpty(), "README example returns nothing: " + matcher.group());
            }
            if (expected >= 400) {
                assertEquals("application/problem+json", response.contentType(), matcher.group());
            }
            checked.add(matcher.group());
        }
        assertTrue(checked.size() >= 20, "expected the README tour, found " + checked.size() + " curl examples");
    }
}
