package org.trialevidence.seeding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks one trial record must pass, wherever it comes from (a seed-data file or a curator's request): the
 * JSON Schema, then the per-trial rules of {@link TrialSeedChecks}, then names and result ids against the rest of
 * the dataset. One implementation, so a record the API accepts is a record seed-data would accept.
 */
public final class TrialValidation {
    /** Reads numbers as written (25.30 stays 25.30) and refuses fields the contract does not know. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final JsonSchema schema;
    private final Set<String> registeredDocuments;
    private final Optional<ReviewTexts> reviews;

    public TrialValidation(Path schemaFile, Set<String> registeredDocuments, Optional<ReviewTexts> reviews) {
        this(readSchema(schemaFile), registeredDocuments, reviews);
    }

    public TrialValidation(JsonSchema schema, Set<String> registeredDocuments, Optional<ReviewTexts> reviews) {
        // Made whole now rather than lazily by the first validation: several threads validate at once.
        schema.initializeValidators();
        this.schema = schema;
        this.registeredDocuments = registeredDocuments;
        this.reviews = reviews;
    }

    /** The names and result ids other trials of the dataset already own. */
    public interface Dataset {
        /**
         * The trial (or file) other than this one with a name of that {@link TrialNames#skeleton} (the same name, or
         * one that looks like it), and that name.
         */
        Optional<NameOwner> ownerOfName(String skeleton);

        /** The trial (or file) other than this one that has a result with that id. */
        Optional<String> ownerOfResult(String resultId);

        /** Whether a result with that id is served (the target of a conflict reference). */
        boolean hasResult(String resultId);
    }

    /** Who uses a name: a trial or file, and the name as it spells it. */
    public record NameOwner(String owner, String name) { }

    /** A record that passed every check, as the contract type and as the JSON it was written in. */
    public record Checked(TrialSeed trial, JsonNode document) { }

    /**
     * Adds the record's faults to {@code violations}, each naming the file and JSON path. Returns the record when it
     * could be read at all (it passed the schema), so that checks across records still see its names; it is valid
     * only if no fault was added.
     */
    public Optional<Checked> check(String file, JsonNode node, Dataset others, List<SeedViolation> violations) {
        Optional<Checked> checked = checkRecord(file, node, violations);
        checked.ifPresent(record -> checkIdentities(file, record.trial(), others, violations));
        return checked;
    }

    /**
     * The checks of {@link #check} that need no other record (schema, texts, per-trial rules): seed-data runs them on
     * several files at once, then {@link #checkIdentities} on each in file order. Safe to call from several threads.
     */
    public Optional<Checked> checkRecord(String file, JsonNode node, List<SeedViolation> violations) {
        List<ValidationMessage> schemaFaults = new ArrayList<>(schema.validate(node));
        // maxLength counts code points, but H2 measures a column in UTF-16 units: a character beyond the Basic
        // Multilingual Plane takes two of them. Measured again as the database will, so that no text reaches it too long.
        // Copied and validated again only when some text has such a character (a copy of every record was a tenth of
        // validating 100,000 trials, docs/benchmarks.md).
        if (JsonText.anyMatch(node, TrialValidation::hasSupplementary)) {
            JsonNode asStored = JsonText.map(node, TrialValidation::supplementaryAsTwo);
            schema.validate(asStored).stream().filter(message -> "maxLength".equals(message.getType())).forEach(schemaFaults::add);
        }
        if (!schemaFaults.isEmpty()) {
            schemaFaults.stream()
                    .map(message -> new SeedViolation(file, message.getInstanceLocation().toString(), message.getMessage()))
                    .distinct()
                    .sorted(Comparator.comparing(SeedViolation::path))
                    .forEach(violations::add);
            return Optional.empty();
        }
        TextRules.check(file, node, violations);
        JsonNode printed = PrintedForms.of(node);
        TrialSeed trial;
        try {
            trial = MAPPER.treeToValue(printed, TrialSeed.class);
        } catch (JsonProcessingException e) {
            violations.add(new SeedViolation(file, "$", "cannot be read as a trial record: " + SeedDataReader.firstLine(e)));
            return Optional.empty();
        }
        violations.addAll(TrialSeedChecks.check(file, trial, registeredDocuments, reviews));
        return Optional.of(new Checked(trial, printed));
    }

    /** Names and result ids belong to one trial; a conflict names another served result. */
    public static void checkIdentities(String file, TrialSeed trial, Dataset others, List<SeedViolation> violations) {
        List<String> names = new ArrayList<>(List.of(trial.id(), trial.acronym()));
        names.addAll(trial.aliases());
        for (int i = 0; i < names.size(); i++) {
            String path = i == 0 ? "$.id" : i == 1 ? "$.acronym" : "$.aliases[" + (i - 2) + "]";
            String name = names.get(i);
            others.ownerOfName(TrialNames.skeleton(name)).ifPresent(owner -> violations.add(new SeedViolation(file, path,
                    TrialNames.key(name).equals(TrialNames.key(owner.name()))
                            ? "name '" + name + "' is already used by " + owner.owner()
                            : "name '" + name + "' looks like '" + owner.name() + "' of " + owner.owner() + " (Unicode confusables)")));
        }
        Set<String> own = new java.util.HashSet<>();
        for (int i = 0; i < trial.results().size(); i++) {
            String id = trial.results().get(i).id();
            String path = "$.results[" + i + "].id";
            if (!own.add(id)) {
                violations.add(new SeedViolation(file, path, "result id '" + id + "' is used twice in this trial"));
            }
            others.ownerOfResult(id).ifPresent(owner ->
                    violations.add(new SeedViolation(file, path, "result id '" + id + "' is already used in " + owner)));
        }
        for (int i = 0; i < trial.results().size(); i++) {
            TrialSeed.Result result = trial.results().get(i);
            for (int j = 0; j < result.conflictsWith().size(); j++) {
                String other = result.conflictsWith().get(j);
                if (other.equals(result.id()) || !(own.contains(other) || others.hasResult(other))) {
                    violations.add(new SeedViolation(file, "$.results[" + i + "].conflictsWith[" + j + "]", "no other result has id '" + other + "'"));
                }
            }
            List<String> resembles = result.suspect() == null ? List.of() : result.suspect().resembles();
            for (int j = 0; j < resembles.size(); j++) {
                String other = resembles.get(j);
                if (other.equals(result.id()) || !(own.contains(other) || others.hasResult(other))) {
                    violations.add(new SeedViolation(file, "$.results[" + i + "].suspect.resembles[" + j + "]", "no other result has id '" + other + "'"));
                }
            }
        }
    }

    private static boolean hasSupplementary(String text) {
        return !text.codePoints().allMatch(Character::isBmpCodePoint);
    }

    private static String supplementaryAsTwo(String text) {
        return text.codePoints().mapToObj(c -> Character.isBmpCodePoint(c) ? Character.toString(c) : "\uFFFD\uFFFD").collect(Collectors.joining());
    }

    /** A dataset of names and result ids kept in memory (seed-data files read so far, or tests). */
    public static Dataset of(Map<String, NameOwner> ownerBySkeleton, Map<String, String> ownerByResultId) {
        return new Dataset() {
            @Override
            public Optional<NameOwner> ownerOfName(String skeleton) {
                return Optional.ofNullable(ownerBySkeleton.get(skeleton));
            }

            @Override
            public Optional<String> ownerOfResult(String resultId) {
                return Optional.ofNullable(ownerByResultId.get(resultId));
            }

            @Override
            public boolean hasResult(String resultId) {
                return ownerByResultId.containsKey(resultId);
            }
        };
    }

    public static JsonSchema readSchema(Path file) {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(MAPPER.readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new SeedDataException(List.of(new SeedViolation(SeedDataReader.SCHEMA, "$", "the schema itself cannot be read: " + SeedDataReader.firstLine(e))));
        }
    }
}
