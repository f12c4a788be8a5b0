package org.trialevidence.curation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.trialevidence.auth.TestTokens;
import org.trialevidence.entity.Arm;
import org.trialevidence.entity.Result;
import org.trialevidence.entity.Trial;
import org.trialevidence.seeding.TrialValidation;
import org.trialevidence.store.RecordStore;
import org.trialevidence.store.ResultRecord;
import org.trialevidence.store.TrialAssembler;
import org.trialevidence.store.TrialRecord;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write brings the trial's rows in the query tables to its record in place, changing only what differs. After
 * every kind of write, those rows must be the ones the record makes when written from nothing (the seeding path):
 * every column, element collection, arm, and result, with the versions of the records and the conflict lists.
 */
@QuarkusTest
@TestProfile(CurationTestProfile.class)
class IncrementalProjectionTest {
    private static final String DROPPED_ARM = "imlunestrant-abemaciclib";

    @Inject
    EntityManager entityManager;
    @Inject
    RecordStore store;

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json").queryParam("reason", "projection test");
    }

    private static RequestSpecification curator() {
        return as(TestTokens.curator("projection-test"));
    }

    @Test
    void rowsAfterEachWriteEqualThoseWrittenFromNothing() {
        ObjectNode trial = SeedRecords.copyOf("ember-3", "projected-a");
        String tag = curator().body(trial.toString()).post("/api/v1/trials").then().statusCode(201).extract().header("ETag");
        assertFresh("projected-a");

        trial.put("sponsor", "Projected sponsor");
        ((ArrayNode) trial.get("aliases")).add("PROJECTED ALT");
        tag = put(trial, tag);

        // Results reordered, one without its comparison, texts changed; an arm relabelled with one drug fewer.
        ArrayNode results = (ArrayNode) trial.get("results");
        ObjectNode last = (ObjectNode) results.remove(results.size() - 1);
        results.insert(0, last);
        ((ObjectNode) results.get(1).get("analysis")).put("description", "projection test: changed description");
        ((ObjectNode) results.get(2).get("population")).put("label", "projection test: changed label");
        ObjectNode arm = (ObjectNode) trial.get("arms").get(2);
        arm.put("label", "Projected label");
        ((ArrayNode) arm.get("drugs")).remove(((ArrayNode) arm.get("drugs")).size() - 1);
        tag = put(trial, tag);

        // An arm dropped with every result, contrast and safety entry naming it: the trial's rows are written anew.
        trial.set("results", array(results, result -> !result.toString().contains("\"" + DROPPED_ARM + "\"")));
        trial.set("safety", array((ArrayNode) trial.get("safety"), entry -> !entry.toString().contains("\"" + DROPPED_ARM + "\"")));
        trial.set("arms", array((ArrayNode) trial.get("arms"), candidate -> !candidate.path("id").asText().equals(DROPPED_ARM)));
        tag = put(trial, tag);
        assertEquals(2, count("select count(a) from Arm a where a.trial.id = 'projected-a'"));

        // A conflict declared against another trial's result reaches that result's list, and leaves it when withdrawn.
        ((ObjectNode) trial.get("results").get(0)).putArray("conflictsWith").add("serena-6-pfs-itt");
        tag = put(trial, tag);
        assertFresh("serena-6");
        assertTrue(conflictsOf("serena-6-pfs-itt").contains(trial.get("results").get(0).get("id").asText()));
        ((ObjectNode) trial.get("results").get(0)).remove("conflictsWith");
        tag = put(trial, tag);
        assertFresh("serena-6");
        assertFalse(conflictsOf("serena-6-pfs-itt").contains(trial.get("results").get(0).get("id").asText()));

        // A conflict within the trial moves from one declaring result to another: the result they name is unchanged,
        // and its list must name the new one only.
        ArrayNode kept = (ArrayNode) trial.get("results");
        String named = kept.get(0).get("id").asText();
        ((ObjectNode) kept.get(1)).putArray("conflictsWith").add(named);
        tag = put(trial, tag);
        assertEquals(List.of(kept.get(1).get("id").asText()), conflictsOf(named));
        ((ObjectNode) kept.get(1)).remove("conflictsWith");
        ((ObjectNode) kept.get(2)).putArray("conflictsWith").add(named);
        tag = put(trial, tag);
        assertEquals(List.of(kept.get(2).get("id").asText()), conflictsOf(named));

        // A result deleted and restored; the whole trial deleted and restored.
        String resultId = trial.get("results").get(1).get("id").asText();
        String admin = TestTokens.admin("projection-test");
        as(admin).header("If-Match", "\"result-" + resultId + "-v" + version(resultId) + "\"")
                .delete("/api/v1/trials/projected-a/results/" + resultId).then().statusCode(204);
        assertFresh("projected-a");
        as(admin).post("/api/v1/trials/projected-a/results/" + resultId + "/restore").then().statusCode(200);
        assertFresh("projected-a");
        tag = given().get("/api/v1/trials/projected-a/document").then().extract().header("ETag");
        as(admin).header("If-Match", tag).delete("/api/v1/trials/projected-a").then().statusCode(204);
        assertEquals(0, count("select count(t) from Trial t where t.id = 'projected-a'"));
        as(admin).post("/api/v1/trials/projected-a/restore").then().statusCode(200);
        assertFresh("projected-a");
    }

    private String put(ObjectNode trial, String tag) {
        String next = curator().header("If-Match", tag).body(trial.toString()).put("/api/v1/trials/projected-a").then().statusCode(200).extract().header("ETag");
        assertFresh("projected-a");
        return next;
    }

    private static ArrayNode array(ArrayNode items, Predicate<JsonNode> kept) {
        ArrayNode copy = TrialValidation.MAPPER.createArrayNode();
        items.forEach(item -> {
            if (kept.test(item)) {
                copy.add(item);
            }
        });
        return copy;
    }

    /**
     * The trial's rows as the database holds them equal those its record makes from nothing, with the versions of its
     * records and the conflict lists the records declare (either side declares, both served), computed here anew.
     */
    private void assertFresh(String trialId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Trial held = entityManager.find(Trial.class, trialId);
            TrialRecord record = entityManager.find(TrialRecord.class, trialId);
            Trial fresh = TrialAssembler.assemble(RecordStore.toSeed(store.whole(record)), declaredConflicts());
            assertEquals(rows(fresh), rows(held), trialId);
            assertEquals(record.version, held.version, trialId + " version");
            for (Result result : held.results) {
                assertEquals(entityManager.find(ResultRecord.class, result.id).version, result.version, result.id + " version");
            }
        });
    }

    /** Each served result's conflicts: results it declares or that declare it, both served, by result id. */
    private Map<String, Set<String>> declaredConflicts() {
        Set<String> served = Set.copyOf(entityManager.createQuery("""
                select r.id from ResultRecord r, TrialRecord t where t.id = r.trialId and r.deleted = false and t.deleted = false""", String.class)
                .getResultList());
        Map<String, Set<String>> conflicts = new HashMap<>();
        entityManager.createQuery("select r.id, other from ResultRecord r join r.declaredConflicts other", Object[].class).getResultList()
                .forEach(pair -> {
                    String declaring = (String) pair[0];
                    String other = (String) pair[1];
                    if (served.contains(declaring) && served.contains(other)) {
                        conflicts.computeIfAbsent(declaring, id -> new TreeSet<>()).add(other);
                        conflicts.computeIfAbsent(other, id -> new TreeSet<>()).add(declaring);
                    }
                });
        return conflicts;
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(query, Long.class).getSingleResult());
    }

    private List<String> conflictsOf(String resultId) {
        return QuarkusTransaction.requiringNew().call(() -> List.copyOf(entityManager.find(Result.class, resultId).conflictsWith));
    }

    private long version(String resultId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.find(ResultRecord.class, resultId).version);
    }

    /** Every mapped value of the trial's rows (versions aside), numbers by value, sets in any order, arms by their ids. */
    private static Map<String, Object> rows(Trial trial) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("trial", Arrays.asList(trial.id, trial.acronym, trial.title, trial.studyType, String.valueOf(trial.phase), String.valueOf(trial.designNotes),
                String.valueOf(trial.sponsor), String.valueOf(trial.yearsConducted), String.valueOf(trial.status), trial.setting,
                String.valueOf(trial.lineOfTherapy), String.valueOf(trial.population), String.valueOf(trial.menopausalStatus), trial.searchText));
        rows.put("names", trial.names.stream().map(name -> name.name() + "|" + name.nameKey() + "|" + name.nameSkeleton() + "|" + name.curated())
                .collect(Collectors.toCollection(TreeSet::new)));
        rows.put("biomarkers", new TreeSet<>(trial.biomarkers));
        rows.put("json", json(Arrays.asList(trial.enrolment, trial.approvals, trial.guideline, trial.safety, trial.sources,
                trial.curationNotes, trial.contrastOverrides)));
        rows.put("arms", trial.arms.stream().sorted(Comparator.comparingInt(arm -> arm.position))
                .map(arm -> Arrays.asList(arm.armId, arm.label, arm.role, String.valueOf(arm.dose), arm.position, new ArrayList<>(arm.drugs))).toList());
        List<Object> results = new ArrayList<>();
        trial.results.stream().sorted(Comparator.comparingInt(result -> result.position)).forEach(result -> results.add(Arrays.asList(
                result.id, result.position, result.endpoint, String.valueOf(result.timepoint), String.valueOf(result.populationType),
                String.valueOf(result.populationLabel), new TreeSet<>(result.populationBiomarkers), String.valueOf(result.analysisType),
                String.valueOf(result.assessor), String.valueOf(result.analysisDescription), armId(result.experimentalArm), armId(result.controlArm),
                new TreeSet<>(result.arms().stream().map(IncrementalProjectionTest::armId).toList()), String.valueOf(result.effectMeasure),
                number(result.estimate), number(result.ciLower), number(result.ciUpper), number(result.ciLevel), String.valueOf(result.pValueText),
                number(result.pValue), String.valueOf(result.pValueComparator), String.valueOf(result.significant), result.conflicting,
                String.valueOf(result.rawText), json(Arrays.asList(result.armValues, result.sources, result.corrections,
                        result.disputedBy, result.notes, result.suspect)), new TreeSet<>(result.conflictsWith), String.valueOf(result.viewJson))));
        rows.put("results", results);
        return rows;
    }

    private static String armId(Arm arm) {
        return arm == null ? "-" : arm.armId;
    }

    private static String number(BigDecimal number) {
        return number == null ? "-" : number.stripTrailingZeros().toPlainString();
    }

    private static String json(Object value) {
        try {
            return TrialValidation.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
