package org.trialevidence.seeding;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of seed-data fault rejects the whole directory with the file and JSON path named. The faults are made
 * by editing a copy of a minimal valid record whose excerpts come from a small review text written here.
 */
class SeedDataFaultTest {
    private static final String DOCUMENT = "002_68e141cf09b578c4.txt";
    private static final String REVIEW = "The median PFS was 16.0 months with camizestrant versus 9.2 months\n"
            + "with continued AI (HR 0.44; 95% CI, 0.31–0.60; p<0.00001).\n\tSERENA-6\n\t3\n\tAstraZeneca\n";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path seedDirectory;
    @TempDir
    Path reviewsDirectory;

    @BeforeEach
    void layOutSeedDirectory() throws IOException {
        Files.createDirectories(seedDirectory.resolve("schema"));
        Files.createDirectories(seedDirectory.resolve("trials"));
        Path committed = SeedDataFidelityTest.seedDirectory();
        Files.copy(committed.resolve(SeedDataReader.SCHEMA), seedDirectory.resolve(SeedDataReader.SCHEMA));
        Files.copy(committed.resolve(SeedDataReader.SOURCES), seedDirectory.resolve(SeedDataReader.SOURCES));
        Files.writeString(reviewsDirectory.resolve(DOCUMENT), REVIEW);
    }

    private static ObjectNode validTrial(String id) throws IOException {
        return (ObjectNode) MAPPER.readTree("""
                {"id": "%s", "acronym": "%s", "studyType": "randomized-controlled-trial", "status": "ongoing",
                 "setting": "metastatic-first-line", "biomarkers": ["ESR1-mutant"],
                 "arms": [{"id": "cami", "label": "Camizestrant", "role": "experimental", "drugs": ["camizestrant"]},
                          {"id": "ai", "label": "AI", "role": "control", "drugs": ["aromatase-inhibitor"]}],
                 "results": [{"id": "%s-pfs", "endpoint": "PFS", "population": {"type": "itt", "label": "ITT"},
                   "analysis": {"type": "interim"}, "rawText": "16.0 vs 9.2",
                   "arms": [{"arm": "cami", "measure": "median", "value": 16.0}, {"arm": "ai", "measure": "median", "value": 9.2}],
                   "comparison": {"experimentalArm": "cami", "controlArm": "ai", "effectMeasure": "HR", "estimate": 0.44,
                                  "ciLower": 0.31, "ciUpper": 0.60, "ciLevel": 0.95, "pValueText": "<0.00001"},
                   "sources": [{"document": "%s", "location": "text", "excerpt": "The median PFS was 16.0 months with camizestrant versus 9.2 months with continued AI (HR 0.44; 95%% CI, 0.31–0.60; p<0.00001)."}]}],
                 "sources": [{"document": "%s", "location": "Table 1b", "excerpt": "SERENA-6 3 AstraZeneca"}]}
                """.formatted(id, id.toUpperCase(), id, DOCUMENT, DOCUMENT));
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(seedDirectory.resolve("trials").resolve(file), content);
    }

    private void writeTrial(Consumer<ObjectNode> fault) throws IOException {
        ObjectNode trial = validTrial("alpha");
        fault.accept(trial);
        write("alpha.json", MAPPER.writeValueAsString(trial));
    }

    private SeedDataset read() {
        return new SeedDataReader().read(seedDirectory, ReviewTexts.load(reviewsDirectory));
    }

    private SeedViolation onlyViolation() {
        SeedDataException failure = assertThrows(SeedDataException.class, this::read);
        assertEquals(1, failure.violations().size(), failure.getMessage());
        return failure.violations().get(0);
    }

    private static ObjectNode firstResult(ObjectNode trial) {
        return (ObjectNode) trial.withArray("results").get(0);
    }

    @Test
    void theValidRecordLoads() throws IOException {
        writeTrial(trial -> { });
        SeedDataset dataset = read();
        assertEquals(1, dataset.trials().size());
        assertEquals(16, dataset.version().length());
    }

    /** What is written is what was validated: a file changed between the two stops start-up, naming it. */
    @Test
    void aFileChangedAfterItWasValidatedIsNotWritten() throws IOException {
        writeTrial(trial -> { });
        SeedDataset dataset = read();
        writeTrial(trial -> ((ObjectNode) firstResult(trial).get("comparison")).put("estimate", 0.04));
        SeedDataException failure = assertThrows(SeedDataException.class, dataset::trials);
        assertEquals(1, failure.violations().size(), failure.getMessage());
        assertEquals("alpha.json", failure.violations().get(0).file());
        assertTrue(failure.violations().get(0).message().startsWith("changed since it was validated"), failure.getMessage());
    }

    @Test
    void malformedJsonNamesTheFile() throws IOException {
        write("alpha.json", "{\"id\": \"alpha\",");
        SeedViolation violation = onlyViolation();
        assertEquals("alpha.json", violation.file());
        assertTrue(violation.message().startsWith("malformed JSON"), violation.message());
    }

    @Test
    void missingRequiredFieldNamesThePath() throws IOException {
        writeTrial(trial -> firstResult(trial).remove("endpoint"));
        SeedViolation violation = onlyViolation();
        assertEquals("$.results[0]", violation.path());
        assertTrue(violation.message().contains("endpoint"), violation.message());
    }

    @Test
    void wrongTypeNamesThePath() throws IOException {
        writeTrial(trial -> ((ObjectNode) firstResult(trial).get("comparison")).put("estimate", "0.44"));
        assertEquals("$.results[0].comparison.estimate", onlyViolation().path());
    }

