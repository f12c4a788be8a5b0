package org.trialevidence.errors;

import java.util.List;

/** A client error the service explains; becomes an application/problem+json response. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final String parameter;
    private final List<String> allowedValues;
    private final List<String> nearestValues;

    private ProblemException(int status, String type, String title, String detail, String parameter,
                             List<String> allowedValues, List<String> nearestValues) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.parameter = parameter;
        this.allowedValues = allowedValues;
        this.nearestValues = nearestValues;
    }

    /** A query parameter whose value is not accepted. */
    public static ProblemException invalidParameter(String parameter, String detail, List<String> allowedValues, List<String> nearestValues) {
        return new ProblemException(400, "invalid-parameter", "Invalid query parameter", detail, parameter, allowedValues,
                nearestValues == null || nearestValues.isEmpty() ? null : nearestValues);
    }

    public static ProblemException unknownParameter(String parameter, List<String> allowedParameters) {
        return new ProblemException(400, "unknown-parameter", "Unknown query parameter",
                "Query parameter '" + parameter + "' is not accepted here; it would otherwise be silently ignored.",
                parameter, allowedParameters, null);
    }

    /** A request body that is not JSON of the documented shape (syntax, type, unknown field); names the field when known. */
    public static ProblemException malformedBody(String field, String detail) {
        return new ProblemException(400, "malformed-body", "Malformed request body", detail, field, null, null);
    }

    /** A well-formed request body with a value that is not accepted; names the field (JSON path). */
    public static ProblemException invalidBody(String field, String detail, List<String> allowedValues) {
        return new ProblemException(422, "invalid-body", "Invalid request body", detail, field, allowedValues, null);
    }

    /** Valid parameters whose matches cannot be analysed (too few studies, nothing to plot, mixed endpoints); names the parameters. */
    public static ProblemException cannotAnalyse(String parameters, String detail, List<String> allowedValues) {
        return new ProblemException(422, "cannot-analyse", "Cannot analyse the matching results", detail, parameters, allowedValues, null);
    }

    public static ProblemException notFound(String parameter, String detail, List<String> nearestValues) {
        return new ProblemException(404, "not-found", "Not found", detail, parameter, null,
                nearestValues == null || nearestValues.isEmpty() ? null : nearestValues);
    }

    /** The request clashes with the current state of a record (it exists already, or is deleted). */
    public static ProblemException conflict(String parameter, String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, parameter, null, null);
    }

    /** The If-Match ETag is not the record's current one: someone changed it since it was read. */
    public static ProblemException stale(String detail) {
        return new ProblemException(412, "precondition-failed", "Precondition failed", detail, "If-Match", null, null);
    }

    /** A change to an existing record must say which version it changes. */
    public static ProblemException ifMatchRequired(String detail) {
        return new ProblemException(428, "precondition-required", "Precondition required", detail, "If-Match", null, null);
    }

    /** What the request needs is not available yet, for a reason the detail gives; answered with a Retry-After. */
    public static ProblemException unavailableYet(String detail) {
        return new ProblemException(503, "unavailable-yet", "Not available yet", detail, null, null, null);
    }

    Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + type, title, status, getMessage(), instance, parameter, allowedValues, nearestValues);
    }

    int status() {
        return status;
    }
}
