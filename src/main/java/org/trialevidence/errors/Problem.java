package org.trialevidence.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail. Beyond the standard members: the query parameter at fault, the values it accepts,
 * and the nearest accepted values to what was sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail (media type application/problem+json).")
public record Problem(
        @Schema(description = "URI identifying the problem type", example = "https://trial-evidence.example/problems/invalid-parameter") String type,
        @Schema(description = "Short summary of the problem type", example = "Invalid query parameter") String title,
        @Schema(description = "HTTP status", example = "400") int status,
        @Schema(description = "What went wrong with this request", example = "Unknown biomarker 'ESR2'.") String detail,
        @Schema(description = "The request path", example = "/api/v1/results") String instance,
        @Schema(description = "The query or path parameter at fault, or the request body field (JSON path such as studies[1].ciLower)", example = "biomarker") String parameter,
        @Schema(description = "The values the parameter accepts") List<String> allowedValues,
        @Schema(description = "Accepted values closest to the one sent", example = "[\"ESR1-mutant\"]") List<String> nearestValues) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://trial-evidence.example/problems/";
}
