package org.trialevidence.network;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.trialevidence.analysis.QueryText;
import org.trialevidence.errors.Problem;
import org.trialevidence.errors.ProblemResponses;
import org.trialevidence.paging.CsvColumns;
import org.trialevidence.paging.ListResponses;
import org.trialevidence.paging.PageParams;
import org.trialevidence.plot.NetworkGraph;
import org.trialevidence.result.ResultCriteria;
import org.trialevidence.result.ResultFilter;
import org.trialevidence.entity.TrialLookup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/network-meta-analysis")
@Tag(name = "Analysis")
public class NetworkResource {
    private static final String CURATED = "Builds the network from the contrasts the filters match (every filter of GET /api/v1/results except"
            + " significant and maxHazardRatio; endpoint is required, one; hazard ratios only): one result per trial and contrast by the rule of"
            + " the pairwise meta-analysis, a trial's comparisons making one study (a multi-arm trial a multi-arm study; reported only against"
            + " its shared arm, the covariance of its comparisons is approximated from equal arm variances). Nodes are regimens by drug class"
            + " (nodes=class, default: 'AI', 'CDK4/6i + AI', 'oral-SERD') or by drug (nodes=drug). A disconnected network answers its largest"
            + " connected part and lists the others, with their trials, in leftOut. reference defaults to the treatment in most trials. ";

    static final CsvColumns<NetworkView.LeagueEntry> LEAGUE_CSV = new CsvColumns<NetworkView.LeagueEntry>()
            .add("row", NetworkView.LeagueEntry::row)
            .add("column", NetworkView.LeagueEntry::column)
            .add("fixedEstimate", entry -> entry.fixedEffect().estimate())
            .add("fixedCiLower", entry -> entry.fixedEffect().ciLower())
            .add("fixedCiUpper", entry -> entry.fixedEffect().ciUpper())
            .add("randomEstimate", entry -> entry.randomEffects().estimate())
            .add("randomCiLower", entry -> entry.randomEffects().ciLower())
            .add("randomCiUpper", entry -> entry.randomEffects().ciUpper());

    @Inject
    NetworkService networks;
    @Inject
    TrialLookup trials;

    /** The parameters of the curated network besides the result filters. */
    public static class Criteria {
        @QueryParam("nodes")
        @Parameter(description = "class (default): regimens by drug class; drug: regimens by drug", schema = @Schema(enumeration = {"class", "drug"}))
        public String nodes;

        @QueryParam("reference")
        @Parameter(description = "The treatment estimates are relative to (a node name as the answer spells it, e.g. AI); default: the one in most trials")
        public String reference;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "networkMetaAnalysisOfContrasts", summary = "Network meta-analysis of contrasts sent in the request",
            description = "Every treatment against every other from contrasts in netmeta's long format: estimate is treatment1 relative to"
                    + " treatment2 (ln ratio for HR, OR, RR with the SE of the ln; the difference for MD); a multi-arm study gives every pair of"
                    + " its arms, and their correlation is accounted for. " + NetworkService.METHOD + " Malformed JSON, unknown fields or wrong"
                    + " types: 400. 422 naming the field: an unknown effectMeasure or reference, a standardError not positive, a study that repeats"
                    + " a pair or leaves one out, a multi-arm study whose estimates disagree, fewer than 2 treatments, a network that is not"
                    + " connected (the detail names the treatments of each part).")
    @APIResponse(responseCode = "200", description = "Both models, league table, ranking, inconsistency and what went in",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NetworkView.class)))
    @APIResponse(responseCode = "400", ref = ProblemResponses.MALFORMED_BODY)
    @APIResponse(responseCode = "422", description = "A value out of range, or a network that cannot be analysed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NetworkView analyse(@RequestBody(required = true, description = "The contrasts, effect measure and reference",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NetworkRequest.class))) String body) {
        return networks.analyse(body);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "networkMetaAnalysis", summary = "Network meta-analysis of the curated trials",
            description = CURATED + NetworkService.METHOD)
    @APIResponse(responseCode = "200", description = "The network meta-analysis",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NetworkView.class)))
    @APIResponse(responseCode = "400", description = "An unknown parameter or value, no or several endpoints, an outcome filter, an unknown reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No two treatments compared by the matching trials",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NetworkView curated(@BeanParam ResultCriteria criteria, @BeanParam Criteria network) {
        return analyse(criteria, network).view();
    }

    @GET
    @Path("/graph.svg")
    @Produces(NetworkGraph.MEDIA_TYPE)
    @Operation(operationId = "networkMetaAnalysisGraph", summary = "The curated network drawn",
            description = "The network of GET /api/v1/network-meta-analysis as SVG: treatments on a circle, node area by the number of trials"
                    + " including it (in brackets), edge width by the number of trials comparing the two, labelled with it. Same parameters and problems.")
    @APIResponse(responseCode = "200", description = "An SVG document",
            content = @Content(mediaType = NetworkGraph.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "As GET /api/v1/network-meta-analysis",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "As GET /api/v1/network-meta-analysis",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response graph(@BeanParam ResultCriteria criteria, @BeanParam Criteria network, @Context UriInfo uri) {
        NetworkView view = analyse(criteria, network).view();
        Map<String, Integer> perTreatment = new LinkedHashMap<>();
        view.leagueTable().forEach(entry -> perTreatment.putIfAbsent(entry.row(), 0));
        view.studies().forEach(study -> study.treatments().forEach(t -> perTreatment.merge(t, 1, Integer::sum)));
        List<NetworkGraph.Node> nodes = perTreatment.entrySet().stream().map(e -> new NetworkGraph.Node(e.getKey(), e.getValue())).toList();
        List<NetworkGraph.Edge> edges = view.comparisons().stream()
                .map(c -> new NetworkGraph.Edge(c.treatment1(), c.treatment2(), c.studies().size())).toList();
        String title = "Network of treatments \u2014 " + QueryText.of(uri).words();
        return Response.ok(NetworkGraph.draw(title, nodes, edges), NetworkGraph.MEDIA_TYPE + "; charset=UTF-8").build();
    }

    @GET
    @Path("/league.csv")
    @Produces(PageParams.CSV)
    @Operation(operationId = "networkMetaAnalysisLeagueTable", summary = "The curated network's league table as CSV",
            description = "One line per ordered pair of treatments: row relative to column (HR), fixed and random effects with 95% CIs. Same"
                    + " parameters and problems as GET /api/v1/network-meta-analysis.")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = PageParams.CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "As GET /api/v1/network-meta-analysis",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "As GET /api/v1/network-meta-analysis",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response league(@BeanParam ResultCriteria criteria, @BeanParam Criteria network) {
        List<NetworkView.LeagueEntry> league = analyse(criteria, network).view().leagueTable();
        return ListResponses.csv(LEAGUE_CSV.stream(league::forEach), "league.csv").build();
    }

    private NetworkService.Curated analyse(ResultCriteria criteria, Criteria network) {
        return networks.curated(ResultFilter.parse(criteria, trials), NodeLevel.fromQuery(network.nodes), network.reference);
    }
}
