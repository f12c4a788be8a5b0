package org.trialevidence.curation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.trialevidence.entity.Result;
import org.trialevidence.result.ResultViews;
import org.trialevidence.store.RecordStore;
import org.trialevidence.store.TrialRecord;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Large datasets serve pages from the views stored in the result rows. Between a write's commit and the read model's
 * patch (which stores the changed views again) a page reads those rows: a stored view must then either be absent
 * (the page makes it from the row) or say what the row says, also for another trial's result whose conflict list
 * the write changed.
 */
@QuarkusTest
@TestProfile(StoredViewsAfterWriteTest.ViewsInTheDatabase.class)
class StoredViewsAfterWriteTest {

    public static class ViewsInTheDatabase extends CurationTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evidence.read-model.keep-views-up-to", "0");
        }
    }

    @Inject
    EntityManager entityManager;
    @Inject
    RecordStore store;
    @Inject
    WriteValidation validation;
    @Inject
    ResultViews views;

    @Test
    void aNeighbourWhoseConflictsChangedKeepsNoStaleView() {
        // Rolled back at the end: the other tests of this profile see the seeded data.
        QuarkusTransaction.begin();
        try {
            String before = entityManager.find(Result.class, "serena-6-pfs-itt").viewJson;
            assertNotNull(before, "the build stored SERENA-6's view (else this test proves nothing)");

            TrialRecord record = store.lock("ember-3").orElseThrow();
            ObjectNode trial = store.whole(record);
            ((ObjectNode) trial.get("results").get(0)).putArray("conflictsWith").add("serena-6-pfs-itt");
            store.replace(record, validation.check(trial, record.id), "stored-views-test", Instant.now());
            entityManager.flush();

            Result neighbour = entityManager.find(Result.class, "serena-6-pfs-itt");
            assertTrue(neighbour.conflictsWith.contains(trial.get("results").get(0).get("id").asText()), "the write reached the neighbour");
            assertTrue(neighbour.viewJson == null || neighbour.viewJson.equals(views.json(views.view(neighbour)).json()),
                    "stored view of the neighbour is stale: " + neighbour.viewJson);
        } finally {
            QuarkusTransaction.rollback();
        }
    }
}
