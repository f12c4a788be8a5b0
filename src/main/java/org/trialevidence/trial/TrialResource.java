package org.trialevidence.trial;

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
import org.trialevidence.errors.ProblemResponses;
import org.trialevidence.paging.ListResponses;
import org.trialevidence.paging.PageParams;

import java.util.List;
import java.util.function.Supplier;

@Path("/api/v1/trials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Trials", description = "Curated studies: design, population, arms, results, safety, approvals and sources")
public class TrialResource {
    @Inject
    TrialService trials;
    @Inject
    ListResponses responses;
    @Inject
    AnswerCache answers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, PageParams.CSV})
    @Operation(operationId = "listTrials", summary = "List trials",
            description = "Filters combine with AND; a repeated parameter means OR; vocabulary values match through aliases and umbrella terms. "
                    + "CSV with format=csv or Accept: text/csv; size=all streams every match.")
    @APIResponse(responseCode = "200", description = "A page of trials, or CSV rows",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialPage.class)),
                    @Content(mediaType = PageParams.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_QUERY)
    public Uni<Response> list(@BeanParam TrialCriteria criteria, @BeanParam PageParams paging, @Context HttpHeaders headers,
                              @Context UriInfo uri, @Context HttpServerRequest request) {
        // JSON pages come from memory, written once per URL and version; CSV is written on a worker.
        Supplier<Response> answer = () -> responses.respond(new TrialList(trials, trials.filter(criteria)), paging, headers, uri);
        return trials.answersWithoutBlocking() && !paging.csv(headers)
                ? EventLoopAnswers.respond(true, () -> answers.respond(trials::answeringVersion, request.uri(), answer))
                : EventLoopAnswers.respond(false, answer);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTrial", summary = "One trial, in full",
            description = "Found by id, acronym or alias, whatever the case, spacing or hyphens (INAVO 120, inavo-120, INAVO120).")
    @APIResponse(responseCode = "200", description = "The trial",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrialView.class)))
    @APIResponse(responseCode = "404", ref = ProblemResponses.UNKNOWN_TRIAL)
    public Uni<Response> get(@Parameter(description = "Trial id, acronym or alias", example = "INAVO 120") @PathParam("id") String name,
                             @Context HttpServerRequest request) {
        // A record kept by the current read model comes from memory, written once per URL and version; any other is
        // read from the database, on a worker. The record is taken again inside the answer, so that it is of the
        // version the answer is kept under (a model replaced since the check may no longer keep it: then it is read).
        Supplier<Response> answer = () -> json(trials.keptRecord(name).orElseGet(() -> trials.json(name).orElseThrow(() -> trials.notFound("id", name))));
        return trials.keptRecord(name).isPresent()
                ? EventLoopAnswers.answer(true, () -> answers.respond(trials::answeringVersion, request.uri(), answer))
                : EventLoopAnswers.answer(false, answer);
    }

    private static Response json(RawJson record) {
        return Response.ok(record, AnswerCache.JSON).build();
    }

    /** Names the page type for OpenAPI (generic records are not described by their type parameter). */
    @Schema(name = "TrialPage")
    public record TrialPage(List<TrialSummaryView> items, int page, int size, long totalItems, long totalPages) { }
}
