package org.trialevidence.analysis;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.trialevidence.paging.CsvColumns;

import java.math.BigDecimal;

/**
 * One poolable comparison in the long format of R's netmeta and metafor: TE is ln(HR) of treat1 relative to treat2,
 * seTE its standard error from the CI.
 */
@Schema(name = "ContrastRow", description = "One poolable comparison (one per trial, endpoint and contrast, chosen as the meta-analysis chooses) in"
        + " netmeta's long format: TE = ln(HR) of treat1 (the experimental arm) relative to treat2 (the control arm), seTE its SE from the CI."
        + " Treatments are named at the level the contrast pools them, so trials of one question share their names.")
public record ContrastRow(
        @Schema(description = "Study label: the trial acronym (shared by the pairwise comparisons of a multi-arm trial)", example = "PALOMA-2") String studlab,
        @Schema(description = "The experimental arm's treatment, by drug class", example = "CDK4/6i + endocrine-therapy") String treat1,
        @Schema(description = "The control arm's treatment, by drug class", example = "endocrine-therapy") String treat2,
        @Schema(description = "ln(HR) of treat1 relative to treat2", example = "-0.5798185") BigDecimal TE,
        @Schema(description = "SE of TE: (ln upper - ln lower) / (2 z) at the CI's level", example = "0.08047") BigDecimal seTE,
        @Schema(example = "paloma-2-pfs-itt-review-001-table") String resultId,
        @Schema(example = "paloma-2") String trial,
        @Schema(example = "PFS") String endpoint,
        @Schema(example = "ITT") String population,
        @Schema(description = "The randomized question (contrast.question)", example = "CDK4/6i + endocrine-therapy vs endocrine-therapy") String contrast,
        @Schema(description = "Its id (contrast.id): rows with the same id and endpoint are what the meta-analysis pools", example = "add-on;added=CDK4/6i;common=endocrine-therapy") String contrastId,
        @Schema(example = "0.56") BigDecimal hazardRatio,
        @Schema(example = "0.46") BigDecimal ciLower,
        @Schema(example = "0.69") BigDecimal ciUpper,
        @Schema(example = "0.95") BigDecimal ciLevel) {

    static final CsvColumns<ContrastRow> CSV = new CsvColumns<ContrastRow>()
            .add("studlab", ContrastRow::studlab)
            .add("treat1", ContrastRow::treat1)
            .add("treat2", ContrastRow::treat2)
            .add("TE", ContrastRow::TE)
            .add("seTE", ContrastRow::seTE)
            .add("resultId", ContrastRow::resultId)
            .add("trial", ContrastRow::trial)
            .add("endpoint", ContrastRow::endpoint)
            .add("population", ContrastRow::population)
            .add("contrast", ContrastRow::contrast)
            .add("contrastId", ContrastRow::contrastId)
            .add("hazardRatio", ContrastRow::hazardRatio)
            .add("ciLower", ContrastRow::ciLower)
            .add("ciUpper", ContrastRow::ciUpper)
            .add("ciLevel", ContrastRow::ciLevel);
}
