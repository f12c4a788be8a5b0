package org.trialevidence.paging;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A script follows Link headers from the first page to the last and gets every match once, in JSON and in CSV. */
@QuarkusTest
class PagingHeadersTest {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"(\\w+)\"");

    static Map<String, String> links(Response response) {
        Map<String, String> links = new LinkedHashMap<>();
        String header = response.header("Link");
        if (header != null) {
            Matcher matcher = LINK.matcher(header);
            while (matcher.find()) {
                links.put(matcher.group(2), matcher.group(1));
            }
        }
        return links;
    }

    static List<CSVRecord> csv(String body) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(body), CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build())) {
            return parser.getRecords();
        }
    }

    @Test
    void followingNextVisitsEveryTrialOnceAndKeepsTheFilters() throws IOException {
        String first = "/api/v1/trials?drugClass=CDK4/6i&size=7&sort=acronym";
        List<String> paged = new ArrayList<>();
        String next = first;
        int pages = 0;
        Response response = null;
        while (next != null) {
            response = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().response();
            assertTrue(next.contains("drugClass=CDK4/6i") && next.contains("size=7") && next.contains("sort=acronym"), next);
            paged.addAll(response.jsonPath().getList("items.id", String.class));
            assertEquals(response.jsonPath().getLong("totalItems"), Long.parseLong(response.header("X-Total-Count")));
            assertEquals(String.valueOf(pages), response.header("X-Page"));
            next = links(response).get("next");
            pages++;
        }
        assertTrue(pages > 1, "the filter matches more than one page of 7");
        assertEquals(String.valueOf(pages), response.header("X-Total-Pages"));
        assertNull(links(response).get("next"));
        assertTrue(links(response).get("last").contains("page=" + (pages - 1)));
        List<String> all = csv(given().urlEncodingEnabled(false).get("/api/v1/trials?drugClass=CDK4/6i&sort=acronym&format=csv&size=all").asString())
                .stream().map(row -> row.get("id")).toList();
        assertEquals(all, paged, "the pages together are every match once, in order");
        assertEquals(paged.size(), Integer.parseInt(response.header("X-Total-Count")));
    }

    @Test
    void aCsvPageSaysItIsAPageAndSizeAllSaysItIsEverything() throws IOException {
        Response page = given().urlEncodingEnabled(false).get("/api/v1/results?endpoint=PFS&format=csv&page=1&size=10");
        page.then().statusCode(200);
        assertEquals("1", page.header("X-Page"));
        assertEquals("10", page.header("X-Page-Size"));
        int total = Integer.parseInt(page.header("X-Total-Count"));
        assertTrue(total > 20);
        assertEquals(10, csv(page.asString()).size());
        Map<String, String> links = links(page);
        assertEquals("/api/v1/results?endpoint=PFS&format=csv&size=10&page=0", links.get("first"));
        assertEquals("/api/v1/results?endpoint=PFS&format=csv&size=10&page=0", links.get("prev"));
        assertEquals("/api/v1/results?endpoint=PFS&format=csv&size=10&page=2", links.get("next"));
        assertEquals("/api/v1/results?endpoint=PFS&format=csv&size=10&page=" + ((total - 1) / 10), links.get("last"));

        Response all = given().urlEncodingEnabled(false).get("/api/v1/results?endpoint=PFS&format=csv&size=all");
        assertEquals("all", all.header("X-Page"));
        assertEquals(String.valueOf(total), all.header("X-Total-Count"));
        assertNull(all.header("Link"), "every match: there is no other page");
        assertEquals(total, csv(all.asString()).size());
    }

    @Test
    void emptyListsAndContrastsCarryTheHeadersToo() {
        Response empty = given().urlEncodingEnabled(false).get("/api/v1/results?trial=SERENA-4");
        empty.then().statusCode(200);
        assertEquals("0", empty.header("X-Total-Count"));
        assertEquals("/api/v1/results?trial=SERENA-4&page=0", links(empty).get("last"));
        assertFalse(links(empty).containsKey("next"));
        Response contrasts = given().urlEncodingEnabled(false).get("/api/v1/contrasts?endpoint=PFS&size=2");
        assertEquals(contrasts.jsonPath().getString("totalItems"), contrasts.header("X-Total-Count"));
        assertEquals("/api/v1/contrasts?endpoint=PFS&size=2&page=1", links(contrasts).get("next"));
    }
}
