package org.trialevidence.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.trialevidence.contrast.Contrast;
import org.trialevidence.dataset.SourceView;

import java.math.BigDecimal;
import java.util.List;

/** The JSON contract of one result (an item of GET /api/v1/results, and of a trial's results). */
@Schema(name = "Result", description = "One reported outcome of a trial with its per-arm values, the comparison between two arms, and its source.")
public record ResultView(
        @Schema(example = "serena-6-pfs-itt") String id,
        TrialRef trial,
        @Schema(description = "Settings vocabulary code of the trial", example = "metastatic-first-line") String setting,
        @Schema(description = "Endpoints vocabulary code", example = "PFS") String endpoint,
        @Schema(description = "For landmark rates, e.g. 5-year; null otherwise", example = "5-year", nullable = true) String timepoint,
        Population population,
        Analysis analysis,
        @Schema(description = "Biomarker codes of the trial's selection and of the subgroup", example = "[\"ER-positive\", \"HER2-negative\", \"ESR1-mutant\"]") List<String> biomarkers,
        List<ArmResult> arms,
        Comparison comparison,
        @Schema(description = "The result as printed in the source, OCR faults included") String rawText,
        @Schema(description = "Curation notes") List<String> notes,
        @Schema(description = "Explicit corrections of OCR faults: what the source shows, what is served, why") List<Correction> corrections,
        @Schema(description = "True when another result reports the same quantity with a different value, or a source disputes this one") boolean conflicting,
        @Schema(description = "Ids of the results this one conflicts with") List<String> conflictsWith,
        @Schema(description = "Sources that contradict this result without a number of their own") List<DisputingStatement> disputedBy,
        @Schema(description = "Set when the value looks copied from another row: why, and the rows it resembles. Such a result is never pooled.", nullable = true) Suspect suspect,
        @Schema(description = "The primary source (the first of sources)") SourceView source,
        @Schema(description = "Every source backing this result's numbers") List<SourceView> sources) {

    @Schema(name = "TrialRef")
    public record TrialRef(@Schema(example = "serena-6") String id, @Schema(example = "SERENA-6") String acronym,
                           @Schema(example = "3") String phase,
                           @Schema(example = "randomized-controlled-trial") String studyType) { }

    @Schema(name = "Population")
    public record Population(@Schema(description = "itt or subgroup", example = "itt") String type,
                             @Schema(example = "ITT (emergent ESR1 mutation)") String label,
                             @Schema(description = "Biomarker codes defining the subgroup") List<String> biomarkers) { }

    @Schema(name = "Analysis")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Analysis(@Schema(description = "primary, interim, final, updated, exploratory or not-stated", example = "interim") String type,
                           @Schema(description = "investigator, BICR or not-stated") String assessor,
                           String description) { }

    @Schema(name = "ArmResult")
    public record ArmResult(@Schema(example = "camizestrant-cdk46i") String arm,
                            @Schema(example = "Camizestrant + same CDK4/6 inhibitor") String label,
                            @Schema(description = "The arm's role in this result's comparison (in a multi-arm trial an arm can be the control of one"
                                    + " comparison and the experimental arm of another); the trial's role when the result compares no treatments",
                                    example = "experimental") String role,
                            @Schema(description = "Drug codes", example = "[\"camizestrant\", \"cdk46-inhibitor\"]") List<String> drugs,
                            @Schema(description = "As printed; null where the review gives none", nullable = true) String dose,
                            @Schema(description = "median (months) or rate (percent)", example = "median") String measure,
                            @Schema(description = "The median in months or the rate in percent; null when not reached", example = "16.0") BigDecimal value,
                            @Schema(description = "months or percent", example = "months") String unit,
                            boolean notReached,
                            @Schema(nullable = true) BigDecimal ciLower,
                            @Schema(nullable = true) BigDecimal ciUpper,
                            @Schema(description = "Patients in the arm, where stated", nullable = true) Integer patients) { }

    @Schema(name = "Comparison")
    public record Comparison(@Schema(example = "camizestrant-cdk46i") String experimentalArm,
                             @Schema(example = "ai-cdk46i") String controlArm,
                             @Schema(description = "HR, OR or RR", example = "HR") String effectMeasure,
                             @Schema(description = "The estimate when the effect measure is HR, else null", example = "0.44") BigDecimal hazardRatio,
                             @Schema(description = "The effect estimate, whatever its measure", example = "0.44") BigDecimal estimate,
                             @Schema(example = "0.31") BigDecimal ciLower,
                             @Schema(example = "0.60") BigDecimal ciUpper,
                             @Schema(description = "Confidence level of the CI as a fraction", example = "0.95") BigDecimal ciLevel,
                             @Schema(description = "The p-value as a number (the bound when printed with < or >)", example = "0.00001") BigDecimal pValue,
                             @Schema(description = "=, <, <=, > or >= : how pValue relates to the true p", example = "<") String pValueComparator,
                             @Schema(description = "The p-value as printed", example = "<0.00001") String pValueText,
                             @Schema(description = "The CI excludes 1; null without a CI", example = "true") Boolean significant,
                             @Schema(description = "What the randomization tested; null when the comparison tests no treatment (two biomarker groups"
                                     + " of one arm, an arm without curated drugs)") Contrast contrast) { }

    @Schema(name = "DisputingStatement")
    public record DisputingStatement(@Schema(example = "OS data is still immature") String statement, SourceView source) { }

    @Schema(name = "Suspect")
    public record Suspect(@Schema(example = "Nearly repeats SOLAR-1's OS row of the same table") String reason,
                          @Schema(description = "Ids of the results it resembles", example = "[\"solar-1-os-pik3ca-mutant\"]") List<String> resembles) { }

    @Schema(name = "Correction")
    public record Correction(@Schema(example = "arms[0].value") String field, @Schema(example = "PES 253") String sourceShows,
                             @Schema(example = "25.3") String served, String reason) { }
}
