package org.trialevidence.curation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.trialevidence.seeding.TrialValidation;

import java.io.IOException;
import java.nio.file.Path;

/** Records for write tests, made from real seed-data files so that every excerpt is found in its review. */
final class SeedRecords {
    private SeedRecords() {
    }

    static ObjectNode file(String trialId) {
        try {
            return (ObjectNode) TrialValidation.MAPPER.readTree(Path.of("seed-data/trials", trialId + ".json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a real trial under new, unique names and result ids, without conflict references. */
    static ObjectNode copyOf(String trialId, String newId) {
        ObjectNode trial = file(trialId);
        trial.put("id", newId);
        trial.put("acronym", newId.toUpperCase());
        trial.putArray("aliases");
        for (var result : (ArrayNode) trial.get("results")) {
            ObjectNode object = (ObjectNode) result;
            object.put("id", newId + "-" + object.get("id").asText());
            object.remove("conflictsWith");
        }
        return trial;
    }
}
