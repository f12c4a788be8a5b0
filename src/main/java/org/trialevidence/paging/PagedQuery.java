package org.trialevidence.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging and sorting query parameters every list endpoint takes. */
public abstract class PagedQuery {
    @QueryParam("page")
    @Parameter(description = "Page number, 0-based.", example = "0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @Parameter(description = "Items per page, 1 to 200.", example = "20", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20"))
    public String size;

    public PageRequest pageRequest() {
        return PageRequest.parse(page, size);
    }
}
