package org.trialevidence.seeding;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
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
    public static final String SCHEMA = "schema/trial.schema.json";
    static final String SOURCES = "sources.json";
    static final String TRIALS = "trials";
    /** Files read and checked at once: enough to keep every processor busy, few enough to hold in memory. */
    private static final int READ_WINDOW = 512;

    private final ObjectMapper mapper = TrialValidation.MAPPER;

    /**
     * Validates the whole directory, keeping only what checks across files need (names, result ids, declared
     * conflicts): the records themselves are read again when they are written, so that a large dataset is never
     * held in memory whole.
     */
    public SeedDataset read(Path seedDirectory, Optional<ReviewTexts> reviews) {
        List<SeedViolation> violations = new ArrayList<>();
        MessageDigest digest = sha256();
        List<RegisteredSource> sources = readSources(seedDirectory.resolve(SOURCES), violations, digest);
        Set<String> documents = sources.stream().map(RegisteredSource::document).collect(Collectors.toSet());
        TrialValidation validation = new TrialValidation(seedDirectory.resolve(SCHEMA), documents, reviews);
        Map<String, TrialValidation.NameOwner> fileByName = new HashMap<>();
        Map<String, String> fileByResultId = new HashMap<>();
        Map<String, List<String>> declaredConflicts = new HashMap<>();
        List<PendingConflicts> pendingConflictChecks = new ArrayList<>();
        List<SeedDataset.ValidatedFile> files = new ArrayList<>();
        List<Path> trialFiles = trialFiles(seedDirectory.resolve(TRIALS));
        // A window of files is read and checked on its own at once; checks across files follow, in file order.
        try (Workers readers = new Workers("seed-data-reader")) {
            for (int window = 0; window < trialFiles.size(); window += READ_WINDOW) {
                List<Path> windowFiles = trialFiles.subList(window, Math.min(window + READ_WINDOW, trialFiles.size()));
                for (FileRead read : readers.map(windowFiles, file -> readOnItsOwn(file, validation))) {
                    String name = read.file().getFileName().toString();
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    digest.update(read.bytes());
                    violations.addAll(read.violations());
                    read.checked().ifPresent(checked -> {
                        TrialSeed trial = checked.trial();
                        TrialValidation.checkIdentities(name, trial, filesReadSoFar(fileByName, fileByResultId), violations);
                        files.add(new SeedDataset.ValidatedFile(trial.id(), read.file(), read.sha256()));
                        Stream.concat(Stream.of(trial.id(), trial.acronym()), trial.aliases().stream()).forEach(trialName ->
                                fileByName.putIfAbsent(TrialNames.skeleton(trialName), new TrialValidation.NameOwner(name, trialName)));
                        for (int i = 0; i < trial.results().size(); i++) {
                            TrialSeed.Result result = trial.results().get(i);
                            fileByResultId.put(result.id(), name);
                            if (!result.conflictsWith().isEmpty()) {
                                declaredConflicts.put(result.id(), result.conflictsWith());
                                pendingConflictChecks.add(new PendingConflicts(name, i, result));
                            }
                        }
                    });
                }
            }
        }
        pendingConflictChecks.forEach(pending -> pending.check(fileByResultId, violations));
        if (!violations.isEmpty()) {
            throw new SeedDataException(violations);
        }
        return new SeedDataset(HexFormat.of().formatHex(digest.digest()).substring(0, 16), sources, List.copyOf(files),
                fileByResultId.size(), symmetric(declaredConflicts));
    }

    /** A trial file's bytes and their SHA-256, and what the checks that need no other file made of it. */
    private record FileRead(Path file, byte[] bytes, byte[] sha256, Optional<TrialValidation.Checked> checked, List<SeedViolation> violations) { }

    /** Reads and checks a file on its own (reading, parsing and these checks are most of a large dataset's validation). */
    private FileRead readOnItsOwn(Path file, TrialValidation validation) {
        String name = file.getFileName().toString();
        byte[] bytes = readBytes(file);
        byte[] sha256 = sha256().digest(bytes);
        List<SeedViolation> violations = new ArrayList<>();
        try {
            JsonNode node = mapper.readTree(bytes);
            return new FileRead(file, bytes, sha256, validation.checkRecord(name, node, violations), violations);
        } catch (IOException e) {
            violations.add(new SeedViolation(name, "$", "malformed JSON: " + firstLine(e)));
            return new FileRead(file, bytes, sha256, Optional.empty(), violations);
        }
    }

    /** A result's conflict references, checked once every file is read (they may name a result of a later file). */
    private record PendingConflicts(String file, int resultIndex, TrialSeed.Result result) {
        void check(Map<String, String> fileByResultId, List<SeedViolation> violations) {
            for (int j = 0; j < result.conflictsWith().size(); j++) {
                String other = result.conflictsWith().get(j);
                if (!fileByResultId.containsKey(other)) {
                    violations.add(new SeedViolation(file, "$.results[" + resultIndex + "].conflictsWith[" + j + "]", "no other result has id '" + other + "'"));
                }
            }
        }
    }

    /** Earlier files own the names and result ids they use; conflict targets are checked at the end. */
    private static TrialValidation.Dataset filesReadSoFar(Map<String, TrialValidation.NameOwner> fileByName, Map<String, String> fileByResultId) {
        TrialValidation.Dataset known = TrialValidation.of(fileByName, fileByResultId);
        return new TrialValidation.Dataset() {
            @Override
            public Optional<TrialValidation.NameOwner> ownerOfName(String skeleton) {
                return known.ownerOfName(skeleton);
            }

            @Override
            public Optional<String> ownerOfResult(String resultId) {
                return known.ownerOfResult(resultId);
            }

            @Override
            public boolean hasResult(String resultId) {
                return true;
            }
        };
    }

    /**
     * Reads a file that {@link #read} has validated, refusing it when its bytes are not the ones validated: a file
     * edited during start-up would otherwise be written without its checks, under the version of what was validated.
     */
    static TrialValidation.Checked reread(SeedDataset.ValidatedFile validated) {
        String name = validated.path().getFileName().toString();
        try {
            byte[] bytes = Files.readAllBytes(validated.path());
            if (!MessageDigest.isEqual(validated.sha256(), sha256().digest(bytes))) {
                throw new SeedDataException(List.of(new SeedViolation(name, "$", "changed since it was validated: start the service again to validate it")));
            }
            JsonNode node = TrialValidation.MAPPER.readTree(bytes);
            return new TrialValidation.Checked(TrialValidation.MAPPER.treeToValue(node, TrialSeed.class), node);
        } catch (IOException e) {
            throw new SeedDataException(List.of(new SeedViolation(name, "$", "unreadable since it was validated: " + firstLine(e))));
        }
    }

    /** A conflict named on either side is shown on both. */
    private static Map<String, Set<String>> symmetric(Map<String, List<String>> declared) {
        Map<String, Set<String>> conflicts = new HashMap<>();
        declared.forEach((result, others) -> others.forEach(other -> {
            conflicts.computeIfAbsent(result, id -> new LinkedHashSet<>()).add(other);
            conflicts.computeIfAbsent(other, id -> new LinkedHashSet<>()).add(result);
        }));
        return conflicts;
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

    static String firstLine(Exception e) {
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
