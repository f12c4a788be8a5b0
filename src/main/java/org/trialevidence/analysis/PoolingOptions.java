package org.trialevidence.analysis;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.trialevidence.errors.ProblemException;
import org.trialevidence.paging.QueryValues;
import org.trialevidence.stats.TauEstimator;

import java.util.Arrays;
import java.util.List;

/** How to pool: the model to emphasise, the tau^2 estimator, the random-effects interval and the sensitivity analysis. */
public record PoolingOptions(EffectModel model, TauEstimator tauEstimator, boolean hartungKnapp, boolean leaveOneOut) {
    static final List<String> ESTIMATORS = Arrays.stream(TauEstimator.values()).map(Enum::name).toList();
    static final String LEAVE_ONE_OUT = "leave-one-out";

    /** The query parameters of GET /api/v1/meta-analysis and its forest plot, as sent. */
    public static class Criteria {
        @QueryParam("model")
        @Parameter(description = MetaAnalysisResource.MODEL_DESCRIPTION, example = "random", schema = @Schema(enumeration = {"fixed", "random"}, defaultValue = "random"))
        public String model;

        @QueryParam("tauEstimator")
        @Parameter(description = "Estimator of the between-study variance tau^2: REML (restricted maximum likelihood, default), DL (DerSimonian-Laird)"
                + " or PM (Paule-Mandel), as metafor's rma(method = ...).", example = "REML", schema = @Schema(enumeration = {"REML", "DL", "PM"}, defaultValue = "REML"))
        public String tauEstimator;

        @QueryParam("hartungKnapp")
        @Parameter(description = "true (default): random-effects CI and test by Hartung-Knapp-Sidik-Jonkman, t with k-1 df (metafor test = \"knha\");"
                + " false: Wald, z (test = \"z\"), which is too narrow with few studies.", example = "true", schema = @Schema(enumeration = {"true", "false"}, defaultValue = "true"))
        public String hartungKnapp;

        @QueryParam("sensitivity")
        @Parameter(description = "leave-one-out: add the random-effects estimate without each pooled study in turn (metafor leave1out()).",
                schema = @Schema(enumeration = {"leave-one-out"}))
        public String sensitivity;
    }

    public static PoolingOptions fromQuery(Criteria criteria) {
        return new PoolingOptions(EffectModel.fromQuery(criteria.model),
                criteria.tauEstimator == null ? TauEstimator.REML
                        : TauEstimator.valueOf(QueryValues.oneOf("tauEstimator", List.of(criteria.tauEstimator), ESTIMATORS).iterator().next()),
                QueryValues.bool("hartungKnapp", criteria.hartungKnapp).orElse(true),
                !QueryValues.oneOf("sensitivity", criteria.sensitivity == null ? null : List.of(criteria.sensitivity), List.of(LEAVE_ONE_OUT)).isEmpty());
    }

    static PoolingOptions fromBody(String model, String tauEstimator, Boolean hartungKnapp, String sensitivity) {
        TauEstimator estimator = tauEstimator == null ? TauEstimator.REML : Arrays.stream(TauEstimator.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(tauEstimator.strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalidBody("tauEstimator", "'" + tauEstimator + "' is not a tau^2 estimator; use REML, DL or PM.", ESTIMATORS));
        if (sensitivity != null && !LEAVE_ONE_OUT.equalsIgnoreCase(sensitivity.strip())) {
            throw ProblemException.invalidBody("sensitivity", "'" + sensitivity + "' is not a sensitivity analysis; use leave-one-out.", List.of(LEAVE_ONE_OUT));
        }
        return new PoolingOptions(EffectModel.fromBody(model), estimator, hartungKnapp == null || hartungKnapp, sensitivity != null);
    }

    /** The metafor call that reproduces the random-effects estimate. */
    String r() {
        return "rma(yi, sei = sei, method = \"" + tauEstimator.name() + "\", test = \"" + (hartungKnapp ? "knha" : "z") + "\")";
    }
}
