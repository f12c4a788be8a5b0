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
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.trialevidence.api.AnswerCache;
import org.trialevidence.api.EventLoopAnswers;
import org.trialevidence.errors.Problem;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.vocabulary.VocabularyKind;

import java.util.Arrays;
import java.util.function.Supplier;

@Path("/api/v1/vocabulary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabulary", description = "The controlled vocabularies every filter resolves through: codes, aliases, umbrella terms, usage")
public class VocabularyResource {
    @Inject
    VocabularyService vocabulary;
    @Inject
    AnswerCache answers;

    @GET
    @Operation(operationId = "listVocabularies", summary = "All vocabularies",
            description = "settings, biomarkers, endpoints, drugClasses and drugs, each term with its aliases, parent (umbrella) and usage counts.")
    @APIResponse(responseCode = "200", description = "Every vocabulary by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, additionalProperties = TermView[].class)))
    public Uni<Response> all(@Context HttpServerRequest request) {
        return answer(request, vocabulary::all);
    }

    @GET
    @Path("/{vocabulary}")
    @Operation(operationId = "getVocabulary", summary = "One vocabulary", description = "Its terms, each with its aliases, parent (umbrella) and usage counts.")
    @APIResponse(responseCode = "200", description = "The terms",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TermView.class)))
    @APIResponse(responseCode = "404", description = "No such vocabulary",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> one(@Context HttpServerRequest request,
                             @Parameter(description = "settings, biomarkers, endpoints, drugClasses or drugs", example = "biomarkers",
                                     schema = @Schema(enumeration = {"settings", "biomarkers", "endpoints", "drugClasses", "drugs"}))
                             @PathParam("vocabulary") String name) {
        VocabularyKind kind = VocabularyKind.fromPathName(name).orElseThrow(() -> ProblemException.notFound("vocabulary",
                "There is no vocabulary '" + name + "'; there are " + Arrays.stream(VocabularyKind.values()).map(k -> k.pathName).toList() + ".",
                Arrays.stream(VocabularyKind.values()).map(k -> k.pathName).toList()));
        return answer(request, () -> vocabulary.terms(kind));
    }

    /** Usage counts from memory are written once per version; otherwise they are counted on a worker. */
    private Uni<Response> answer(HttpServerRequest request, Supplier<Object> terms) {
        Supplier<Response> answer = () -> Response.ok(terms.get(), AnswerCache.JSON).build();
        return vocabulary.countsWithoutBlocking()
                ? EventLoopAnswers.answer(true, () -> answers.respond(vocabulary::answeringVersion, request.uri(), answer))
                : EventLoopAnswers.answer(false, answer);
    }
}
