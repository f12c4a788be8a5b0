package org.trialevidence.paging;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.trialevidence.errors.ProblemException;

import java.util.List;
import java.util.Locale;

/** JSON or CSV, by format= or the Accept header: for lists (with {@link PageParams}) and for single answers such as compare. */
public class Representation {
    public static final String CSV = "text/csv";

    @QueryParam("format")
    @Parameter(description = "json or csv; overrides the Accept header (which may also ask for text/csv).", schema = @Schema(enumeration = {"json", "csv"}))
    public String format;

    /** Whether the client asked for CSV, by format or by an Accept header that prefers it to JSON. */
    public boolean csv(HttpHeaders headers) {
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalidParameter("format", "'" + format + "' is not json or csv.", List.of("json", "csv"), null);
            };
        }
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
        }
        return false;
    }
}
