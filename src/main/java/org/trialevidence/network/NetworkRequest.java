package org.trialevidence.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trialevidence.analysis.PoolRequest;
import org.trialevidence.errors.ProblemException;

import java.math.BigDecimal;
import java.util.List;

/** The body of POST /api/v1/network-meta-analysis: contrasts in netmeta's long format. */
@Schema(name = "NetworkRequest", description = "Contrasts in netmeta's convention: each row is treatment1 relative to treatment2 in one study; a"
        + " multi-arm study gives every pair of its arms.")
public record NetworkRequest(
        @Schema(description = "HR, OR, RR (estimate is the ln of the ratio, standardError that of the ln) or MD", required = true,
                enumeration = {"HR", "OR", "RR", "MD"}, example = "OR") String effectMeasure,
        @Schema(description = "The treatment every estimate is relative to; one of the treatments", required = true, example = "no_contact") String reference,
        @Schema(description = "desirable (default: small values are good, e.g. HR of death) or undesirable (e.g. OR of quitting smoking); orients the P-scores",
                enumeration = {"desirable", "undesirable"}, defaultValue = "desirable", example = "undesirable") String smallValues,
        @Schema(description = "At least one; at most " + NetworkRequest.MAX_CONTRASTS, required = true) List<ContrastInput> contrasts) {

    static final int MAX_CONTRASTS = 5000;
    static final List<String> EFFECT_MEASURES = List.of("HR", "OR", "RR", "MD");
    static final List<String> SMALL_VALUES = List.of("desirable", "undesirable");
    private static final String FIELDS = "the body has effectMeasure, reference, smallValues and contrasts, a contrast has study, treatment1,"
            + " treatment2, estimate and standardError";
    private static final String SHAPE = "{\"effectMeasure\": \"OR\", \"reference\": ..., \"contrasts\": [{\"study\": ..., \"treatment1\": ...,"
            + " \"treatment2\": ..., \"estimate\": ..., \"standardError\": ...}, ...]}";

    @Schema(name = "NetworkContrastInput")
    public record ContrastInput(
            @Schema(description = "Study label; the rows of a multi-arm study share it", required = true, example = "Cottraux et al. (1983)") String study,
            @Schema(required = true, example = "ind_counseling") String treatment1,
            @Schema(required = true, example = "no_contact") String treatment2,
            @Schema(description = "treatment1 relative to treatment2: ln(ratio) for HR, OR, RR; the difference for MD", required = true,
                    example = "0.9621") BigDecimal estimate,
            @Schema(description = "Standard error of estimate, positive", required = true, example = "0.4039") BigDecimal standardError) { }

    static NetworkRequest read(ObjectReader reader, String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.malformedBody(null, "A JSON body is required: " + SHAPE + ".");
        }
        NetworkRequest request;
        try {
            request = reader.readValue(body);
        } catch (JsonProcessingException e) {
            throw PoolRequest.malformed(e, FIELDS, SHAPE);
        }
        if (request == null) {
            throw ProblemException.malformedBody(null, "The body must be a JSON object: " + SHAPE + ".");
        }
        request.validate();
        return request;
    }

    boolean ratio() {
        return !"MD".equals(effectMeasure);
    }

    boolean smallValuesDesirable() {
        return smallValues == null || "desirable".equals(smallValues);
    }

    private void validate() {
        if (effectMeasure == null || !EFFECT_MEASURES.contains(effectMeasure)) {
            throw ProblemException.invalidBody("effectMeasure", "effectMeasure is " + (effectMeasure == null ? "required" : "'" + effectMeasure + "', not")
                    + " one of HR, OR, RR (log scale) and MD.", EFFECT_MEASURES);
        }
        if (smallValues != null && !SMALL_VALUES.contains(smallValues)) {
            throw ProblemException.invalidBody("smallValues", "smallValues is desirable or undesirable; got '" + smallValues + "'.", SMALL_VALUES);
        }
        if (reference == null || reference.isBlank()) {
            throw ProblemException.invalidBody("reference", "reference, the treatment every estimate is relative to, is required.", null);
        }
        if (contrasts == null || contrasts.isEmpty()) {
            throw ProblemException.invalidBody("contrasts", "At least one contrast is required.", null);
        }
        if (contrasts.size() > MAX_CONTRASTS) {
            throw ProblemException.invalidBody("contrasts", "At most " + MAX_CONTRASTS + " contrasts; got " + contrasts.size() + ".", null);
        }
        for (int i = 0; i < contrasts.size(); i++) {
            String at = "contrasts[" + i + "]";
            ContrastInput contrast = contrasts.get(i);
            if (contrast == null) {
                throw ProblemException.invalidBody(at, "Each contrast is an object with study, treatment1, treatment2, estimate and standardError.", null);
            }
            text(at + ".study", contrast.study());
            text(at + ".treatment1", contrast.treatment1());
            text(at + ".treatment2", contrast.treatment2());
            if (contrast.estimate() == null) {
                throw ProblemException.invalidBody(at + ".estimate", at + ".estimate is required.", null);
            }
            if (contrast.standardError() == null || contrast.standardError().signum() <= 0) {
                throw ProblemException.invalidBody(at + ".standardError", at + ".standardError must be a positive number; got "
                        + (contrast.standardError() == null ? "none" : contrast.standardError().toPlainString()) + ".", null);
            }
        }
    }

    private static void text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidBody(field, field + " is required.", null);
        }
        if (value.length() > 200) {
            throw ProblemException.invalidBody(field, field + " has at most 200 characters.", null);
        }
    }
}
