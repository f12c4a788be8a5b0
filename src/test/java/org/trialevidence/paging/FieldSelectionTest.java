package org.trialevidence.paging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fields= keeps the dotted paths asked for, in JSON and CSV, on every list; an unknown path is a problem naming the allowed ones. */
@QuarkusTest
class FieldSelectionTest {
    /** SERENA-6's PFS as the review prints it: "HR 0.44; 95% CI, 0.31–0.60" (review 002). */
    private static final String SERENA_6_PFS = "/api/v1/results?trial=SERENA-6&endpoint=PFS&population=itt";

    @Test
    void jsonKeepsOnlyTheNamedMembersWithWhatTheyHoldAndKeepsPrintedDecimals() {
        String body = given().get(SERENA_6_PFS + "&fields=trial.acronym,comparison.ciUpper&fields=arms.value").then().statusCode(200)
                .header("X-Total-Count", "1").extract().asString();
        JsonPath json = JsonPath.from(body);
        Map<String, Object> item = json.getMap("items[0]");
        assertEquals(List.of("trial", "arms", "comparison"), List.copyOf(item.keySet()));
        assertEquals(Map.of("acronym", "SERENA-6"), item.get("trial"));
        assertEquals(List.of("ciUpper"), List.copyOf(json.getMap("items[0].comparison").keySet()));
        assertEquals(List.of(Map.of("value", 16.0f), Map.of("value", 9.2f)), json.getList("items[0].arms"));
        assertTrue(body.contains("\"ciUpper\":0.60"), "printed as 0.60: " + body);
        assertEquals(1, json.getInt("totalItems"));
    }

    @Test
    void aMemberKeepsEverythingBelowIt() {
        given().get(SERENA_6_PFS + "&fields=comparison").then().statusCode(200)
                .body("items[0].comparison.hazardRatio", org.hamcrest.Matchers.equalTo(0.44f))
                .body("items[0].comparison.contrast.id", org.hamcrest.Matchers.notNullValue())
                .body("items[0].keySet()", org.hamcrest.Matchers.contains("comparison"));
    }

    @Test
    void csvKeepsTheNamedColumnsAndEveryColumnBelowAPrefix() {
        String csv = given().get(SERENA_6_PFS + "&format=csv&fields=trial.acronym,control&fields=comparison.ciUpper").then().statusCode(200)
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("trial.acronym,control.arm,control.label,control.role,control.drugs,control.measure,control.value,control.unit,"
                + "control.notReached,control.ciLower,control.ciUpper,control.patients,comparison.ciUpper", lines[0]);
        assertTrue(lines[1].startsWith("SERENA-6,") && lines[1].endsWith(",0.60"), lines[1]);
        assertTrue(lines[1].contains(",9.2,months,"), lines[1]);
    }

    @Test
    void theOtherListsTakeFieldsToo() {
        given().get("/api/v1/trials?fields=acronym&size=200").then().statusCode(200)
                .body("items.acronym", hasItem("SERENA-6")).body("items[0].keySet()", org.hamcrest.Matchers.contains("acronym"));
        given().get("/api/v1/trials/SERENA-6/results?endpoint=PFS&fields=id").then().statusCode(200)
                .body("items.id", hasItem("serena-6-pfs-itt")).body("items[0].keySet()", org.hamcrest.Matchers.contains("id"));
        String contrasts = given().get("/api/v1/contrasts?endpoint=PFS&format=csv&size=all&fields=studlab,TE").then().statusCode(200).extract().asString();
        assertEquals("studlab,TE", contrasts.split("\r\n")[0]);
        String arms = given().get(SERENA_6_PFS + "&format=csv&layout=arms&fields=role,value").then().statusCode(200).extract().asString();
        assertEquals(List.of("role,value", "experimental,16.0", "control,9.2"), List.of(arms.split("\r\n")));
    }

    @Test
    void anUnknownFieldIsAProblemListingTheAllowedOnesOfThatRepresentation() {
        given().get(SERENA_6_PFS + "&fields=trial.acronym,hazard").then().statusCode(400).contentType("application/problem+json")
                .body("parameter", org.hamcrest.Matchers.equalTo("fields"))
                .body("detail", containsString("'hazard'"))
                .body("allowedValues", hasItems("trial.acronym", "comparison.hazardRatio", "arms.value"))
                .body("allowedValues", not(hasItem("experimental.value")))
                .body("nearestValues", hasItem("comparison.hazardRatio"));
        given().get(SERENA_6_PFS + "&format=csv&fields=arms.value").then().statusCode(400)
                .body("allowedValues", hasItems("experimental.value", "control", "comparison.hazardRatio"))
                .body("allowedValues", not(hasItem("arms.value")));
    }

    @Test
    void pathsMatchWhateverTheCase() {
        given().get(SERENA_6_PFS + "&fields=Trial.Acronym").then().statusCode(200).body("items[0].trial.acronym", org.hamcrest.Matchers.equalTo("SERENA-6"));
    }
}
