package org.trialevidence.result;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The parameters of a results list beyond the evidence query: which results (preferred) and the CSV shape (layout). */
public class ResultListParams {
    @QueryParam("layout")
    @Parameter(description = ResultLists.LAYOUT, schema = @Schema(enumeration = {"wide", "arms"}, defaultValue = "wide"))
    public String layout;

    @QueryParam("preferred")
    @Parameter(description = PreferredResults.PARAMETER, schema = @Schema(type = SchemaType.BOOLEAN))
    public String preferred;
}
