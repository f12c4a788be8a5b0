package org.trialevidence.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.dataset.DatasetService;
import org.trialevidence.paging.PageParams;
import org.trialevidence.result.ResultCriteria;
import org.trialevidence.result.ResultCsv;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.result.ResultService;
import org.trialevidence.result.ResultView;
import org.trialevidence.entity.StudyTypes;
import org.trialevidence.entity.TrialLookup;

import java.util.List;

/** The whole dataset in one file, for scripts that want everything: every result of every kind of study. */
@Path("/api/v1/export")
@Tag(name = "Export", description = "The whole dataset in one file, with its version")
public class ExportResource {
    static final String VERSION_HEADER = "X-Dataset-Version";

    @Inject
    ResultService results;
    @Inject
    TrialLookup trials;
    @Inject
    DatasetService dataset;
    @Inject
    ObjectMapper mapper;

    @GET
    @Path("/results.csv")
    @Produces(PageParams.CSV)
    @Operation(operationId = "exportResultsCsv", summary = "Every result as CSV",
            description = "The columns of GET /api/v1/results?format=csv; every study type.")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV with a header row",
            headers = @Header(name = VERSION_HEADER, description = "Dataset version (content hash)", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = PageParams.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response csv() {
        ResultFilter everything = everything();
        return Response.ok(ResultCsv.COLUMNS.stream(row -> results.forEach(everything, row)), PageParams.CSV + "; charset=UTF-8")
                .header(VERSION_HEADER, dataset.version())
                .header("Content-Disposition", "attachment; filename=\"results-" + dataset.version() + ".csv\"").build();
    }

    @GET
    @Path("/results.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exportResultsJson", summary = "Every result as JSON",
            description = "{\"datasetVersion\": ..., \"results\": [...]} with the items of GET /api/v1/results; every study type.")
    @APIResponse(responseCode = "200", description = "The dataset version and every result",
            headers = @Header(name = VERSION_HEADER, description = "Dataset version (content hash)", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultExport.class)))
    public Response json() {
        ResultFilter everything = everything();
        String version = dataset.version();
        StreamingOutput body = output -> {
            try (JsonGenerator generator = mapper.getFactory().createGenerator(output)) {
                generator.writeStartObject();
                generator.writeStringField("datasetVersion", version);
                generator.writeArrayFieldStart("results");
                results.forEach(everything, result -> write(generator, result));
                generator.writeEndArray();
                generator.writeEndObject();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON).header(VERSION_HEADER, version)
                .header("Content-Disposition", "attachment; filename=\"results-" + version + ".json\"").build();
    }

    private void write(JsonGenerator generator, ResultView result) {
        try {
            mapper.writeValue(generator, result);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ResultFilter everything() {
        ResultCriteria criteria = new ResultCriteria();
        criteria.studyType = List.of(StudyTypes.EVERY_KIND);
        return ResultFilter.parse(criteria, trials);
    }

    /** Describes the JSON export for OpenAPI. */
    @Schema(name = "ResultExport")
    public record ResultExport(@Schema(example = "1827116c9abb6448") String datasetVersion, List<ResultView> results) { }
}
