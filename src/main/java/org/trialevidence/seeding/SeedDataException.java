package org.trialevidence.seeding;

import java.util.List;
import java.util.stream.Collectors;

/** Seed-data that must not be served; the message lists every fault with its file and JSON path. */
public class SeedDataException extends RuntimeException {
    private final List<SeedViolation> violations;

    public SeedDataException(List<SeedViolation> violations) {
        super("seed-data is invalid; nothing is served (" + violations.size() + " fault(s)):\n  "
                + violations.stream().map(SeedViolation::toString).collect(Collectors.joining("\n  ")));
        this.violations = List.copyOf(violations);
    }

    public List<SeedViolation> violations() {
        return violations;
    }
}
