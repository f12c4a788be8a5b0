package org.trialevidence.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The JSON contract of a meta-analysis of hazard ratios (GET and POST /api/v1/meta-analysis). */
@Schema(name = "MetaAnalysis", description = "Inverse-variance pooling of hazard ratios: fixed and random effects, heterogeneity, prediction interval, the pooled studies with their weights, and the matching results that were not pooled.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetaAnalysisView(
        @Schema(description = "The model asked for (fixed or random); both are always reported, this one is drawn as the emphasised diamond of the forest plot and sizes its squares", example = "random") String model,
        @Schema(description = "Fixed-effect (common-effect) inverse-variance estimate") Pooled fixedEffect,
        @Schema(description = "DerSimonian-Laird random-effects estimate") Pooled randomEffects,
        Heterogeneity heterogeneity,
        @Schema(description = "95% prediction interval of the hazard ratio in a new study (random effects, t distribution with k-2 df); absent with fewer than 3 studies") Interval predictionInterval,
        @Schema(description = "The pooled studies, one per trial") List<Study> studies,
        @Schema(description = "Results the query matched but that are not pooled, each with the reason; empty for POST") List<Excluded> excluded,
        @Schema(description = "How the studies were chosen and pooled", example = "Inverse-variance pooling of ln(HR) ...") String method) {

    @Schema(name = "PooledHazardRatio", description = "A pooled hazard ratio with its 95% CI and the z-test of ln(HR) = 0")
    public record Pooled(@Schema(example = "0.538") BigDecimal hazardRatio,
                         @Schema(description = "Lower bound of the 95% CI", example = "0.482") BigDecimal ciLower,
                         @Schema(description = "Upper bound of the 95% CI", example = "0.600") BigDecimal ciUpper,
                         @Schema(description = "ln(HR) / SE", example = "-11.06") BigDecimal z,
                         @Schema(description = "Two-sided p-value of z", example = "0.0000000000000000000000000001884") BigDecimal pValue) { }

    @Schema(name = "Heterogeneity")
    public record Heterogeneity(@Schema(description = "Cochran's Q", example = "2.069") BigDecimal q,
                                @Schema(description = "Degrees of freedom of Q: studies - 1", example = "5") int df,
                                @Schema(description = "p-value of Q (chi-squared with df degrees of freedom)", example = "0.840") BigDecimal pValue,
                                @Schema(description = "I^2 in percent: max(0, (Q - df) / Q) x 100", example = "0") BigDecimal iSquared,
                                @Schema(description = "Between-study variance of ln(HR), DerSimonian-Laird", example = "0") BigDecimal tauSquared) { }

    @Schema(name = "PredictionInterval")
    public record Interval(@Schema(example = "0.461") BigDecimal lower, @Schema(example = "0.629") BigDecimal upper) { }

    @Schema(name = "PooledStudy")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Study(@Schema(description = "Result id (GET only)", example = "monaleesa-2-pfs-itt") String result,
                        @Schema(description = "Trial acronym (GET only)", example = "MONALEESA-2") String trial,
                        @Schema(example = "MONALEESA-2: ITT") String label,
                        @Schema(example = "0.568") BigDecimal hazardRatio,
                        @Schema(example = "0.457") BigDecimal ciLower,
                        @Schema(example = "0.704") BigDecimal ciUpper,
                        @Schema(description = "Level of the study's CI as a fraction", example = "0.95") BigDecimal ciLevel,
                        @Schema(description = "Weight in the fixed-effect estimate, percent", example = "25.83") BigDecimal weightFixed,
                        @Schema(description = "Weight in the random-effects estimate, percent", example = "25.83") BigDecimal weightRandom) { }

    @Schema(name = "ExcludedResult")
    public record Excluded(@Schema(description = "Result id", example = "monarch-3-pfs-itt") String result,
                           @Schema(description = "Trial acronym", example = "MONARCH 3") String trial,
                           @Schema(description = "Why it is not pooled", example = "Hazard ratio without a confidence interval, so its standard error is unknown; monarch-3-pfs-itt-review-001-table is pooled for this trial.") String reason) { }
}
