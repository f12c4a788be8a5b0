package org.trialevidence.analysis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trialevidence.errors.ProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The body of POST /api/v1/meta-analysis: hazard ratios with their CIs, pooled as given. */
@Schema(name = "PoolRequest", description = "Studies to pool, each a hazard ratio with its CI.")
public record PoolRequest(
        @Schema(description = "At least 2 and at most " + PoolRequest.MAX_STUDIES + " studies", required = true) List<StudyInput> studies,
        @Schema(description = "fixed or random (default); both are always reported", enumeration = {"fixed", "random"}, defaultValue = "random", example = "random") String model,
        @Schema(description = "Estimator of tau^2: REML (default), DL or PM", enumeration = {"REML", "DL", "PM"}, defaultValue = "REML", example = "REML") String tauEstimator,
        @Schema(description = "Hartung-Knapp-Sidik-Jonkman CI for the random-effects estimate (default true); false for Wald (z)", defaultValue = "true", example = "true") Boolean hartungKnapp,
        @Schema(description = "leave-one-out: add the random-effects estimate without each study in turn", enumeration = {"leave-one-out"}, example = "leave-one-out") String sensitivity) {

    static final int MAX_STUDIES = 1000;
    private static final BigDecimal DEFAULT_LEVEL = new BigDecimal("0.95");
    /** Bounds far beyond any real ratio that keep ln() finite in double precision. */
    private static final BigDecimal SMALLEST = new BigDecimal("0.000001");
    private static final BigDecimal LARGEST = new BigDecimal("1000000");

    @Schema(name = "PoolRequestStudy")
    public record StudyInput(
            @Schema(description = "Shown in the answer; default 'Study n'", example = "MONALEESA-2") String label,
            @Schema(description = "Positive; ciLower <= hazardRatio <= ciUpper", required = true, example = "0.568") BigDecimal hazardRatio,
            @Schema(description = "Lower bound of the CI, positive", required = true, example = "0.457") BigDecimal ciLower,
            @Schema(description = "Greater than ciLower", required = true, example = "0.704") BigDecimal ciUpper,
            @Schema(description = "Level of the CI as a fraction, 0 < ciLevel < 1; default 0.95", defaultValue = "0.95", example = "0.95") BigDecimal ciLevel) { }

    /**
     * Reads and validates a body strictly: unknown fields and numbers sent as strings are malformed (400), values
     * out of range are invalid (422); either names the field by its JSON path.
     */
    static PoolRequest read(ObjectReader reader, String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.malformedBody(null, "A JSON body is required: {\"studies\": [{\"label\": ..., \"hazardRatio\": ..., \"ciLower\": ..., \"ciUpper\": ..., \"ciLevel\": 0.95}, ...], \"model\": \"random\", \"tauEstimator\": \"REML\", \"hartungKnapp\": true}.");
        }
        PoolRequest request;
        try {
            request = reader.readValue(body);
        } catch (JsonProcessingException e) {
            throw malformed(e, FIELDS, SHAPE);
        }
        if (request == null) {
            throw ProblemException.malformedBody(null, "The body must be a JSON object with 'studies'.");
        }
        return request.validated();
    }

    private static final String FIELDS = "the body has studies, model, tauEstimator, hartungKnapp and sensitivity, a study has label, hazardRatio,"
            + " ciLower, ciUpper and ciLevel";
    private static final String SHAPE = "{\"studies\": [{\"hazardRatio\": ..., \"ciLower\": ..., \"ciUpper\": ...}, ...]}";

    static ObjectReader strictReader(ObjectMapper mapper) {
        return strictReader(mapper, PoolRequest.class);
    }

    /** A reader of a request body of this type that refuses what Jackson would otherwise let through silently; build it once. */
    public static ObjectReader strictReader(ObjectMapper mapper, Class<?> type) {
        ObjectMapper strict = mapper.copy();
        strict.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return strict.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Jackson's messages name our classes and echo the input; the problem says what to fix in the API's terms.
     *
     * @param fields the body's fields in words, for an unknown field
     * @param shape  the body's shape as JSON, for anything else
     */
    public static ProblemException malformed(JsonProcessingException e, String fields, String shape) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof StreamReadException)) {
            cause = cause.getCause();
        }
        if (cause instanceof StreamReadException syntax) {
            JsonLocation at = syntax.getLocation();
            return ProblemException.malformedBody(null, "The body is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ".");
        }
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ProblemException.malformedBody(field, "Unknown field '" + unknown.getPropertyName() + "': " + fields + ".");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            String expected = BigDecimal.class.equals(type) ? "a number" : String.class.equals(type) ? "a string"
                    : Boolean.class.equals(type) ? "true or false"
                    : List.class.isAssignableFrom(type) ? "an array" : "an object";
            return ProblemException.malformedBody(field, (field == null ? "The body" : field) + " must be " + expected + ".");
        }
        return ProblemException.malformedBody(field, "The body does not have the documented shape: " + shape + ".");
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private PoolRequest validated() {
        PoolingOptions.fromBody(model, tauEstimator, hartungKnapp, sensitivity);
        if (studies == null || studies.size() < 2) {
            throw ProblemException.invalidBody("studies", "At least 2 studies are needed to pool; got " + (studies == null ? 0 : studies.size()) + ".", null);
        }
        if (studies.size() > MAX_STUDIES) {
            throw ProblemException.invalidBody("studies", "At most " + MAX_STUDIES + " studies can be pooled in one request; got " + studies.size() + ".", null);
        }
        List<StudyInput> checked = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) {
            checked.add(validated(i, studies.get(i)));
        }
        return new PoolRequest(checked, model, tauEstimator, hartungKnapp, sensitivity);
    }

    private static StudyInput validated(int index, StudyInput study) {
        String at = "studies[" + index + "]";
        if (study == null) {
            throw ProblemException.invalidBody(at, "Each study is an object with hazardRatio, ciLower, ciUpper and ciLevel.", null);
        }
        positive(at + ".hazardRatio", study.hazardRatio());
        positive(at + ".ciLower", study.ciLower());
        positive(at + ".ciUpper", study.ciUpper());
        if (study.ciLower().compareTo(study.hazardRatio()) > 0) {
            throw ProblemException.invalidBody(at + ".ciLower", "ciLower (" + study.ciLower().toPlainString() + ") is above hazardRatio ("
                    + study.hazardRatio().toPlainString() + "); a CI contains its estimate.", null);
        }
        if (study.ciUpper().compareTo(study.hazardRatio()) < 0) {
            throw ProblemException.invalidBody(at + ".ciUpper", "ciUpper (" + study.ciUpper().toPlainString() + ") is below hazardRatio ("
                    + study.hazardRatio().toPlainString() + "); a CI contains its estimate.", null);
        }
        if (study.ciUpper().compareTo(study.ciLower()) == 0) {
            throw ProblemException.invalidBody(at + ".ciUpper", "ciUpper equals ciLower: a CI of zero width gives no standard error to weight by.", null);
        }
        BigDecimal level = study.ciLevel() == null ? DEFAULT_LEVEL : study.ciLevel();
        if (level.signum() <= 0 || level.compareTo(BigDecimal.ONE) >= 0) {
            throw ProblemException.invalidBody(at + ".ciLevel", "ciLevel is the CI's level as a fraction, between 0 and 1 exclusive (0.95 for a 95% CI); got "
                    + level.toPlainString() + ".", null);
        }
        String label = study.label() == null || study.label().isBlank() ? "Study " + (index + 1) : study.label().strip();
        if (label.length() > 200) {
            throw ProblemException.invalidBody(at + ".label", "A label has at most 200 characters.", null);
        }
        return new StudyInput(label, study.hazardRatio(), study.ciLower(), study.ciUpper(), level);
    }

    private static void positive(String field, BigDecimal value) {
        if (value == null) {
            throw ProblemException.invalidBody(field, field + " is required.", null);
        }
        if (value.compareTo(SMALLEST) < 0 || value.compareTo(LARGEST) > 0) {
            throw ProblemException.invalidBody(field, field + " must be a positive number from " + SMALLEST.toPlainString() + " to "
                    + LARGEST.toPlainString() + "; got " + value + ".", null);
        }
    }
}
