package org.trialevidence.errors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A written record that fails validation: every fault at once, each with its JSON path, as a 422 problem. */
public class InvalidRecordException extends RuntimeException {
    private final List<Violation> violations;

    public InvalidRecordException(String detail, List<Violation> violations) {
        super(detail);
        this.violations = List.copyOf(violations);
    }

    @Schema(name = "Violation", description = "One fault of a written record")
    public record Violation(
            @Schema(description = "JSON path in the record as written (the whole trial for a result written alone)", example = "$.results[0].comparison.ciLower") String path,
            @Schema(description = "What is wrong", example = "number 0.31 is not printed in any excerpt of this result") String message) { }

    /** The RFC 9457 body: a problem whose {@code violations} member lists every fault. */
    @Schema(name = "ValidationProblem", description = "RFC 9457 problem detail listing every fault of a written record (media type application/problem+json).")
    public record ValidationProblem(
            @Schema(example = "https://trial-evidence.example/problems/invalid-record") String type,
            @Schema(example = "Invalid record") String title,
            @Schema(example = "422") int status,
            String detail,
            String instance,
            List<Violation> violations) { }

    ValidationProblem toProblem(String instance) {
        return new ValidationProblem(Problem.TYPE_BASE + "invalid-record", "Invalid record", 422, getMessage(), instance, violations);
    }
}
