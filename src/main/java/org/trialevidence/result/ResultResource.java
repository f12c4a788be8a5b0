package org.trialevidence.result;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.trialevidence.api.AnswerCache;
import org.trialevidence.api.EventLoopAnswers;
import org.trialevidence.api.RawJson;
import org.trialevidence.errors.Problem;
import org.trialevidence.errors.ProblemResponses;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.paging.PageParams;
import org.trialevidence.entity.TrialLookup;

import java.util.Optional;
import java.util.function.Supplier;

@Path("/api/v1/results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results", description = "The evidence query: reported outcomes with their statistics and sources")
public class ResultResource {
    @Inject
    ResultService results;
    @Inject
    TrialLookup trials;
    @Inject
    ResultLists lists;
    @Inject
    AnswerCache answers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, PageParams.CSV})
    @Operation(operationId = "searchResults", summary = "Query results",
            description = "Filters combine with AND; a repeated parameter means OR. Values match case-insensitively through aliases, and umbrella "
                    + "terms match their children. Unknown parameters or values are rejected with application/problem+json. "
                    + "CSV (format=csv or Accept: text/csv) has the JSON fields as columns, the arms named by role (experimental.value, control.value,"
                    + " other1.value, ...); layout=arms gives one row per arm. size=all streams every match; any other CSV answer is one page and"
                    + " says so in its headers (X-Page, X-Total-Count, Link).")
    @APIResponse(responseCode = "200", description = "A page of results, or CSV rows",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultPage.class)),
                    @Content(mediaType = PageParams.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_QUERY)
    public Uni<Response> search(@BeanParam ResultCriteria criteria, @BeanParam PageParams paging, @Context HttpHeaders headers,
                                @Context UriInfo uri, @BeanParam ResultListParams list, @Context HttpServerRequest request) {
        // JSON pages are written once per URL and version: from memory on the event loop, or (large datasets) on a
        // worker from the views stored in the database, kept only when those are of the version alone, and then sent
        // from the event loop too. CSV rows may be read from the database; the preferred results are chosen by the
        // analyses, which read the database.
        boolean keptByVersion = !paging.csv(headers) && list.preferred == null;
        boolean fromMemory = keptByVersion && results.answersWithoutBlocking() && trials.answersWithoutBlocking();
        Supplier<Response> answer = () -> lists.respond(ResultFilter.parse(criteria, trials), list, paging, headers, uri);
        Supplier<String> version = () -> answerVersion(results.answeringVersion(), trials.answeringVersion());
        Supplier<Response> kept = () -> answers.respond(version, results::pagesOfOneVersion, request.uri(), answer);
        if (keptByVersion && !fromMemory && trials.answersWithoutBlocking()) {
            // A large dataset's page kept for the version the index holds, and the database held a moment ago, is
            // sent from here as a small dataset's is: it was kept only once of that version alone.
            Optional<Response> keptForRecentVersion = results.recentVersion()
                    .flatMap(resultsVersion -> answers.kept(answerVersion(resultsVersion, trials.answeringVersion()), request.uri()));
            if (keptForRecentVersion.isPresent()) {
                return Uni.createFrom().item(keptForRecentVersion.get());
            }
        }
        return EventLoopAnswers.respond(fromMemory, keptByVersion ? kept : answer);
    }

    /** The version a results page is kept by: it reads both read models. */
    private static String answerVersion(String resultsVersion, String trialsVersion) {
        return resultsVersion + ' ' + trialsVersion;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getResult", summary = "One result",
            description = "A result by its id (as in the id field of /api/v1/results), whatever the case.")
    @APIResponse(responseCode = "200", description = "The result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultView.class)))
    @APIResponse(responseCode = "404", description = "No result has that id; the nearest ids are suggested",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RawJson get(@Parameter(description = "Result id", example = "serena-6-pfs-itt") @PathParam("id") String id) {
        return results.json(id).orElseThrow(() -> ProblemException.notFound("id", "No result has the id '" + id + "'.", results.nearest(id)));
    }

    /** Names the page type for OpenAPI (generic records are not described by their type parameter). */
    @Schema(name = "ResultPage")
    public record ResultPage(java.util.List<ResultView> items, int page, int size, long totalItems, long totalPages) { }
}
