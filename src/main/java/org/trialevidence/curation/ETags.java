package org.trialevidence.curation;

import org.trialevidence.errors.ProblemException;

import java.util.Arrays;

/**
 * Record ETags: the record and its version, so that If-Match detects any change made since the record was read.
 * Only strong tags match (RFC 9110 §13.1.1). A change must name the version it changes: {@code *} ("any current
 * version") would overwrite whatever another curator wrote since, so it counts as no If-Match; only a restore, whose
 * If-Match is optional, takes it.
 */
public final class ETags {
    private ETags() {
    }

    public static String trial(String id, long version) {
        return "\"trial-" + id + "-v" + version + "\"";
    }

    public static String result(String id, long version) {
        return "\"result-" + id + "-v" + version + "\"";
    }

    /** The tag as JAX-RS writes it into an ETag header (it adds the quotes). */
    static jakarta.ws.rs.core.EntityTag header(String quoted) {
        return new jakarta.ws.rs.core.EntityTag(quoted.substring(1, quoted.length() - 1));
    }

    static void check(String ifMatch, String current, String what) {
        if (ifMatch == null || ifMatch.isBlank() || Arrays.stream(ifMatch.split(",")).anyMatch(tag -> tag.strip().equals("*"))) {
            throw ProblemException.ifMatchRequired("Changing " + what + " needs If-Match with its ETag (now " + current
                    + "), not *: read it first, so that a change made since is not overwritten.");
        }
        checkIfPresent(ifMatch, current, what);
    }

    static void checkIfPresent(String ifMatch, String current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw ProblemException.stale("If-Match " + ifMatch.strip() + " is not the current ETag of " + what + " (" + current
                + "): it changed since it was read. Nothing was changed; read it again and reapply the change.");
    }
}
