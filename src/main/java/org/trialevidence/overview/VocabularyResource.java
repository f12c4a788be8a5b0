package org.trialevidence.overview;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.smallrye.mutiny.Uni;
import org.trialevidence.api.EventLoopAnswers;
import org.trialevidence.errors.Problem;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.vocabulary.VocabularyKind;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

@Path("/api/v1/vocabulary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabulary", description = "The controlled vocabularies every filter resolves through: codes, aliases, umbrella terms, usage")
public class VocabularyResource {
    @Inject
    VocabularyService vocabulary;

    @GET
    @Operation(operationId = "listVocabularies", summary = "All vocabularies", description = "settings, biomarkers, endpoints, drugClasses and drugs, each term with its aliases, parent (umbrella) and usage counts.")
    @APIResponse(responseCode = "200", description = "Every vocabulary by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, additionalProperties = TermView[].class)))
    public Uni<Map<String, List<TermView>>> all() {
        return EventLoopAnswers.answer(vocabulary.countsWithoutBlocking(), vocabulary::all);
    }

    @GET
    @Path("/{vocabulary}")
    @Operation(operationId = "getVocabulary", summary = "One vocabulary", description = "Its terms, each with its aliases, parent (umbrella) and usage counts.")
    @APIResponse(responseCode = "200", description = "The terms", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TermView.class)))
    @APIResponse(responseCode = "404", description = "No such vocabulary", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<TermView>> one(@Parameter(description = "settings, biomarkers, endpoints, drugClasses or drugs", example = "biomarkers",
            schema = @Schema(enumeration = {"settings", "biomarkers", "endpoints", "drugClasses", "drugs"})) @PathParam("vocabulary") String name) {
        VocabularyKind kind = VocabularyKind.fromPathName(name).orElseThrow(() -> ProblemException.notFound("vocabulary",
                "There is no vocabulary '" + name + "'; there are " + Arrays.stream(VocabularyKind.values()).map(k -> k.pathName).toList() + ".",
                Arrays.stream(VocabularyKind.values()).map(k -> k.pathName).toList()));
        return EventLoopAnswers.answer(vocabulary.countsWithoutBlocking(), () -> vocabulary.terms(kind));
    }
}
