package org.trialevidence.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.trialevidence.errors.ProblemException;

import java.util.List;

/** Paging and representation of a list endpoint: JSON pages, or CSV (one page, or every match with size=all). */
public class PageParams extends Representation {

    @QueryParam("page")
    @Parameter(description = "Page number, 0-based.", example = "0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @Parameter(description = "Items per page, 1 to 200; for CSV also 'all' (every match, streamed).", example = "20", schema = @Schema(type = SchemaType.STRING, defaultValue = "20"))
    public String size;

    @QueryParam(FieldSelection.PARAMETER)
    @Parameter(description = FieldSelection.DESCRIPTION, example = "id")
    public List<String> fields;

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
