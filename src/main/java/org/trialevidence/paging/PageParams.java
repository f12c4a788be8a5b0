package org.trialevidence.paging;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.trialevidence.errors.ProblemException;

import java.util.List;
import java.util.Locale;

/** Paging and representation of a list endpoint: JSON pages, or CSV (one page, or every match with size=all). */
public class PageParams {
    public static final String CSV = "text/csv";

    @QueryParam("page")
    @Parameter(description = "Page number, 0-based.", example = "0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @Parameter(description = "Items per page, 1 to 200; for CSV also 'all' (every match, streamed).", example = "20", schema = @Schema(type = SchemaType.STRING, defaultValue = "20"))
    public String size;

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

    public PageRequest pageRequest(boolean csv) {
        if (size != null && "all".equalsIgnoreCase(size.strip())) {
            if (!csv) {
                throw ProblemException.invalidParameter("size", "size=all streams every match and is offered for CSV (format=csv or Accept: text/csv); JSON pages hold 1 to "
                        + PageRequest.MAX_SIZE + " items.", List.of("1.." + PageRequest.MAX_SIZE), null);
            }
            if (page != null && !page.strip().equals("0")) {
                throw ProblemException.invalidParameter("page", "size=all is a single page; leave page out.", List.of("0"), null);
            }
            return PageRequest.ALL;
        }
        return PageRequest.parse(page, size);
    }
}
