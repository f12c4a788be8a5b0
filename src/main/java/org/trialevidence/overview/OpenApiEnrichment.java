package org.trialevidence.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.trialevidence.seeding.SeedDataReader;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.trialevidence.analysis.PreferredSelection;
import org.trialevidence.errors.ProblemResponses;
import org.trialevidence.paging.PageHeaders;
import org.trialevidence.vocabulary.Term;
import org.trialevidence.vocabulary.VocabularyCatalog;
import org.trialevidence.vocabulary.VocabularyKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Completes the OpenAPI document from the data the API serves, so it cannot drift from it: the vocabulary
 * parameters list their allowed codes, and the 200 responses carry examples recorded from the real dataset
 * ({@code src/main/resources/openapi-examples/}, kept equal to live answers by OpenApiExamplesTest); the curation
 * bodies carry the length limits of the seed-data JSON Schema; the problem answers many operations share are defined
 * once ({@link ProblemResponses}). It also shapes the
 * document for Swagger UI, whose "Try it out" pre-fills every parameter example: a repeatable filter's example
 * moves to its items (documented, not pre-filled: filters combine with AND, so pre-filled ones narrow the first
 * answer to little or nothing), and only the operations that need filters to answer at all get working ones.
 */
public class OpenApiEnrichment implements OASFilter {
    private static final Map<String, VocabularyKind> VOCABULARY_PARAMETERS = Map.of(
            "setting", VocabularyKind.SETTINGS,
            "biomarker", VocabularyKind.BIOMARKERS,
            "endpoint", VocabularyKind.ENDPOINTS,
            "drugClass", VocabularyKind.DRUG_CLASSES,
            "comparator", VocabularyKind.DRUG_CLASSES,
            "drug", VocabularyKind.DRUGS);
    /** operationId -> recorded example of its 200 answer. */
    public static final Map<String, String> EXAMPLES = Map.of(
            "searchResults", "results-serena-6-pfs.json",
            "listTrials", "trials-inavo-120.json",
            "getTrial", "trial-serena-6.json",
            "metaAnalysis", "meta-analysis-cdk46i-added-to-et-pfs.json",
            "poolStudies", "meta-analysis-pooled.json");
    /** operationId -> example of its request body (the answer to it is in {@link #EXAMPLES}). */
    public static final Map<String, String> REQUEST_EXAMPLES = Map.of(
            "poolStudies", "meta-analysis-request.json");

