package org.trialevidence.fhir;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.errors.Problem;
import org.trialevidence.result.ResultCriteria;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.entity.TrialLookup;

import java.util.List;

/** The evidence query as FHIR: the filters and their errors are those of /api/v1/results, the answer a searchset of Evidence. */
@Path("/fhir/Evidence")
@Tag(name = "FHIR", description = "The evidence query as HL7 FHIR R5 resources")
public class EvidenceResource {
    private static final String EVIDENCE_DESCRIPTION = "An Evidence (https://hl7.org/fhir/R5/evidence.html). "
            + "id = the result id (ids over FHIR's 64 characters: their first 47 characters, '-' and 16 hex digits of their SHA-256); "
            + "identifier = the result id (system " + EvidenceMapper.RESULT_IDENTIFIER_SYSTEM + "); status active; narrative text; "
            + "title and description from trial, endpoint, population and analysis; "
            + "relatedArtifact (type derived-from) per source, the primary first: the review's file name and title, and the location and verbatim "
            + "excerpt in the citation; "
            + "note: curation notes, corrections (what the source shows, what is served, why) and conflicts with other results; "
            + "variableDefinition with variableRole population (label, intention-to-treat or subgroup, biomarkers), exposure (the experimental arm "
            + "and its drugs), "
            + "referenceExposure (the control arm) and measuredVariable (the endpoint); "
            + "statistic[0]: the comparison, statisticType Hazard Ratio C93150, Odds Ratio C16932 or Relative Risk C93152 of "
            + "http://terminology.hl7.org/CodeSystem/statistic-type "
            + "(absent when the review prints only a p-value), quantity = the estimate, attributeEstimate Confidence interval C53324 (level as "
            + "printed, range low/high) and "
            + "P-value C44185 (quantity with comparator when printed with < or >) of http://terminology.hl7.org/CodeSystem/attribute-estimate-type; "
            + "then one statistic per arm value: Median C28007 in months (UCUM mo) or Proportion C44256 for rates in percent (UCUM %), with its CI (no level: "
            + "the reviews do not state one for per-arm CIs) and the number of participants where stated; its description names the arm.";

    @Inject
    EvidenceService evidence;
    @Inject
    TrialLookup trials;
    @Inject
    FhirJson fhir;

    @GET
    @Produces({FhirJson.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "searchEvidence", summary = "Query results as FHIR R5 Evidence",
            description = "The filters of GET /api/v1/results (same parameters, same validation, same sort order), answered as a FHIR R5 searchset "
                    + "Bundle of Evidence "
                    + "resources, one per matching result that compares two arms (experimental against control). Results without a comparison "
                    + "(single-arm values) are left out, so total can be lower than the totalItems of /api/v1/results. No paging: every match is in "
                    + "the Bundle. "
                    + "application/fhir+json, or application/json when asked for by Accept. Bad filters are answered with the same "
                    + "application/problem+json as /api/v1/results.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle of Evidence resources",
            content = {@Content(mediaType = FhirJson.MEDIA_TYPE, schema = @Schema(implementation = EvidenceBundle.class)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceBundle.class))})
    @APIResponse(responseCode = "400", description = "An unknown parameter or an unknown filter value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String search(@BeanParam ResultCriteria criteria, @Context UriInfo uri) {
        ResultFilter filter = ResultFilter.parse(criteria, trials);
        return fhir.encode(evidence.search(filter, uri.getRequestUri().toString(), uri.getBaseUriBuilder().path("fhir/Evidence/").build().toString()));
    }

    /** Describes the answer for OpenAPI; the body itself is written by HAPI FHIR. */
    @Schema(name = "EvidenceBundle",
            description = "A FHIR R5 Bundle (https://hl7.org/fhir/R5/bundle.html) of type searchset with one entry per matching result that compares two arms.")
    public record EvidenceBundle(@Schema(enumeration = "Bundle") String resourceType,
                                 @Schema(enumeration = "searchset") String type,
                                 @Schema(description = "The number of entries", example = "1") int total,
                                 @Schema(description = "The self link: the URL that was asked") List<Link> link,
                                 List<Entry> entry) {
        @Schema(name = "EvidenceBundleLink")
        public record Link(@Schema(example = "self") String relation,
                           @Schema(example = "http://localhost:8080/fhir/Evidence?trial=SERENA-6&endpoint=PFS") String url) { }

        @Schema(name = "EvidenceBundleEntry")
        public record Entry(@Schema(example = "http://localhost:8080/fhir/Evidence/serena-6-pfs-itt") String fullUrl,
                            @Schema(type = SchemaType.OBJECT, description = EVIDENCE_DESCRIPTION) Object resource,
                            @Schema(description = "mode: match") Search search) { }

        @Schema(name = "EvidenceBundleSearch")
        public record Search(@Schema(enumeration = "match") String mode) { }
    }
}
