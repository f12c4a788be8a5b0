package org.trialevidence.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Dataset versions are the seed-data hash, then that hash, a dot and the revision (the writes since seeding). */
public final class DatasetVersions {
    private DatasetVersions() {
    }

    private record Parsed(String seed, long revision) { }

    private static Optional<Parsed> parse(String version) {
        int dot = version.lastIndexOf('.');
        if (dot < 0) {
            return Optional.of(new Parsed(version, 0));
        }
        try {
            return Optional.of(new Parsed(version.substring(0, dot), Long.parseLong(version.substring(dot + 1))));
        } catch (NumberFormatException notARevision) {
            return Optional.empty();
        }
    }

    /** Whether a is an earlier revision of the same seeding than b, or of another seeding altogether (which must be replaced). */
    public static boolean isBefore(String a, String b) {
        Optional<Parsed> first = parse(a);
        Optional<Parsed> second = parse(b);
        if (first.isEmpty() || second.isEmpty() || !first.get().seed().equals(second.get().seed())) {
            return !a.equals(b);
        }
        return first.get().revision() < second.get().revision();
    }

    /** Whether a is an earlier revision of the same seeding than b (a version of another seeding is neither). */
    static boolean isEarlierRevision(String a, String b) {
        Optional<Parsed> first = parse(a);
        Optional<Parsed> second = parse(b);
        return first.isPresent() && second.isPresent() && first.get().seed().equals(second.get().seed())
                && first.get().revision() < second.get().revision();
    }

    /** The versions after from up to and including to, when both are revisions of one seeding and at most limit apart. */
    static Optional<List<String>> between(String from, String to, int limit) {
        Optional<Parsed> first = parse(from);
        Optional<Parsed> last = parse(to);
        if (first.isEmpty() || last.isEmpty() || !first.get().seed().equals(last.get().seed())
                || last.get().revision() < first.get().revision() || last.get().revision() - first.get().revision() > limit) {
            return Optional.empty();
        }
        List<String> versions = new ArrayList<>();
        for (long revision = first.get().revision() + 1; revision <= last.get().revision(); revision++) {
            versions.add(first.get().seed() + "." + revision);
        }
        return Optional.of(versions);
    }
}
