package org.trialevidence.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** The answer of a network meta-analysis: both models, the league table, the ranking, the inconsistency checks and what went in. */
@Schema(name = "NetworkMetaAnalysis", description = "A frequentist network meta-analysis (consistency model) of every treatment against every other.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NetworkView(
        @Schema(description = "HR, OR, RR (analysed on the log scale, reported as ratios) or MD (identity scale)", example = "HR") String effectMeasure,
        @Schema(description = "log for ratio measures: estimates and CI bounds are ratios, standard errors stay on the log scale; identity for MD",
                example = "log") String scale,
        @Schema(description = "The treatment every estimate is relative to", example = "AI") String reference,
        Method method,
        Model fixedEffect,
        Model randomEffects,
        @Schema(description = "Every ordered pair of treatments: the row treatment relative to the column treatment, both models") List<LeagueEntry> leagueTable,
        Ranking ranking,
        Inconsistency inconsistency,
        @Schema(description = "The studies that went in") List<Study> studies,
        @Schema(description = "The pairs of treatments compared directly, with their studies") List<Comparison> comparisons,
        @Schema(description = "Curated data only: parts of the network not connected to the answered one, with their trials") List<LeftOut> leftOut,
        @Schema(description = "Reasons to distrust parts of the answer: comparisons resting on one study, inconsistency, approximations") List<String> warnings) {

    @Schema(name = "NetworkMethod")
    public record Method(@Schema(example = "frequentist consistency model, Wald 95% CIs") String summary,
                         @Schema(description = "What the method assumes and computes") String description) { }

    @Schema(name = "NetworkModel", description = "One model's estimates of every treatment relative to the reference")
    public record Model(List<Estimate> estimates,
                        @Schema(description = "Random effects only: the one heterogeneity variance of every comparison, by REML (analysis scale)",
                                example = "0.0999") BigDecimal tauSquared) { }

    @Schema(name = "NetworkEstimate")
    public record Estimate(@Schema(example = "CDK4/6i + AI") String treatment,
                           @Schema(description = "The reference", example = "AI") String versus,
                           @Schema(description = "treatment relative to versus (a ratio for HR, OR, RR)", example = "0.57") BigDecimal estimate,
                           @Schema(example = "0.49") BigDecimal ciLower,
                           @Schema(example = "0.66") BigDecimal ciUpper,
                           @Schema(description = "On the analysis scale (of ln ratio for ratio measures)", example = "0.075") BigDecimal standardError) { }

    @Schema(name = "NetworkInterval", description = "An estimate with its 95% CI, as a ratio for ratio measures")
    public record Interval(BigDecimal estimate, BigDecimal ciLower, BigDecimal ciUpper) { }

    @Schema(name = "NetworkLeagueEntry", description = "row relative to column: for HR, a value below 1 favours the row treatment")
    public record LeagueEntry(@Schema(description = "The treatment whose effect is stated", example = "CDK4/6i + AI") String row,
                              @Schema(description = "The treatment it is relative to", example = "AI") String column,
                              Interval fixedEffect, Interval randomEffects) { }

    @Schema(name = "NetworkRanking")
    public record Ranking(@Schema(description = "desirable: small values are good (HR of progression or death); undesirable: large values are good",
                                  enumeration = {"desirable", "undesirable"}, example = "desirable") String smallValues,
                          @Schema(description = "Treatments by random-effects P-score, best first") List<RankedTreatment> treatments) { }

    @Schema(name = "NetworkRankedTreatment", description = "P-scores (Rücker & Schwarzer 2015) in [0, 1]: 1 is certainly the best, 0 certainly the worst")
    public record RankedTreatment(String treatment, BigDecimal pScoreFixed, BigDecimal pScoreRandom) { }

    @Schema(name = "NetworkInconsistency")
    public record Inconsistency(DesignByTreatment designByTreatment, NodeSplitting nodeSplitting) { }

    @Schema(name = "NetworkDesignByTreatment", description = "Krahn et al. 2013: the fixed-effect Q of the network split into heterogeneity within"
            + " designs (studies of the same set of treatments) and inconsistency between designs")
    public record DesignByTreatment(Q total, Q withinDesigns, Q betweenDesigns) { }

    @Schema(name = "NetworkQ", description = "A Q statistic; pValue is absent when df is 0")
    public record Q(BigDecimal q, int df, BigDecimal pValue) { }

    @Schema(name = "NetworkNodeSplitting")
    public record NodeSplitting(@Schema(description = "How direct and indirect evidence are separated") String method,
                                List<Split> fixedEffect, List<Split> randomEffects) { }

    @Schema(name = "NetworkSplit", description = "One directly compared pair: treatment relative to versus from its own studies and from the rest")
    public record Split(String treatment, String versus,
                        @Schema(description = "Studies comparing the two") int studies,
                        Interval direct,
                        @Schema(description = "From every other study; absent when those do not link the two treatments") Interval indirect,
                        @Schema(description = "direct - indirect on the analysis scale (ln for ratio measures)") BigDecimal difference,
                        @Schema(description = "Two-sided z test of the difference") BigDecimal pValue) { }

    @Schema(name = "NetworkStudy")
    public record Study(@Schema(example = "MONALEESA-2") String study,
                        @Schema(description = "Its arms as network treatments") List<String> treatments,
                        @Schema(description = "Curated data: the trial id") String trial,
                        @Schema(description = "Curated data: the results it contributes") List<String> resultIds) { }

    @Schema(name = "NetworkComparison")
    public record Comparison(String treatment1, String treatment2, @Schema(description = "Study labels") List<String> studies) { }

    @Schema(name = "NetworkLeftOut", description = "A part of the network not connected to the answered one")
    public record LeftOut(List<String> treatments, List<String> trials) { }
}
