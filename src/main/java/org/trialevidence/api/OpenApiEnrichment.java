package org.trialevidence.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.trialevidence.analysis.PreferredSelection;
import org.trialevidence.paging.PageHeaders;
import org.trialevidence.vocabulary.Term;
import org.trialevidence.vocabulary.VocabularyCatalog;
import org.trialevidence.vocabulary.VocabularyKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Completes the OpenAPI document from the data the API serves, so it cannot drift from it: the vocabulary
 * parameters list their allowed codes, and the 200 responses carry examples recorded from the real dataset
 * ({@code src/main/resources/openapi-examples/}, kept equal to live answers by OpenApiExamplesTest).
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
