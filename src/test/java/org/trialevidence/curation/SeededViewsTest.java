package org.trialevidence.curation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.trialevidence.entity.Result;
import org.trialevidence.result.ResultViews;
import org.trialevidence.seeding.TrialValidation;
import org.trialevidence.store.RecordStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeding a large dataset stores each result with its view, made from the entities about to be written instead of
 * read back: that view must be the very one the stored rows make, or pages read from the database would serve
 * another answer than the index (and the first build would write every row again). Every real trial is seeded under
 * a new name, with its conflicts, in a transaction that is rolled back.
 */
@QuarkusTest
class SeededViewsTest {
    private static final String COPY = "seeded-view-";

    @Inject
    RecordStore store;
    @Inject
    ResultViews views;
    @Inject
    EntityManager entityManager;

    @Test
    void theViewSeededWithEachResultIsTheViewItsStoredRowMakes() throws IOException {
        List<String> trialIds;
        try (Stream<Path> files = Files.list(Path.of("seed-data/trials"))) {
            trialIds = files.map(file -> file.getFileName().toString().replace(".json", "")).sorted().toList();
        }
        QuarkusTransaction.begin();
        try {
            Map<String, Set<String>> conflicts = conflictsOfTheCopies();
            Instant now = Instant.now();
            for (String trialId : trialIds) {
                ObjectNode copy = SeedRecords.copyOf(trialId, COPY + trialId);
                store.insertSeeded(new TrialValidation.Checked(RecordStore.toSeed(copy), copy), conflicts, true, "seeded-views-test", now);
            }
            ObjectNode withoutViews = SeedRecords.copyOf("serena-6", "seeded-without-views");
            store.insertSeeded(new TrialValidation.Checked(RecordStore.toSeed(withoutViews), withoutViews), Map.of(), false, "seeded-views-test", now);
            entityManager.flush();
            entityManager.clear();

            List<Result> seeded = entityManager.createQuery("select r from Result r join fetch r.trial t where t.id like :copies order by r.id", Result.class)
                    .setParameter("copies", COPY + "%").getResultList();
            long expected = (Long) entityManager.createQuery("select count(r) from Result r where r.trial.id not like 'seeded-%'").getSingleResult();
            assertEquals(expected, seeded.size(), "every real result is seeded once more under its copy's name");
            assertTrue(seeded.stream().anyMatch(result -> !result.conflictsWith.isEmpty()), "conflicts are part of what is compared");
            for (Result result : seeded) {
                assertEquals(views.jsonOf(result), result.viewJson, result.id);
            }
            entityManager.createQuery("select r from Result r where r.trial.id = 'seeded-without-views'", Result.class).getResultList()
                    .forEach(result -> assertNull(result.viewJson, result.id + ": a small dataset's pages are served from memory, no view is stored"));
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** The conflicts of the real results, between their copies (a copy's result id is its trial's new id, a dash, its own). */
    private Map<String, Set<String>> conflictsOfTheCopies() {
        Map<String, String> trialOfResult = new HashMap<>();
        entityManager.createQuery("select r.id, r.trial.id from Result r", Object[].class).getResultList()
                .forEach(row -> trialOfResult.put((String) row[0], (String) row[1]));
        Map<String, Set<String>> conflicts = new HashMap<>();
        entityManager.createQuery("select r from Result r", Result.class).getResultList().forEach(result -> result.conflictsWith.forEach(other ->
                conflicts.computeIfAbsent(copyOf(trialOfResult, result.id), id -> new LinkedHashSet<>()).add(copyOf(trialOfResult, other))));
        return conflicts;
    }

    private static String copyOf(Map<String, String> trialOfResult, String resultId) {
        return COPY + trialOfResult.get(resultId) + "-" + resultId;
    }
}
