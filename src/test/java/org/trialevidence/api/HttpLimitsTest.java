package org.trialevidence.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.trialevidence.auth.TestTokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP limits of README's "HTTP limits": refusals answered as problems where a route can still answer them, and
 * as bare statuses (then the connection closes) where Vert.x refuses a request before any route sees it.
 */
@QuarkusTest
class HttpLimitsTest {
    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aBodyDeclaredTooLargeIsAProblemBeforeItIsRead() {
        given().header("Authorization", "Bearer " + TestTokens.curator("mallory")).contentType("application/json")
                .queryParam("reason", "big").body("x".repeat(600_000)).post("/api/v1/trials")
                .then().statusCode(413).contentType(PROBLEM).body("parameter", equalTo("Content-Length"))
                .body("detail", containsString("524288"));
    }

    @Test
    void aCrossOriginWriteIsAProblemNamingTheAllowedMethods() {
        given().header("Origin", "https://evil.example").header("Authorization", "Bearer " + TestTokens.curator("mallory"))
                .contentType("application/json").body("{}").put("/api/v1/trials/serena-6")
                .then().statusCode(403).contentType(PROBLEM).body("parameter", equalTo("Origin"))
                .body("allowedValues", hasItem("GET"));
        given().header("Origin", "https://evil.example").delete("/api/v1/trials/serena-6").then().statusCode(403).contentType(PROBLEM);
        given().header("Origin", "https://evil.example").get("/api/v1/trials/serena-6").then().statusCode(200);
        given().contentType("application/json").body("{}").put("/api/v1/trials/serena-6").then().statusCode(401);
        given().header("Origin", "https://evil.example").header("Authorization", "Bearer " + TestTokens.curator("mallory"))
                .contentType("application/json").body("{}").queryParam("reason", "r").post("/api/v1/trials").then().statusCode(403).contentType(PROBLEM);
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").options("/api/v1/trials")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aPageOnAnotherOriginMayPoolStudies() {
        given().header("Origin", "https://analyst.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").options("/api/v1/meta-analysis")
                .then().statusCode(200).header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://analyst.example").contentType("application/json")
                .body("{\"studies\": [{\"hazardRatio\": 0.5, \"ciLower\": 0.3, \"ciUpper\": 0.8}, {\"hazardRatio\": 0.6, \"ciLower\": 0.4, \"ciUpper\": 0.9}]}")
                .post("/api/v1/meta-analysis").then().statusCode(200).header("Access-Control-Allow-Origin", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aRequestLineOrHeadersTooLongAreRefusedByStatus() throws IOException {
        assertTrue(rawStatusLine("GET /api/v1/trials?q=" + "x".repeat(9000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").contains(" 414"));
        assertTrue(rawStatusLine("GET /api/v1/trials HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "y".repeat(17_000) + "\r\n\r\n").contains(" 431"));
    }

    private String rawStatusLine(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n' && line.length() < 200; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }
}
