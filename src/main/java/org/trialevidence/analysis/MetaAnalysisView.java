package org.trialevidence.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trialevidence.contrast.Contrast;

import java.math.BigDecimal;
import java.util.List;

/**
 * The JSON contract of a meta-analysis of hazard ratios (GET and POST /api/v1/meta-analysis). A pool covers one
 * contrast: with one, its estimates are at the top level; with several, each is a subgroup and nothing is estimated
 * across them.
 */
@Schema(name = "MetaAnalysis", description = "Inverse-variance pooling of hazard ratios within one contrast (one randomized question): fixed and"
        + " random effects, heterogeneity, prediction interval, the pooled studies with their weights, and the matching results that were"
        + " not pooled. When the matched results span several contrasts, 'subgroups' holds one pool per contrast and the top level has no"
        + " estimate, only the test for subgroup differences.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetaAnalysisView(
        @Schema(description = "The model asked for (fixed or random); both are always reported, this one is drawn as the emphasised diamond of the forest plot and sizes its squares", example = "random") String model,
        Method method,
        @Schema(description = "The contrast pooled (GET with one contrast); absent for POST and when there are subgroups") Contrast contrast,
        @Schema(description = "Fixed-effect (common-effect) inverse-variance estimate; absent when there are subgroups") Pooled fixedEffect,
        @Schema(description = "Random-effects estimate (method.tauEstimator, Hartung-Knapp-Sidik-Jonkman CI when method.hartungKnapp); absent when there are subgroups") Pooled randomEffects,
        Heterogeneity heterogeneity,
        @Schema(description = "95% prediction interval of the hazard ratio in a new study of the same contrast; absent with fewer than 3 studies") Interval predictionInterval,
        @Schema(description = "The pooled studies, one per trial") List<Study> studies,
        @Schema(description = "With sensitivity=leave-one-out: the random-effects estimate without each study in turn") List<LeaveOneOut> leaveOneOut,
        @Schema(description = "What to keep in mind when reading the estimates (few studies, HKSJ narrower than Wald, ...)") List<String> warnings,
        @Schema(description = "One pool per contrast, when the matched results span several; each has the fields above") List<Subgroup> subgroups,
        @Schema(description = "Test for subgroup differences over the subgroups' random-effects estimates; only with subgroups") SubgroupDifferences subgroupDifferences,
        @Schema(description = "Results the query matched but that are not pooled, each with the reason; empty for POST") List<Excluded> excluded) {

    @Schema(name = "MetaAnalysisMethod", description = "How the studies were chosen and pooled, named so that R's metafor reproduces it")
    public record Method(@Schema(description = "Estimator of tau^2: REML, DL (DerSimonian-Laird) or PM (Paule-Mandel)", example = "REML") String tauEstimator,
                         @Schema(description = "Random-effects CI and test by Hartung-Knapp-Sidik-Jonkman (t with k-1 df) instead of Wald (z)", example = "true") boolean hartungKnapp,
                         @Schema(description = "The metafor call that reproduces the random-effects estimate", example = "rma(yi, sei = sei, method = \"REML\", test = \"knha\")") String r,
                         @Schema(description = "The method in words: SE recovery, estimators, intervals, study selection") String description) { }

    @Schema(name = "MetaAnalysisSubgroup", description = "The pool of one contrast")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subgroup(Contrast contrast, Pooled fixedEffect, Pooled randomEffects, Heterogeneity heterogeneity, Interval predictionInterval,
                           List<Study> studies, List<LeaveOneOut> leaveOneOut, List<String> warnings) { }

    @Schema(name = "SubgroupDifferences", description = "Cochran's Q of the subgroups' random-effects estimates around their inverse-variance mean"
            + " (metafor: rma(estimates, sei = standardErrors, method = \"FE\")$QE); chi-squared with subgroups - 1 df")
    public record SubgroupDifferences(@Schema(example = "4.21") BigDecimal q, @Schema(example = "1") int df, @Schema(example = "0.0402") BigDecimal pValue) { }

    @Schema(name = "PooledHazardRatio", description = "A pooled hazard ratio with its 95% CI and the test of ln(HR) = 0")
    public record Pooled(@Schema(example = "0.538") BigDecimal hazardRatio,
                         @Schema(description = "Lower bound of the 95% CI", example = "0.482") BigDecimal ciLower,
                         @Schema(description = "Upper bound of the 95% CI", example = "0.600") BigDecimal ciUpper,
                         @Schema(description = "Standard error of ln(HR)", example = "0.0561") BigDecimal standardError,
                         @Schema(description = "z (Wald) or t (Hartung-Knapp)", example = "z") String test,
                         @Schema(description = "ln(HR) / SE", example = "-11.06") BigDecimal statistic,
                         @Schema(description = "Degrees of freedom of t; null for z", example = "5", nullable = true) Integer df,
                         @Schema(description = "Two-sided p-value of the statistic", example = "0.0000000000000000000000000001884") BigDecimal pValue) { }

    @Schema(name = "Heterogeneity")
    public record Heterogeneity(@Schema(description = "Cochran's Q", example = "2.069") BigDecimal q,
                                @Schema(description = "Degrees of freedom of Q: studies - 1", example = "5") int df,
                                @Schema(description = "p-value of Q (chi-squared with df degrees of freedom)", example = "0.840") BigDecimal pValue,
                                @Schema(description = "Between-study variance of ln(HR), by method.tauEstimator", example = "0") BigDecimal tauSquared,
                                @Schema(description = "Lower bound of the 95% Q-profile CI of tau^2", example = "0") BigDecimal tauSquaredCiLower,
                                @Schema(description = "Upper bound of the 95% Q-profile CI of tau^2", example = "0.0876") BigDecimal tauSquaredCiUpper,
                                @Schema(description = "I^2 in percent from tau^2: 100 tau^2 / (tau^2 + s^2), s^2 the typical within-study variance", example = "0") BigDecimal iSquared,
                                @Schema(description = "H^2 from tau^2: (tau^2 + s^2) / s^2", example = "1") BigDecimal hSquared) { }

    @Schema(name = "PredictionInterval")
    public record Interval(@Schema(example = "0.461") BigDecimal lower, @Schema(example = "0.629") BigDecimal upper) { }

    @Schema(name = "LeaveOneOut", description = "The random-effects estimate without one study")
    public record LeaveOneOut(@Schema(description = "The trial (GET) or label (POST) left out", example = "PALOMA-2") String omitted,
                              @Schema(example = "0.562") BigDecimal hazardRatio,
                              @Schema(example = "0.471") BigDecimal ciLower,
                              @Schema(example = "0.671") BigDecimal ciUpper) { }

    @Schema(name = "PooledStudy")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Study(@Schema(description = "Result id (GET only)", example = "monaleesa-2-pfs-itt") String result,
                        @Schema(description = "Trial acronym (GET only)", example = "MONALEESA-2") String trial,
                        @Schema(example = "MONALEESA-2: ITT") String label,
                        @Schema(description = "The study's own contrast label (GET only): the subgroup's contrast at drug-class level", example = "CDK4/6i + AI vs AI") String contrast,
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
