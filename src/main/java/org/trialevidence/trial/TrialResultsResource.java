package org.trialevidence.trial;

import org.trialevidence.result.ResultResource;
import org.trialevidence.result.ResultLists;
import org.trialevidence.result.ResultListParams;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.result.ResultCriteria;
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
import org.trialevidence.errors.ProblemResponses;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.paging.PageParams;
import org.trialevidence.entity.StudyTypes;
import org.trialevidence.entity.TrialLookup;

import java.util.List;

/**
 * A trial's results under the trial's own URL. Lives with the trials (which list results, not the reverse); its path
 * is longer than /api/v1/trials, so it is matched before the trial resource.
 */
@Path("/api/v1/trials/{id}/results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Trials")
public class TrialResultsResource {
    @Inject
    TrialLookup trials;
    @Inject
    ResultLists lists;

    @GET
    @Produces({MediaType.APPLICATION_JSON, PageParams.CSV})
    @Operation(operationId = "listTrialResults", summary = "A trial's results",
            description = "The results of one trial (found by id, acronym or alias, as for /api/v1/trials/{id}), of every study type,"
                    + " with the other filters, paging and CSV shapes of /api/v1/results.")
    @APIResponse(responseCode = "200", description = "A page of the trial's results, or CSV rows",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ResultResource.ResultPage.class)),
                    @Content(mediaType = PageParams.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = ProblemResponses.BAD_QUERY)
    @APIResponse(responseCode = "404", ref = ProblemResponses.UNKNOWN_TRIAL)
    public Response list(@Parameter(description = "Trial id, acronym or alias", example = "SERENA-6") @PathParam("id") String name,
                         @BeanParam ResultCriteria criteria, @BeanParam PageParams paging, @Context HttpHeaders headers, @Context UriInfo uri,
                         @BeanParam ResultListParams list) {
        if (criteria.trial != null && !criteria.trial.isEmpty()) {
            throw ProblemException.invalidParameter("trial", "The path names the trial; use /api/v1/results?trial=... for several.", null, null);
        }
        criteria.trial = List.of(trials.id("id", name));
        // The trial's results whatever the kind of study it is (a cohort's results are not hidden behind studyType=).
        if (criteria.studyType == null || criteria.studyType.isEmpty()) {
            criteria.studyType = List.of(StudyTypes.EVERY_KIND);
        }
        return lists.respond(ResultFilter.parse(criteria, trials), list, paging, headers, uri);
    }
}