    /** Tags in the order a reader needs them (the default is alphabetical, which puts curation writes first). */
    static final List<String> TAG_ORDER = List.of("Trials", "Results", "Analysis", "Vocabulary", "Dataset", "Export", "FHIR",
            "Curation", "Curation access");
    private static final Map<String, List<String>> META_ANALYSIS_FILTERS = Map.of("endpoint", List.of("PFS"),
            "added", List.of("CDK4/6i"), "comparator", List.of("endocrine-therapy"), "setting", List.of("metastatic"));
    /** The example of a connected network of at least four treatments. */
    private static final Map<String, List<String>> NETWORK_FILTERS = Map.of("endpoint", List.of("PFS"), "setting", List.of("metastatic"),
            "comparator", List.of("endocrine-therapy"), "biomarker", List.of("HR-positive"));
    /**
     * operationId -> the filters that make its first "Try it out" answer 200: compare needs two trials and one
     * endpoint; the meta-analysis one endpoint's hazard ratios of one question (the recorded example's query); the
     * network meta-analysis one endpoint; a forest plot of every result would be hundreds of rows.
     */
    static final Map<String, Map<String, List<String>>> WORKING_EXAMPLES = Map.of(
            "compareTrials", Map.of("trial", List.of("PALOMA-2", "MONALEESA-2"), "endpoint", List.of("PFS")),
            "metaAnalysis", META_ANALYSIS_FILTERS,
            "metaAnalysisForestPlot", META_ANALYSIS_FILTERS,
            "networkMetaAnalysis", NETWORK_FILTERS,
            "networkMetaAnalysisGraph", NETWORK_FILTERS,
            "networkMetaAnalysisLeagueTable", NETWORK_FILTERS,
            "resultsForestPlot", Map.of("endpoint", List.of("PFS"), "drugClass", List.of("oral-SERD")));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getTags() != null) {
            openAPI.setTags(openAPI.getTags().stream().sorted(Comparator.comparingInt(OpenApiEnrichment::tagRank)).toList());
        }
        copySeedDataLengths(openAPI);
        ProblemResponses.addTo(openAPI);
    }

    private static int tagRank(Tag tag) {
        int rank = TAG_ORDER.indexOf(tag.getName());
        return rank < 0 ? TAG_ORDER.size() : rank;
    }

    /**
     * A nullable reference comes out as {@code type: object} beside {@code anyOf: [$ref, {type: null}]}, and the
     * type alone refuses the null the anyOf allows; the anyOf says it all.
     */
    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getAnyOf() != null && schema.getAnyOf().stream().anyMatch(s -> s.getRef() != null)
                && schema.getAnyOf().stream().anyMatch(s -> List.of(Schema.SchemaType.NULL).equals(s.getType()))) {
            schema.setType(null);
        }
        return schema;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        VocabularyKind kind = VOCABULARY_PARAMETERS.get(parameter.getName());
        if (kind != null && parameter.getIn() == Parameter.In.QUERY) {
            String codes = VocabularyCatalog.get().of(kind).terms().stream().map(Term::code).collect(Collectors.joining(", "));
            parameter.setDescription(parameter.getDescription() + " Allowed codes: " + codes + ".");
        }
        if ("preferred".equals(parameter.getName()) && parameter.getIn() == Parameter.In.QUERY) {
            parameter.setDescription(parameter.getDescription() + " The rule:" + PreferredSelection.RULE);
        }
        return parameter;
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getParameters() != null) {
            Map<String, List<String>> working = WORKING_EXAMPLES.getOrDefault(operation.getOperationId(), Map.of());
            for (Parameter parameter : operation.getParameters()) {
                Schema schema = parameter.getSchema();
                if (parameter.getIn() != Parameter.In.QUERY || schema == null || schema.getItems() == null) {
                    continue;
                }
                if (parameter.getExample() != null) {
                    schema.getItems().setExamples(List.of(parameter.getExample()));
                }
                parameter.setExample(working.get(parameter.getName()));
            }
        }
        String request = operation.getOperationId() == null ? null : REQUEST_EXAMPLES.get(operation.getOperationId());
        if (request != null && operation.getRequestBody() != null) {
            MediaType json = operation.getRequestBody().getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            if (json != null) {
                json.addExample("real data", OASFactory.createExample().summary("Hazard ratios from the dataset, one with a 90% CI").value(read(request)));
            }
        }
        if (operation.getParameters() != null && operation.getResponses() != null && operation.getResponses().getAPIResponse("200") != null
                && operation.getParameters().stream().anyMatch(parameter -> "page".equals(parameter.getName()) && parameter.getIn() == Parameter.In.QUERY)) {
            PageHeaders.document(operation.getResponses().getAPIResponse("200"));
        }
        String example = operation.getOperationId() == null ? null : EXAMPLES.get(operation.getOperationId());
        if (example != null && operation.getResponses() != null && operation.getResponses().getAPIResponse("200") != null) {
            MediaType json = operation.getResponses().getAPIResponse("200").getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            if (json != null) {
                json.addExample("real data", OASFactory.createExample().summary("Recorded from the real dataset").value(read(example)));
            }
        }
        return operation;
    }

    /**
     * The curation bodies are seed-data records; the lengths their JSON Schema allows (the database's) are copied
     * into the OpenAPI description of the same shape, so that the two documents cannot disagree.
     */
    private static void copySeedDataLengths(OpenAPI openAPI) {
        Path file = Path.of(ConfigProvider.getConfig().getOptionalValue("evidence.seed-dir", String.class).orElse("seed-data")).resolve(SeedDataReader.SCHEMA);
        JsonNode seedSchema;
        try {
            seedSchema = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document takes the seed-data limits from " + file, e);
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        copyLengths(seedSchema, seedSchema, components.get("TrialSeed"), components);
    }

    private static void copyLengths(JsonNode jsonSchema, JsonNode root, Schema api, Map<String, Schema> components) {
        JsonNode seed = jsonSchema.has("$ref") ? root.at(jsonSchema.get("$ref").asText().substring(1)) : jsonSchema;
        Schema target = api.getRef() == null ? api : components.get(api.getRef().substring(api.getRef().lastIndexOf('/') + 1));
        if (seed.has("maxLength")) {
            target.setMaxLength(seed.get("maxLength").asInt());
        }
        if (seed.has("items") && target.getItems() != null) {
            copyLengths(seed.get("items"), root, target.getItems(), components);
        }
        if (target.getProperties() != null) {
            seed.path("properties").properties().forEach(property -> {
                Schema apiProperty = target.getProperties().get(property.getKey());
                if (apiProperty != null) {
                    copyLengths(property.getValue(), root, apiProperty, components);
                }
            });
        }
    }

    public static JsonNode read(String example) {
        String resource = "openapi-examples/" + example;
        try (InputStream in = OpenApiEnrichment.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