    @Test
    void unknownVocabularyTermIsNamedWithTheNearestCodes() throws IOException {
        writeTrial(trial -> ((ArrayNode) trial.get("biomarkers")).set(0, "ESR1-mutnt"));
        SeedViolation violation = onlyViolation();
        assertEquals("$.biomarkers[0]", violation.path());
        assertTrue(violation.message().contains("ESR1-mutant"), violation.message());
    }

    @Test
    void excerptNotInItsReviewIsRejected() throws IOException {
        writeTrial(trial -> ((ObjectNode) trial.withArray("sources").get(0)).put("excerpt", "SERENA-6 3 Pfizer"));
        assertEquals("$.sources[0].excerpt", onlyViolation().path());
    }

    @Test
    void numberNotInItsExcerptIsRejected() throws IOException {
        writeTrial(trial -> ((ObjectNode) firstResult(trial).withArray("arms").get(0)).put("value", 16.5));
        SeedViolation violation = onlyViolation();
        assertEquals("$.results[0].arms[0].value", violation.path());
        assertTrue(violation.message().contains("16.5"), violation.message());
    }

    @Test
    void aCorrectionOfThatFieldExplainsANumberNotPrinted() throws IOException {
        writeTrial(trial -> {
            ObjectNode result = firstResult(trial);
            ((ObjectNode) result.withArray("arms").get(0)).put("value", 16.5);
            result.putArray("corrections").addObject().put("field", "arms[0].value").put("sourceShows", "16.0")
                    .put("served", "16.5").put("reason", "test");
        });
        assertEquals(1, read().trials().size());
    }

    @Test
    void duplicateTrialNamesAcrossFilesAreRejected() throws IOException {
        writeTrial(trial -> { });
        ObjectNode other = validTrial("beta");
        other.putArray("aliases").add("ALPHA");
        write("beta.json", MAPPER.writeValueAsString(other));
        SeedViolation violation = onlyViolation();
        assertEquals(List.of("beta.json", "$.aliases[0]"), List.of(violation.file(), violation.path()));
    }

    @Test
    void duplicateTrialIdIsRejected() throws IOException {
        writeTrial(trial -> { });
        write("alpha-copy.json", MAPPER.writeValueAsString(validTrial("alpha")));
        SeedDataException failure = assertThrows(SeedDataException.class, this::read);
        assertTrue(failure.violations().stream().anyMatch(v -> v.file().equals("alpha.json") && v.path().equals("$.id")
                && v.message().contains("already used by alpha-copy.json")), failure.getMessage());
    }

    @Test
    void fileNameMustMatchTheTrialId() throws IOException {
        write("gamma.json", MAPPER.writeValueAsString(validTrial("alpha")));
        assertEquals(List.of("gamma.json", "$.id"), List.of(onlyViolation().file(), onlyViolation().path()));
    }

    @Test
    void danglingConflictReferenceIsRejected() throws IOException {
        writeTrial(trial -> firstResult(trial).putArray("conflictsWith").add("nowhere-pfs"));
        assertEquals("$.results[0].conflictsWith[0]", onlyViolation().path());
    }

    @Test
    void textLongerThanTheDatabaseKeepsIsRejected() throws IOException {
        writeTrial(trial -> ((ObjectNode) trial.withArray("arms").get(0)).put("dose", "\uD83D\uDC8A".repeat(128)));
        SeedViolation violation = onlyViolation();
        assertEquals(List.of("alpha.json", "$.arms[0].dose"), List.of(violation.file(), violation.path()));
        assertTrue(violation.message().contains("255"), violation.message());
    }

    @Test
    void searchTextTooLongAltogetherIsRejected() throws IOException {
        writeTrial(trial -> {
            trial.put("designNotes", "d".repeat(4000));
            trial.put("population", "p".repeat(2000));
            ArrayNode aliases = trial.putArray("aliases");
            for (int i = 0; i < 20; i++) {
                aliases.add("ALPHA " + i + " " + "X".repeat(90));
            }
        });
        SeedViolation violation = onlyViolation();
        assertEquals("$", violation.path());
        assertTrue(violation.message().contains("at most 8000"), violation.message());
    }

    @Test
    void invisibleCharactersAreRejectedNamingThePath() throws IOException {
        writeTrial(trial -> firstResult(trial).put("rawText", "16.0\u200Bvs 9.2"));
        SeedViolation violation = onlyViolation();
        assertEquals("$.results[0].rawText", violation.path());
        assertTrue(violation.message().contains("U+200B"), violation.message());
    }

    @Test
    void textNotInNfcIsRejected() throws IOException {
        writeTrial(trial -> trial.put("sponsor", "Astra\u0301Zeneca"));
        SeedViolation violation = onlyViolation();
        assertEquals("$.sponsor", violation.path());
        assertTrue(violation.message().contains("NFC"), violation.message());
    }

    @Test
    void aNameThatLooksLikeAnotherFilesIsRejectedNamingIt() throws IOException {
        writeTrial(trial -> { });
        ObjectNode other = validTrial("beta");
        other.putArray("aliases").add("\u0410LPH\u0410");
        write("beta.json", MAPPER.writeValueAsString(other));
        SeedViolation violation = onlyViolation();
        assertEquals(List.of("beta.json", "$.aliases[0]"), List.of(violation.file(), violation.path()));
        assertTrue(violation.message().contains("looks like 'alpha' of alpha.json"), violation.message());
    }

    @Test
    void withoutTheReviewsFidelityIsNotCheckedButEverythingElseIs() throws IOException {
        writeTrial(trial -> ((ObjectNode) trial.withArray("sources").get(0)).put("excerpt", "not in any review"));
        assertEquals(1, new SeedDataReader().read(seedDirectory, Optional.empty()).trials().size());
    }
}
