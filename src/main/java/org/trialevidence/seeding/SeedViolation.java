package org.trialevidence.seeding;

/** One fault in seed-data: the file, the JSON path inside it, and what is wrong. */
public record SeedViolation(String file, String path, String message) {
    @Override
    public String toString() {
        return file + " " + path + ": " + message;
    }
}
