package org.trialevidence.errors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problem answers many operations share, described once in the OpenAPI document's {@code components/responses}.
 * An operation names one by its status and reference, {@code @APIResponse(responseCode = "412", ref = STALE_IF_MATCH)},
 * instead of repeating its description and schema; the OpenAPI filter adds the definitions ({@link #addTo}).
 */
public final class ProblemResponses {
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String STALE_IF_MATCH = "StaleIfMatch";
    public static final String MISSING_IF_MATCH = "MissingIfMatch";
    public static final String INVALID_RECORD = "InvalidRecord";
    public static final String BAD_QUERY = "BadQuery";
    public static final String UNKNOWN_TRIAL = "UnknownTrial";
    public static final String MALFORMED_BODY = "MalformedBody";
    public static final String UNAVAILABLE = "Unavailable";

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String VALIDATION_PROBLEM_SCHEMA = "#/components/schemas/ValidationProblem";

    private ProblemResponses() {
    }

    /** Adds the shared responses to the document's components, in a fixed order. */
    public static void addTo(OpenAPI openAPI) {
        Map<String, APIResponse> shared = new LinkedHashMap<>();
        shared.put(BAD_QUERY, response("An unknown parameter, an unknown filter value, or bad paging; the problem names the parameter, "
                + "the values it allows and the nearest ones to what was sent", PROBLEM_SCHEMA));
        shared.put(UNKNOWN_TRIAL, response("No trial has that name; the nearest names are suggested", PROBLEM_SCHEMA));
        shared.put(MALFORMED_BODY, response("The body is not JSON of the documented shape; the problem names the JSON path at fault", PROBLEM_SCHEMA));
        shared.put(UNAUTHORIZED, response("No valid bearer token (the answer carries the Bearer challenge of RFC 6750)", PROBLEM_SCHEMA));
        shared.put(FORBIDDEN, response("The token lacks the role this operation needs (curator; admin for delete and restore)", PROBLEM_SCHEMA));
        shared.put(STALE_IF_MATCH, response("If-Match is not the record's current ETag: someone changed it since it was read; nothing was changed", PROBLEM_SCHEMA));
        shared.put(MISSING_IF_MATCH, response("No If-Match: a change to an existing record names the ETag it was read with", PROBLEM_SCHEMA));
        shared.put(INVALID_RECORD, response("The record fails validation (schema, vocabularies, excerpts in their reviews); every fault is listed with its JSON path",
                VALIDATION_PROBLEM_SCHEMA));
        shared.put(UNAVAILABLE, response("Not now, and nothing was changed: other writes held the dataset for too long, or a first start is still "
                + "writing the dataset to the database (results, trials and analyses are served meanwhile); Retry-After says when to ask again", PROBLEM_SCHEMA));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        shared.forEach(openAPI.getComponents()::addResponse);
    }

    private static APIResponse response(String description, String schema) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(OASFactory.createSchema().ref(schema))));
    }
}
