package org.trialevidence.curation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.trialevidence.dataset.DatasetState;
import org.trialevidence.entity.Result;
import org.trialevidence.readmodel.ReadModels;
import org.trialevidence.result.ResultViews;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first read models of a database the service seeds are made from the trials as seeding writes them, not read
 * back: every answer they give must be the one models built from the database give for the same records. The build
 * is forced the way a replica meets it, by a version the change log does not explain. Each profile starts a service
 * of its own, so its models are the ones its seeding made: {@link SeededReadModelsTest} keeps every view in memory (the
 * real dataset's size), {@link SeededStoredViewsReadModelsTest} reads pages from the views seeding stored.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SeededReadModelsCheck {
    /** Whether pages of the profile's dataset are read from the views stored in the results' rows. */
    abstract boolean pagesReadStoredViews();

    /** Every result and trial, in JSON and CSV, each filter the indexes answer from postings, each sort, an analysis. */
    static final List<String> QUERIES = List.of(
            "/api/v1/results?studyType=all&size=all&format=csv",
            "/api/v1/results?biomarker=ESR1&endpoint=PFS",
            "/api/v1/results?drugClass=CDK4/6i&setting=metastatic&sort=hazardRatio&size=100",
            "/api/v1/results?drug=ribociclib&sort=-estimate&size=100",
            "/api/v1/results?sort=-pValue&size=100",
            "/api/v1/results?conflicting=true&size=100",
            "/api/v1/results?significant=false&sort=estimate&size=100",
            "/api/v1/results?added=CDK4/6i&comparator=endocrine-therapy&size=100",
            "/api/v1/results?trial=SERENA-6&trial=inavo-120",
            "/api/v1/meta-analysis?drugClass=CDK4/6i&endpoint=PFS&setting=metastatic",
            "/api/v1/contrasts?size=all&format=csv",
            "/api/v1/trials?size=all&format=csv",
            "/api/v1/trials?size=200",
            "/api/v1/trials?sort=-results&size=100",
            "/api/v1/trials?q=ribociclib",
            "/api/v1/trials?drugClass=CDK4/6i&biomarker=ESR1",
            "/api/v1/trials/SERENA-6",
            "/api/v1/trials/monaleesa-2",
            "/api/v1/vocabulary/biomarkers",
            "/api/v1/vocabulary/drugClasses",
            "/api/v1/vocabulary/drugs",
            "/api/v1/vocabulary/endpoints",
            "/api/v1/vocabulary/settings");

    @Inject
    ReadModels readModels;
    @Inject
    ResultViews views;
    @Inject
    EntityManager entityManager;

    /**
     * Seeding stores the view the results model made of each result before inserting it (or none, when pages are served
     * from memory): it must be the very view the stored row makes, or pages read from the database would give another
     * answer than the index. Read before the other test builds the models, which stores views again.
     */
    @Test
    @Order(1)
    void seedingStoredTheViewEachStoredRowMakes() {
        assertEquals(Set.of("Results", "Trials"), readModels.heldFromSeeding(), "both models held are the ones seeding made");
        QuarkusTransaction.requiringNew().run(() -> {
            List<Result> stored = entityManager.createQuery("select r from Result r join fetch r.trial", Result.class).getResultList();
            assertTrue(stored.size() > 300, "the real dataset's results are stored");
            assertTrue(stored.stream().anyMatch(result -> !result.conflictsWith.isEmpty()), "conflicts are part of what is compared");
            for (Result result : stored) {
                if (pagesReadStoredViews()) {
                    assertEquals(views.jsonOf(result), result.viewJson, result.id);
                } else {
                    assertNull(result.viewJson, result.id + ": a small dataset's pages are served from memory, no view is stored");
                }
            }
        });
    }

    @Test
    @Order(2)
    void answersOfTheModelsSeedingMadeEqualThoseOfAFullBuild() throws Exception {
        assertEquals(Set.of("Results", "Trials"), readModels.heldFromSeeding(), "both models held are the ones seeding made");
        List<String> queries = new ArrayList<>(QUERIES);
        int results = Integer.parseInt(given().get("/api/v1/results?studyType=all&size=1").header("X-Total-Count"));
        for (int page = 0; page * 100 < results; page++) {
            queries.add("/api/v1/results?studyType=all&size=100&page=" + page);
        }
        Map<String, String> seeded = Answers.of(queries);
        String seededVersion = given().get("/api/v1/dataset").then().extract().path("version");

        QuarkusTransaction.requiringNew().run(() -> DatasetState.lockForWrite().advance(Instant.now()));
        Thread.sleep(1_200); // the version read from the database is trusted for a second
        assertNotEquals(seededVersion, given().get("/api/v1/dataset").then().extract().path("version"));
        Map<String, String> built = Answers.of(queries);
        assertEquals(Set.of(), readModels.heldFromSeeding(), "both models were built from the database");

        assertEquals(seeded.keySet(), built.keySet());
        seeded.forEach((query, body) -> assertEquals(built.get(query), body, query));
    }
}
