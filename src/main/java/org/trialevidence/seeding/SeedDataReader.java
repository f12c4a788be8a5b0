package org.trialevidence.seeding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.trialevidence.trial.TrialNames;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads and validates a whole seed-data directory: JSON syntax, the JSON Schema, per-trial rules
 * ({@link TrialSeedChecks}) and rules across files (unique ids and names, conflict references).
 * All faults are collected and reported together; any fault rejects the whole directory.
 */
public final class SeedDataReader {
    static final String SCHEMA = "schema/trial.schema.json";
    static final String SOURCES = "sources.json";
    static final String TRIALS = "trials";

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SeedDataset read(Path seedDirectory, Optional<ReviewTexts> reviews) {
        List<SeedViolation> violations = new ArrayList<>();
        MessageDigest digest = sha256();
        List<RegisteredSource> sources = readSources(seedDirectory.resolve(SOURCES), violations, digest);
        Set<String> documents = sources.stream().map(RegisteredSource::document).collect(Collectors.toSet());
        JsonSchema schema = readSchema(seedDirectory.resolve(SCHEMA));

        List<TrialSeed> trials = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Path file : trialFiles(seedDirectory.resolve(TRIALS))) {
            String name = file.getFileName().toString();
            byte[] bytes = readBytes(file);
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            JsonNode node;
            try {
                node = mapper.readTree(bytes);
            } catch (IOException e) {
                violations.add(new SeedViolation(name, "$", "malformed JSON: " + firstLine(e)));
                continue;
            }
            Set<ValidationMessage> schemaFaults = schema.validate(node);
            if (!schemaFaults.isEmpty()) {
                schemaFaults.stream()
                        .sorted(Comparator.comparing(message -> message.getInstanceLocation().toString()))
                        .forEach(message -> violations.add(new SeedViolation(name, message.getInstanceLocation().toString(), message.getMessage())));
                continue;
            }
            TrialSeed trial = toTrial(node, name, violations);
            if (trial != null) {
                violations.addAll(TrialSeedChecks.check(name, trial, documents, reviews));
                trials.add(trial);
                files.add(name);
            }
        }
        checkAcrossFiles(trials, files, violations);
        if (!violations.isEmpty()) {
            throw new SeedDataException(violations);
        }
        return new SeedDataset(HexFormat.of().formatHex(digest.digest()).substring(0, 16), sources, List.copyOf(trials));
    }

    private TrialSeed toTrial(JsonNode node, String name, List<SeedViolation> violations) {
        try {
            return mapper.treeToValue(node, TrialSeed.class);
        } catch (JsonProcessingException e) {
            violations.add(new SeedViolation(name, "$", "cannot be read as a trial record: " + firstLine(e)));
            return null;
        }
    }

    /** Ids, names and result ids must each belong to one file; conflict references must name an existing result. */
    private static void checkAcrossFiles(List<TrialSeed> trials, List<String> files, List<SeedViolation> violations) {
        Map<String, String> fileByName = new HashMap<>();
        Map<String, String> fileByResultId = new HashMap<>();
        for (int t = 0; t < trials.size(); t++) {
            TrialSeed trial = trials.get(t);
            String file = files.get(t);
            List<String> names = new ArrayList<>(List.of(trial.id(), trial.acronym()));
            names.addAll(trial.aliases());
            for (int i = 0; i < names.size(); i++) {
                String owner = fileByName.putIfAbsent(TrialNames.key(names.get(i)), file);
                if (owner != null && !owner.equals(file)) {
                    String path = i == 0 ? "$.id" : i == 1 ? "$.acronym" : "$.aliases[" + (i - 2) + "]";
                    violations.add(new SeedViolation(file, path, "name '" + names.get(i) + "' is already used by " + owner));
                }
            }
            for (int i = 0; i < trial.results().size(); i++) {
                String owner = fileByResultId.putIfAbsent(trial.results().get(i).id(), file);
                if (owner != null) {
                    violations.add(new SeedViolation(file, "$.results[" + i + "].id", "result id '" + trial.results().get(i).id() + "' is already used in " + owner));
                }
            }
        }
        for (int t = 0; t < trials.size(); t++) {
            TrialSeed trial = trials.get(t);
            for (int i = 0; i < trial.results().size(); i++) {
                TrialSeed.Result result = trial.results().get(i);
                for (int j = 0; j < result.conflictsWith().size(); j++) {
                    String other = result.conflictsWith().get(j);
                    if (!fileByResultId.containsKey(other) || other.equals(result.id())) {
                        violations.add(new SeedViolation(files.get(t), "$.results[" + i + "].conflictsWith[" + j + "]", "no other result has id '" + other + "'"));
                    }
                }
            }
        }
    }

    private List<RegisteredSource> readSources(Path file, List<SeedViolation> violations, MessageDigest digest) {
        byte[] bytes = readBytes(file);
        digest.update(bytes);
        try {
            return mapper.readValue(bytes, new TypeReference<List<RegisteredSource>>() { });
        } catch (IOException e) {
            violations.add(new SeedViolation(SOURCES, "$", "cannot be read: " + firstLine(e)));
            return List.of();
        }
    }

    private JsonSchema readSchema(Path file) {
        try {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(mapper.readTree(readBytes(file)));
        } catch (IOException e) {
            throw new SeedDataException(List.of(new SeedViolation(SCHEMA, "$", "the schema itself cannot be read: " + firstLine(e))));
        }
    }

    private static List<Path> trialFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new SeedDataException(List.of(new SeedViolation(directory.toString(), "$", "seed-data trials directory not found")));
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new SeedDataException(List.of(new SeedViolation(directory.toString(), "$", "cannot list: " + e.getMessage())));
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SeedDataException(List.of(new SeedViolation(file.toString(), "$", "cannot read: " + e)));
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
