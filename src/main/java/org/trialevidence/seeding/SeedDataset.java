package org.trialevidence.seeding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A validated seed-data directory: the registered reviews, the trial files (read again, one at a time, when they
 * are written), how many results they hold, the conflicts between results (both sides), and a content hash as
 * dataset version.
 */
public record SeedDataset(String version, List<RegisteredSource> sources, List<ValidatedFile> files, int resultCount,
                          Map<String, Set<String>> conflictsByResult) {
    /** A trial file, the id of its trial and the SHA-256 of the bytes that were validated (a record of an array: compared by identity). */
    public record ValidatedFile(String trialId, Path path, byte[] sha256) { }

    /** Each trial in file order, as the contract type and as the JSON it was written in. */
    public void forEach(Consumer<TrialValidation.Checked> action) {
        forEach(0, files.size(), action);
    }

    /** As {@link #forEach(Consumer)}, the trials of the files from {@code from} (inclusive) to {@code to} (exclusive). */
    public void forEach(int from, int to, Consumer<TrialValidation.Checked> action) {
        files.subList(from, to).forEach(file -> action.accept(SeedDataReader.reread(file)));
    }

    /** Looks a trial up by id, reading its file again when asked (empty for an id no file has). */
    public Function<String, Optional<TrialValidation.Checked>> trialsById() {
        Map<String, ValidatedFile> byId = new HashMap<>();
        files.forEach(file -> byId.put(file.trialId(), file));
        return id -> Optional.ofNullable(byId.get(id)).map(SeedDataReader::reread);
    }

    /** Every trial at once: for reports and tests on datasets that fit in memory. */
    public List<TrialSeed> trials() {
        List<TrialSeed> trials = new ArrayList<>();
        forEach(checked -> trials.add(checked.trial()));
        return trials;
    }
}
